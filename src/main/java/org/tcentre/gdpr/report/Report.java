package org.tcentre.gdpr.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.rules.RuleInfo;

/**
 * Everything a report says, computed once from an evaluation. Renderers (PDF, JSON) only lay it out;
 * none of them decides anything about compliance.
 *
 * @param reportId          stable for the same declaration, rule set and evaluation time
 * @param countsBySeverity  every severity, most severe first, zero included
 * @param areas             every practice area P1–P6, in order, with its findings
 * @param articlesEvaluated every article cited by a rule that ran, in natural order
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
        List<String> articlesEvaluated) {

    /** What the declaration is about. */
    public record Subject(String productId, String productName, String productVersion, String owningTeam,
                          String controllerName, String controllerCountry) {
    }

    /** Which declaration was evaluated: id, where it came from, and the SHA-256 of its exact bytes. */
    public record DeclarationRef(String id, String source, String format, String sha256) {
    }

    /** Which rule set evaluated it. */
    public record RuleSetRef(String name, String version, String sha256, int rules) {
    }

    /**
     * One practice area's result.
     *
     * @param worst  the most severe finding's severity, or {@code null} when there is none
     * @param status "No findings", or the verdict the area's findings alone would give
     */
    public record AreaSummary(PracticeArea area, String title, int findings, Severity worst, String status) {
    }

    public static Report of(Evaluation evaluation) {
        Declaration model = evaluation.declaration().model();
        var subject = new Subject(model.product().id(), model.product().name(), model.product().version(),
                model.product().owningTeam(), model.controller().name(), model.controller().country());
        var declaration = new DeclarationRef(evaluation.declaration().id(), evaluation.declaration().source(),
                evaluation.declaration().format(), evaluation.declaration().sha256());
        var ruleSet = new RuleSetRef(evaluation.ruleSet().name(), evaluation.ruleSet().version(),
                evaluation.ruleSet().sha256(), evaluation.rulesEvaluated().size());

        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, evaluation.count(s));
        }
        List<AreaSummary> areas = new ArrayList<>();
        for (PracticeArea area : PracticeArea.values()) {
            List<Finding> inArea = evaluation.findings().stream().filter(f -> f.practiceArea() == area).toList();
            Severity worst = inArea.isEmpty() ? null : inArea.get(0).severity();
            String status = inArea.isEmpty() ? "No findings" : Verdict.of(inArea).label();
            areas.add(new AreaSummary(area, area.title(), inArea.size(), worst, status));
        }
        String reportId = sha256(declaration.sha256() + "|" + ruleSet.sha256() + "|" + evaluation.evaluatedAt())
                .substring(0, 20);
        return new Report(reportId, evaluation.evaluatedAt(), subject, declaration, ruleSet, evaluation.verdict(),
                counts, List.copyOf(areas), evaluation.findings(), evaluation.rulesEvaluated(),
                articlesOf(evaluation.rulesEvaluated()));
    }

    private static List<String> articlesOf(Collection<RuleInfo> rules) {
        var articles = new TreeSet<String>(ArticleOrder.INSTANCE);
        rules.forEach(r -> articles.addAll(r.articles()));
        return List.copyOf(articles);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
