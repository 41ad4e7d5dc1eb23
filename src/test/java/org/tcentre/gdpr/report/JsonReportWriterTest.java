package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Report report = Report.of(ReportSamples.small());
    private final byte[] bytes = new JsonReportWriter().write(report);
    private final JsonNode json = MAPPER.readTree(bytes);

    @Test
    void top_level_properties_come_in_the_documented_order() {
        assertThat(names(json)).containsExactly("reportFormatVersion", "reportId", "generatedAt", "product",
                "controller", "declaration", "ruleSet", "verdict", "counts", "waived", "practiceAreas", "findings", "expiredWaivers", "coverage");
    }

    @Test
    void identifies_the_report_its_subject_and_its_inputs() {
        assertThat(json.get("reportFormatVersion").asInt()).isEqualTo(JsonReportWriter.FORMAT_VERSION).isEqualTo(1);
        assertThat(json.get("reportId").asString()).isEqualTo(report.reportId()).hasSize(20);
        assertThat(json.get("generatedAt").asString()).isEqualTo("2025-03-14T09:26:53Z");

        JsonNode product = json.get("product");
        assertThat(names(product)).containsExactly("id", "name", "version", "owningTeam");
        assertThat(product.get("id").asString()).isEqualTo("smart-meter");
        assertThat(product.get("name").asString()).isEqualTo("Łódź Smart Meter");
        assertThat(product.get("version").asString()).isEqualTo("2.1.0");
        assertThat(product.get("owningTeam").asString()).isEqualTo("Ærøskøbing Ελλάδα");

        JsonNode controller = json.get("controller");
        assertThat(names(controller)).containsExactly("name", "country");
        assertThat(controller.get("name").asString()).isEqualTo("Müller Energie GmbH");
        assertThat(controller.get("country").asString()).isEqualTo("DE");

        JsonNode declaration = json.get("declaration");
        assertThat(names(declaration)).containsExactly("id", "source", "format", "sha256");
        assertThat(declaration.get("id").asString()).isEqualTo("decl-smart-meter");
        assertThat(declaration.get("source").asString()).isEqualTo("smart-meter.yaml");
        assertThat(declaration.get("format").asString()).isEqualTo("yaml");
        assertThat(declaration.get("sha256").asString()).isEqualTo(ReportSamples.DECLARATION_SHA256);

        JsonNode ruleSet = json.get("ruleSet");
        assertThat(names(ruleSet)).containsExactly("name", "version", "sha256", "profile", "rules");
        assertThat(ruleSet.get("profile").isNull()).isTrue();
        assertThat(ruleSet.get("name").asString()).isEqualTo("tcentre-gdpr");
        assertThat(ruleSet.get("version").asString()).isEqualTo("1.4.0");
        assertThat(ruleSet.get("sha256").asString()).isEqualTo(ReportSamples.RULE_SET_SHA256);
        assertThat(ruleSet.get("rules").asInt()).isEqualTo(3);
    }

    @Test
    void gives_the_verdict_as_code_and_label_and_counts_every_severity() {
        JsonNode verdict = json.get("verdict");
        assertThat(names(verdict)).containsExactly("code", "label");
        assertThat(verdict.get("code").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(verdict.get("label").asString()).isEqualTo("Non-compliant");

        JsonNode counts = json.get("counts");
        assertThat(names(counts)).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(List.of(counts.get("CRITICAL").asInt(), counts.get("HIGH").asInt(), counts.get("MEDIUM").asInt(),
                counts.get("LOW").asInt(), counts.get("INFO").asInt())).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void summarises_every_practice_area_in_order() {
        JsonNode areas = json.get("practiceAreas");
        assertThat(areas.size()).isEqualTo(6);
        assertThat(names(areas.get(0))).containsExactly("area", "title", "findings", "worst", "status");

        JsonNode p1 = areas.get(0);
        assertThat(p1.get("area").asString()).isEqualTo("P1");
        assertThat(p1.get("title").asString()).isEqualTo("Governance & accountability");
        assertThat(p1.get("findings").asInt()).isEqualTo(1);
        assertThat(p1.get("worst").asString()).isEqualTo("MEDIUM");
        assertThat(p1.get("status").asString()).isEqualTo("Compliant with observations");

        JsonNode p2 = areas.get(1);
        assertThat(p2.get("findings").asInt()).isEqualTo(2);
        assertThat(p2.get("worst").asString()).isEqualTo("CRITICAL");
        assertThat(p2.get("status").asString()).isEqualTo("Non-compliant");

        JsonNode p3 = areas.get(2);
        assertThat(p3.get("area").asString()).isEqualTo("P3");
        assertThat(p3.get("findings").asInt()).isZero();
        assertThat(p3.get("worst").isNull()).isTrue();
        assertThat(p3.get("status").asString()).isEqualTo("No findings");
    }

    @Test
    void lists_findings_most_severe_first_with_every_property_and_nulls_written() {
        JsonNode findings = json.get("findings");
        assertThat(findings.size()).isEqualTo(3);
        assertThat(findings.valueStream().map(f -> f.get("ruleId").asString()))
                .containsExactly("COOK-001", "LAW-002", "RET-001");

        JsonNode cookies = findings.get(0);
        assertThat(names(cookies)).containsExactly("ruleId", "title", "law", "articles", "practiceArea", "severity",
                "activityId", "pointer", "evidence", "explanation", "remediation", "guidance", "waiver");
        assertThat(cookies.get("waiver").isNull()).isTrue();
        assertThat(cookies.get("title").asString()).isEqualTo("Non-essential cookies without consent");
        assertThat(cookies.get("law").asString()).isEqualTo("ePrivacy Directive");
        assertThat(strings(cookies.get("articles"))).containsExactly("ePrivacy Directive Art. 5(3)");
        assertThat(cookies.get("practiceArea").asString()).isEqualTo("P2");
        assertThat(cookies.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(cookies.get("activityId").isNull()).isTrue();
        assertThat(cookies.get("pointer").asString()).isEqualTo("/eprivacy/cookies/0");
        assertThat(cookies.get("evidence").asString()).isEqualTo("analytics_id");
        assertThat(cookies.get("explanation").asString()).isEqualTo("Storing an analytics identifier needs prior consent.");
        assertThat(cookies.get("remediation").asString()).isEqualTo("Ask for consent first.");
        assertThat(cookies.get("guidance").isNull()).isTrue();

        JsonNode retention = findings.get(2);
        assertThat(strings(retention.get("articles"))).containsExactly("Art. 5(1)(e)", "Art. 13(2)(a)");
        assertThat(retention.get("activityId").asString()).isEqualTo("meter-readings");
        assertThat(retention.get("evidence").asString()).isEqualTo("(not declared)");
        assertThat(retention.get("guidance").asString()).isEqualTo("EDPB Guidelines 2/2019");
    }

    @Test
    void states_coverage_as_the_rules_that_ran_and_the_articles_they_cite() {
        JsonNode coverage = json.get("coverage");
        assertThat(names(coverage)).containsExactly("rules", "articles");
        JsonNode rules = coverage.get("rules");
        assertThat(rules.valueStream().map(r -> r.get("id").asString()))
                .containsExactly("LAW-002", "RET-001", "COOK-001");
        JsonNode law = rules.get(0);
        assertThat(names(law)).containsExactly("id", "title", "articles", "severity", "practiceArea", "law");
        assertThat(law.get("title").asString()).isEqualTo("Legitimate interests without a balancing test");
        assertThat(strings(law.get("articles"))).containsExactly("Art. 6(1)(f)", "Art. 5(2)");
        assertThat(law.get("severity").asString()).isEqualTo("HIGH");
        assertThat(law.get("practiceArea").asString()).isEqualTo("P2");
        assertThat(law.get("law").asString()).isEqualTo("GDPR");

        assertThat(strings(coverage.get("articles"))).containsExactly("Art. 5(1)(e)", "Art. 5(2)", "Art. 6(1)(f)",
                "Art. 13(2)(a)", "ePrivacy Directive Art. 5(3)");
    }

    @Test
    void is_pretty_printed_utf8_with_unix_line_ends() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"reportFormatVersion\": 1,\n  \"reportId\": ");
        assertThat(text).contains("\"name\": \"Łódź Smart Meter\"").doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void the_same_report_gives_the_same_bytes() {
        assertThat(new JsonReportWriter().write(Report.of(ReportSamples.small()))).isEqualTo(bytes);
    }

    @Test
    void a_declaration_that_names_no_product_or_controller_gives_nulls_not_missing_keys() {
        var empty = new Declaration(1, "bare", null, null, null, null, null, null, null, null, null, null, null);
        var document = new DeclarationDocument("bare.json", "json", new byte[0], ReportSamples.DECLARATION_SHA256,
                MAPPER.createObjectNode(), empty);
        var evaluation = new Evaluation(document, new RuleSetIdentity("tcentre-gdpr", "1.4.0",
                ReportSamples.RULE_SET_SHA256), List.of(), List.of(), ReportSamples.EVALUATED_AT);

        JsonNode bare = MAPPER.readTree(new JsonReportWriter().write(Report.of(evaluation)));

        assertThat(names(bare.get("product"))).containsExactly("id", "name", "version", "owningTeam");
        assertThat(bare.get("product").valueStream()).allMatch(JsonNode::isNull);
        assertThat(bare.get("controller").valueStream()).allMatch(JsonNode::isNull);
        assertThat(bare.get("verdict").get("code").asString()).isEqualTo("COMPLIANT");
        assertThat(bare.get("findings").size()).isZero();
        assertThat(bare.get("coverage").get("articles").size()).isZero();
    }

    private static List<String> names(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
