package org.tcentre.gdpr.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.rules.RuleInfo;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Report} as pretty-printed UTF-8 JSON, in the shape and property order documented in
 * {@code docs/report-format.md}.
 *
 * <p>The tree is built property by property rather than by serialising the records: Jackson would sort
 * record properties alphabetically, and the order is part of the format (people diff these files).
 * Absent values are written as JSON {@code null}, never left out, so every report has the same keys.
 */
public final class JsonReportWriter {

    /** Bumped on any change a consumer could notice: a removed or renamed property, or a changed meaning. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    // "\n" rather than the platform line separator, so the same report is the same bytes on every OS.
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    public byte[] write(Report report) {
        String json = WRITER.writeValueAsString(tree(report)) + "\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode tree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reportFormatVersion", FORMAT_VERSION);
        root.put("reportId", report.reportId());
        root.put("generatedAt", report.generatedAt() == null ? null : report.generatedAt().toString());

        Report.Subject subject = report.subject();
        ObjectNode product = root.putObject("product");
        product.put("id", subject.productId());
        product.put("name", subject.productName());
        product.put("version", subject.productVersion());
        product.put("owningTeam", subject.owningTeam());
        ObjectNode controller = root.putObject("controller");
        controller.put("name", subject.controllerName());
        controller.put("country", subject.controllerCountry());

        Report.DeclarationRef ref = report.declaration();
        ObjectNode declaration = root.putObject("declaration");
        declaration.put("id", ref.id());
        declaration.put("source", ref.source());
        declaration.put("format", ref.format());
        declaration.put("sha256", ref.sha256());

        Report.RuleSetRef rules = report.ruleSet();
        ObjectNode ruleSet = root.putObject("ruleSet");
        ruleSet.put("name", rules.name());
        ruleSet.put("version", rules.version());
        ruleSet.put("sha256", rules.sha256());
        ruleSet.put("profile", rules.profile());
        ruleSet.put("rules", rules.rules());

        ObjectNode verdict = root.putObject("verdict");
        verdict.put("code", report.verdict().name());
        verdict.put("label", report.verdict().label());

        // Every severity, most severe first, zeros included: consumers need not test for missing keys.
        // "counts" are the open findings (what the verdict rests on); waived ones are counted in their own bucket.
        severities(root.putObject("counts"), report.countsBySeverity());
        ObjectNode waived = root.putObject("waived");
        waived.put("findings", report.waivedFindings().size());
        severities(waived.putObject("counts"), report.waivedCountsBySeverity());

        ArrayNode areas = root.putArray("practiceAreas");
        for (Report.AreaSummary summary : report.areas()) {
            ObjectNode area = areas.addObject();
            area.put("area", summary.area().name());
            area.put("title", summary.title());
            area.put("findings", summary.findings());
            area.put("worst", summary.worst() == null ? null : summary.worst().name());
            area.put("status", summary.status());
        }

        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> finding(findings.addObject(), f));

        ArrayNode expired = root.putArray("expiredWaivers");
        report.expiredWaivers().forEach(w -> expiredWaiver(expired.addObject(), w));

        ObjectNode coverage = root.putObject("coverage");
        ArrayNode ruleList = coverage.putArray("rules");
        report.rulesEvaluated().forEach(r -> rule(ruleList.addObject(), r));
        strings(coverage.putArray("articles"), report.articlesEvaluated());
        return root;
    }

    private static void finding(ObjectNode node, Finding finding) {
        node.put("ruleId", finding.ruleId());
        node.put("title", finding.title());
        node.put("law", finding.law());
        strings(node.putArray("articles"), finding.articles());
        node.put("practiceArea", finding.practiceArea() == null ? null : finding.practiceArea().name());
        node.put("severity", finding.severity().name());
        node.put("activityId", finding.activityId());
        node.put("pointer", finding.pointer());
        node.put("evidence", finding.evidence());
        node.put("explanation", finding.explanation());
        node.put("remediation", finding.remediation());
        node.put("guidance", finding.guidance());
        Waiver waiver = finding.waiver();
        if (waiver == null) {
            node.putNull("waiver");
        } else {
            ObjectNode applied = node.putObject("waiver");
            applied.put("id", waiver.id());
            applied.put("justification", waiver.justification());
            applied.put("approver", waiver.approver());
            applied.put("expires", waiver.expires().toString());
        }
    }

    private static void expiredWaiver(ObjectNode node, Waiver waiver) {
        node.put("id", waiver.id());
        node.put("ruleId", waiver.ruleId());
        node.put("activityId", waiver.activityId());
        node.put("justification", waiver.justification());
        node.put("approver", waiver.approver());
        node.put("expires", waiver.expires().toString());
    }

    private static void severities(ObjectNode node, Map<Severity, Long> bySeverity) {
        for (Severity severity : Severity.values()) {
            node.put(severity.name(), bySeverity.getOrDefault(severity, 0L));
        }
    }

    private static void rule(ObjectNode node, RuleInfo rule) {
        node.put("id", rule.id());
        node.put("title", rule.title());
        strings(node.putArray("articles"), rule.articles());
        node.put("severity", rule.severity() == null ? null : rule.severity().name());
        node.put("practiceArea", rule.practiceArea() == null ? null : rule.practiceArea().name());
        node.put("law", rule.law());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
