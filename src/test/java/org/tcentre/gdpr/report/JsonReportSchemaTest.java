package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code docs/report.schema.json} describes exactly what {@link JsonReportWriter} writes. */
class JsonReportSchemaTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Path SCHEMA_FILE = Path.of("docs/report.schema.json");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema SCHEMA = REGISTRY.getSchema(read(SCHEMA_FILE), InputFormat.JSON);

    @Test
    void the_schema_is_a_valid_draft_2020_12_schema() {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(read(SCHEMA_FILE), InputFormat.JSON)).isEmpty();
        assertThat(MAPPER.readTree(read(SCHEMA_FILE)).get("$schema").asString())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void every_report_the_writer_writes_validates(String name, Evaluation evaluation) {
        byte[] json = new JsonReportWriter().write(Report.of(evaluation));
        assertThat(errors(json)).as(name).isEmpty();
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("three findings, names from across Europe", ReportSamples.small()),
                Arguments.of("many long findings", ReportSamples.large(40)),
                Arguments.of("no product, no controller, no rules, no findings", bare()),
                Arguments.of("every severity, product-wide and absent-field findings", everySeverity()),
                Arguments.of("only INFO findings: compliant", only(Severity.INFO)),
                Arguments.of("only LOW findings: compliant with observations", only(Severity.LOW)),
                Arguments.of("a shipped example declaration", example()),
                Arguments.of("a waived finding and an expired waiver", ReportSamples.waived()));
    }

    @Test
    void lists_every_property_the_writer_writes_in_the_documented_order() {
        JsonNode report = MAPPER.readTree(new JsonReportWriter().write(Report.of(everySeverity())));
        JsonNode schema = MAPPER.readTree(read(SCHEMA_FILE));
        JsonNode defs = schema.get("$defs");
        JsonNode properties = schema.get("properties");

        assertThat(strings(schema.get("required"))).containsExactlyElementsOf(report.propertyNames());
        assertThat(List.copyOf(properties.propertyNames())).containsExactlyElementsOf(report.propertyNames());
        for (String object : List.of("product", "controller", "declaration", "ruleSet", "verdict", "counts", "waived",
                "coverage")) {
            assertThat(strings(properties.get(object).get("required"))).as(object)
                    .containsExactlyElementsOf(report.get(object).propertyNames());
            assertThat(properties.get(object).get("additionalProperties").asBoolean()).as(object).isFalse();
        }
        assertThat(strings(defs.get("AreaSummary").get("required")))
                .containsExactlyElementsOf(report.get("practiceAreas").get(0).propertyNames());
        assertThat(strings(defs.get("Finding").get("required")))
                .containsExactlyElementsOf(report.get("findings").get(0).propertyNames());
        JsonNode waived = MAPPER.readTree(new JsonReportWriter().write(Report.of(ReportSamples.waived())));
        JsonNode waivedFinding = waived.get("findings").valueStream().filter(f -> !f.get("waiver").isNull()).findFirst().orElseThrow();
        assertThat(strings(defs.get("AppliedWaiver").get("required")))
                .containsExactlyElementsOf(waivedFinding.get("waiver").propertyNames());
        assertThat(strings(defs.get("ExpiredWaiver").get("required")))
                .containsExactlyElementsOf(waived.get("expiredWaivers").get(0).propertyNames());
        assertThat(strings(defs.get("SeverityCounts").get("required")))
                .containsExactlyElementsOf(waived.get("waived").get("counts").propertyNames());
        assertThat(strings(defs.get("Rule").get("required")))
                .containsExactlyElementsOf(report.get("coverage").get("rules").get(0).propertyNames());
    }

    @Test
    void its_enumerations_are_the_codes_of_the_model() {
        JsonNode defs = MAPPER.readTree(read(SCHEMA_FILE)).get("$defs");
        assertThat(strings(defs.get("Severity").get("enum")))
                .containsExactlyElementsOf(Stream.of(Severity.values()).map(Enum::name).toList());
        assertThat(strings(defs.get("PracticeArea").get("enum")))
                .containsExactlyElementsOf(Stream.of(PracticeArea.values()).map(Enum::name).toList());
        assertThat(strings(defs.get("VerdictCode").get("enum"))).containsExactlyInAnyOrderElementsOf(
                Stream.of(org.tcentre.gdpr.evaluation.Verdict.values()).map(Enum::name).toList());
        assertThat(strings(defs.get("VerdictLabel").get("enum"))).containsExactlyInAnyOrderElementsOf(
                Stream.of(org.tcentre.gdpr.evaluation.Verdict.values()).map(v -> v.label()).toList());
        assertThat(MAPPER.readTree(read(SCHEMA_FILE)).get("properties").get("reportFormatVersion").get("const").asInt())
                .isEqualTo(JsonReportWriter.FORMAT_VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void a_broken_report_fails_the_schema(String name, Consumer<ObjectNode> breakage) {
        ObjectNode report = (ObjectNode) MAPPER.readTree(new JsonReportWriter().write(Report.of(ReportSamples.small())));
        assertThat(errors(MAPPER.writeValueAsBytes(report))).isEmpty();
        breakage.accept(report);
        assertThat(errors(MAPPER.writeValueAsBytes(report))).as(name).isNotEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                broken("a required property left out", r -> r.remove("verdict")),
                broken("an unknown top-level property", r -> r.put("score", 42)),
                broken("another format version", r -> r.put("reportFormatVersion", 2)),
                broken("a report id that is not 20 hex digits", r -> r.put("reportId", "not-an-id")),
                broken("a time that is not a date-time", r -> r.put("generatedAt", "yesterday")),
                broken("a product property left out", r -> ((ObjectNode) r.get("product")).remove("name")),
                broken("a product id that is a number", r -> ((ObjectNode) r.get("product")).put("id", 7)),
                broken("an unknown verdict", r -> ((ObjectNode) r.get("verdict")).put("code", "MOSTLY_FINE")),
                broken("a severity missing from the counts", r -> ((ObjectNode) r.get("counts")).remove("INFO")),
                broken("a negative count", r -> ((ObjectNode) r.get("counts")).put("LOW", -1)),
                broken("practice areas out of order", r -> {
                    ArrayNode areas = (ArrayNode) r.get("practiceAreas");
                    JsonNode first = areas.remove(0);
                    areas.insert(1, first);
                }),
                broken("a seventh practice area", r -> ((ArrayNode) r.get("practiceAreas")).add(r.get("practiceAreas").get(0))),
                broken("an unknown severity", r -> finding(r).put("severity", "SEVERE")),
                broken("an unknown practice area", r -> finding(r).put("practiceArea", "P7")),
                broken("a finding without its pointer", r -> finding(r).remove("pointer")),
                broken("a pointer that is not a JSON pointer", r -> finding(r).put("pointer", "activities.0")),
                broken("a finding with an extra property", r -> finding(r).put("line", 12)),
                broken("articles that are not a list", r -> finding(r).put("articles", "Art. 6(1)(f)")),
                broken("a rule without its law", r -> ((ObjectNode) r.get("coverage").get("rules").get(0)).remove("law")),
                broken("an article listed twice", r -> ((ArrayNode) r.get("coverage").get("articles"))
                        .add(r.get("coverage").get("articles").get(0).asString())),
                broken("a finding without its waiver property", r -> finding(r).remove("waiver")),
                broken("a waiver without its approver", r -> finding(r).putObject("waiver").put("id", "W-1")
                        .put("justification", "Accepted.").put("expires", "2025-12-31")),
                broken("a waiver expiry that is not a date", r -> finding(r).putObject("waiver").put("id", "W-1")
                        .put("justification", "Accepted.").put("approver", "DPO").put("expires", "end of year")),
                broken("waived counts without a severity", r -> ((ObjectNode) r.get("waived").get("counts")).remove("LOW")),
                broken("expired waivers that are not a list", r -> r.put("expiredWaivers", "none")),
                broken("a declaration hash that is not SHA-256", r -> ((ObjectNode) r.get("declaration")).put("sha256", "abc")));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakage) {
        return Arguments.of(name, breakage);
    }

    private static ObjectNode finding(ObjectNode report) {
        return (ObjectNode) report.get("findings").get(0);
    }

    private static Evaluation bare() {
        var empty = new Declaration(1, "bare", null, null, null, null, null, null, null, null, null, null, null);
        var document = new DeclarationDocument("bare.json", "json", new byte[0], ReportSamples.DECLARATION_SHA256,
                MAPPER.createObjectNode(), empty);
        return new Evaluation(document, new RuleSetIdentity("tcentre-gdpr", "1.4.0", ReportSamples.RULE_SET_SHA256),
                List.of(), List.of(), ReportSamples.EVALUATED_AT);
    }

    private static Evaluation everySeverity() {
        List<Finding> findings = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            findings.add(new Finding("GEN-00" + severity.ordinal(), "Finding of severity " + severity, "GDPR",
                    List.of("Art. 5(2)"), PracticeArea.values()[severity.ordinal()], severity,
                    severity == Severity.LOW ? null : "activity-" + severity.ordinal(),
                    "/activities/" + severity.ordinal() + "/retention/period",
                    severity == Severity.INFO ? "(not declared)" : "value", "Explained.", "Remedied.",
                    severity == Severity.MEDIUM ? "EDPB Guidelines 2/2019" : null));
        }
        return ReportSamples.evaluation("Łódź Smart Meter", "Müller Energie GmbH", "Ærøskøbing Ελλάδα", findings,
                List.of(ReportSamples.LAW_002, ReportSamples.RET_001, ReportSamples.COOK_001));
    }

    private static Evaluation only(Severity severity) {
        var finding = new Finding("RET-001", ReportSamples.RET_001.title(), "GDPR", ReportSamples.RET_001.articles(),
                PracticeArea.P1, severity, "meter-readings", "/activities/1/retention", "(not declared)",
                "Explained.", "Remedied.", null);
        return ReportSamples.evaluation("Meter", "Energie", "Team", List.of(finding), List.of(ReportSamples.RET_001));
    }

    private static Evaluation example() {
        try {
            DeclarationDocument document = new DeclarationReader().read(Path.of("docs/examples/fitness-tracker.yaml"));
            var finding = new Finding("LAW-002", ReportSamples.LAW_002.title(), "GDPR",
                    ReportSamples.LAW_002.articles(), PracticeArea.P2, Severity.HIGH, "marketing-offers",
                    "/activities/3/legalBasis", "legitimate-interests", "Explained.", "Remedied.", null);
            return new Evaluation(document, new RuleSetIdentity("tcentre-gdpr", "1.4.0", ReportSamples.RULE_SET_SHA256),
                    List.of(ReportSamples.LAW_002, ReportSamples.RET_001, ReportSamples.COOK_001), List.of(finding),
                    ReportSamples.EVALUATED_AT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Error> errors(byte[] json) {
        return SCHEMA.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
