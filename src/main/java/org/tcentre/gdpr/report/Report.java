package org.tcentre.gdpr.report;

import org.tcentre.gdpr.declaration.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.rules.RuleInfo;

/**
 * Everything a report says, computed once from an evaluation. Renderers (PDF, JSON) only lay it out;
 * none of them decides anything about compliance.
 *
 * @param reportId          stable for the same declaration, rule set and evaluation time
 * @param countsBySeverity  open (unwaived) findings per severity, most severe first, zero included: the verdict's
 * @param areas             every practice area P1–P6, in order, with its open findings
 * @param findings          every finding, open and waived, most severe first; a waived one carries its waiver
 * @param articlesEvaluated every article cited by a rule that ran, in natural order
 * @param declared          the declared record of processing, as the rules saw it (the PDF's appendix)
 * @param submitted         the declaration file exactly as submitted (the PDF embeds it)
 * @param packs             the rule packs that ran (by the rules' {@code law}), with how many rules each
 * @param articleCoverage   every article the rule set checks or an open finding cites, in natural order, with
 *                          whether an open finding cites it
 * @param waivedCountsBySeverity waived findings per severity, most severe first, zero included
 * @param expiredWaivers    waivers that expired before the evaluation date and would otherwise have waived an
 *                          open finding
 */
public record Report(
        String reportId,
        Instant generatedAt,
        Subject subject,
        DeclarationRef declaration,
        RuleSetRef ruleSet,
        Verdict verdict,
        Map<Severity, Long> countsBySeverity,
        List<AreaSummary> areas,
        List<Finding> findings,
        List<RuleInfo> rulesEvaluated,
        List<String> articlesEvaluated,
        Declaration declared,
        SubmittedFile submitted,
        List<RulePack> packs,
        List<ArticleCoverage> articleCoverage,
        Map<Severity, Long> waivedCountsBySeverity,
        List<Waiver> expiredWaivers) {

    /** What the declaration is about. */
    public record Subject(String productId, String productName, String productVersion, String owningTeam,
                          String controllerName, String controllerCountry) {
    }

    /** Which declaration was evaluated: id, where it came from, and the SHA-256 of its exact bytes. */
    public record DeclarationRef(String id, String source, String format, String sha256) {
    }

    /**
     * Which rule set evaluated it.
     *
     * @param profile the ruleset.yaml profile it was applied through, or {@code null} for none
     */
    public record RuleSetRef(String name, String version, String sha256, String profile, int rules) {
    }

    /**
     * One practice area's result.
     *
     * @param worst  the most severe finding's severity, or {@code null} when there is none
     * @param status "No findings", or the verdict the area's findings alone would give
     */
    public record AreaSummary(PracticeArea area, String title, int findings, Severity worst, String status) {
    }

    /**
     * A file as it was submitted: its name (without any directory) and its exact bytes.
     *
     * @param format "json" or "yaml", as the declaration reader decided
     */
    public record SubmittedFile(String name, String format, byte[] bytes) {

        public SubmittedFile {
            bytes = bytes == null ? new byte[0] : bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int size() {
            return bytes.length;
        }
    }

    /** A pack of rules resting on one law ("GDPR", "ePrivacy Directive") and how many of its rules ran. */
    public record RulePack(String law, int rules) {
    }

    /**
     * What the report says about one article.
     *
     * <p>There is no "not applicable": whether a rule could apply to a declaration is decided inside the
     * rule's conditions, which the report cannot see, so an article without a finding is "checked".
     *
     * @param rules    ids of the rules that cite the article (and of any finding citing it), sorted
     * @param findings number of findings citing it
     * @param foundBy  ids of the rules whose findings cite it, sorted; empty when there is none
     * @param worst    the most severe of those findings' severities, or {@code null} when there is none
     */
    public record ArticleCoverage(String article, CoverageStatus status, List<String> rules, int findings,
                                  List<String> foundBy, Severity worst) {
    }

    public enum CoverageStatus {
        /** At least one finding cites the article. */
        FINDING("Finding"),
        /** Rules citing the article ran and found nothing. */
        CHECKED("Checked");

        private final String label;

        CoverageStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The first {@code limit} open findings: the most severe, as findings are kept most severe first. */
    public List<Finding> mostSevere(int limit) {
        List<Finding> open = openFindings();
        return open.subList(0, Math.min(limit, open.size()));
    }

    /** The findings no waiver accepts, most severe first. */
    public List<Finding> openFindings() {
        return findings.stream().filter(f -> !f.waived()).toList();
    }

    /** The findings a waiver accepts, most severe first: reported in their own bucket. */
    public List<Finding> waivedFindings() {
        return findings.stream().filter(Finding::waived).toList();
    }

    public static Report of(Evaluation evaluation) {
        Declaration model = evaluation.declaration().model();
        var subject = new Subject(model.product().id(), model.product().name(), model.product().version(),
                model.product().owningTeam(), model.controller().name(), model.controller().country());
        var declaration = new DeclarationRef(evaluation.declaration().id(), evaluation.declaration().source(),
                evaluation.declaration().format(), evaluation.declaration().sha256());
        var ruleSet = new RuleSetRef(evaluation.ruleSet().name(), evaluation.ruleSet().version(),
                evaluation.ruleSet().sha256(), evaluation.ruleSet().profile(), evaluation.rulesEvaluated().size());

        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        Map<Severity, Long> waivedCounts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, evaluation.count(s));
            waivedCounts.put(s, evaluation.countWaived(s));
        }
        // Areas and article coverage judge like the verdict: on the open findings; waived ones have their own bucket.
        List<Finding> open = evaluation.open();
        List<AreaSummary> areas = new ArrayList<>();
        for (PracticeArea area : PracticeArea.values()) {
            List<Finding> inArea = open.stream().filter(f -> f.practiceArea() == area).toList();
            Severity worst = inArea.isEmpty() ? null : inArea.get(0).severity();
            String status = inArea.isEmpty() ? "No findings" : Verdict.of(inArea).label();
            areas.add(new AreaSummary(area, area.title(), inArea.size(), worst, status));
        }
        String reportId = sha256(declaration.sha256() + "|" + ruleSet.sha256() + "|" + evaluation.evaluatedAt())
                .substring(0, 20);
        var submitted = new SubmittedFile(fileName(evaluation.declaration().source(), evaluation.declaration().format()),
                evaluation.declaration().format(), evaluation.declaration().bytes());
        return new Report(reportId, evaluation.evaluatedAt(), subject, declaration, ruleSet, evaluation.verdict(),
                counts, List.copyOf(areas), evaluation.findings(), evaluation.rulesEvaluated(),
                articlesOf(evaluation.rulesEvaluated()), model, submitted, packsOf(evaluation.rulesEvaluated()),
                coverageOf(evaluation.rulesEvaluated(), open), waivedCounts, evaluation.expiredWaivers());
    }

    /** The file name without directories; "declaration.yaml" (or .json) when the source gives none. */
    private static String fileName(String source, String format) {
        String name = source == null ? "" : source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "declaration." + (format == null ? "txt" : format) : name;
    }

    private static List<RulePack> packsOf(List<RuleInfo> rules) {
        Map<String, Integer> byLaw = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : "GDPR".equals(a) ? -1 : "GDPR".equals(b) ? 1 : a.compareTo(b));
        rules.forEach(r -> byLaw.merge(r.law() == null ? "GDPR" : r.law(), 1, Integer::sum));
        return byLaw.entrySet().stream().map(e -> new RulePack(e.getKey(), e.getValue())).toList();
    }

    private static List<ArticleCoverage> coverageOf(List<RuleInfo> rules, List<Finding> findings) {
        Map<String, TreeSet<String>> citedBy = new TreeMap<>(ArticleOrder.INSTANCE);
        Map<String, Integer> findingCount = new TreeMap<>(ArticleOrder.INSTANCE);
        Map<String, Severity> worst = new TreeMap<>(ArticleOrder.INSTANCE);
        Map<String, TreeSet<String>> foundBy = new TreeMap<>(ArticleOrder.INSTANCE);
        for (RuleInfo rule : rules) {
            rule.articles().forEach(a -> citedBy.computeIfAbsent(a, k -> new TreeSet<>()).add(rule.id()));
        }
        for (Finding finding : findings) {
            for (String article : finding.articles()) {
                citedBy.computeIfAbsent(article, k -> new TreeSet<>()).add(finding.ruleId());
                findingCount.merge(article, 1, Integer::sum);
                worst.merge(article, finding.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                foundBy.computeIfAbsent(article, k -> new TreeSet<>()).add(finding.ruleId());
            }
        }
        List<ArticleCoverage> coverage = new ArrayList<>();
        citedBy.forEach((article, ruleIds) -> {
            int count = findingCount.getOrDefault(article, 0);
            coverage.add(new ArticleCoverage(article, count > 0 ? CoverageStatus.FINDING : CoverageStatus.CHECKED,
                    List.copyOf(ruleIds), count, List.copyOf(foundBy.getOrDefault(article, new TreeSet<>())),
                    worst.get(article)));
        });
        return List.copyOf(coverage);
    }

    private static List<String> articlesOf(Collection<RuleInfo> rules) {
        var articles = new TreeSet<String>(ArticleOrder.INSTANCE);
        rules.forEach(r -> articles.addAll(r.articles()));
        return List.copyOf(articles);
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
