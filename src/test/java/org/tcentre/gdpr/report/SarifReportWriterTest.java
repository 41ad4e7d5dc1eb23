package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SARIF log, validated against the official SARIF 2.1.0 JSON Schema and checked against the lines of a
 * shipped example declaration.
 *
 * <p><b>The schema.</b> {@code src/test/resources/schemas/sarif-schema-2.1.0.json} is the JSON Schema of the
 * OASIS standard "Static Analysis Results Interchange Format (SARIF) Version 2.1.0", copied unchanged (so it
 * carries no note of its own) from the OASIS SARIF Technical Committee's repository
 * {@code https://github.com/oasis-tcs/sarif-spec}, file
 * {@code Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json} (commit
 * {@code 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab}): JSON Schema draft-07, {@code $id}
 * {@code https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json},
 * 112,318 bytes, SHA-256 {@code 80cd7ffb9b62a4162d541aa9170862dd264f6cce0f04c57f1ac9f2337b808958}. The TC's later
 * errata revision in {@code Schemata/} declares draft-04 and only relaxes two types ({@code version},
 * {@code runs}). Copyright OASIS Open; the repository's content is contributed by OASIS TC members and governed by
 * the OASIS IPR Policy (RF on RAND Terms mode), whose copyright notice allows the specification's files to be
 * copied and distributed whole. It is a test fixture only and is not packaged in the jar.
 */
class SarifReportWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Path EXAMPLE = Path.of("docs/examples/fitness-tracker.yaml");
    private static final String URI = "docs/examples/fitness-tracker.yaml";
    private static final Instant EVALUATED_AT = Instant.parse("2026-11-28T10:15:30Z");
    private static final Schema SARIF_SCHEMA = sarifSchema();

    // Every severity, a product-wide finding, a finding on an absent field, and a rule that did not fire.
    private static final RuleInfo SPC_002 = rule("SPC-002", "Explicit consent not obtained for special-category data",
            List.of("Art. 9(2)(a)", "Art. 7(1)"), PracticeArea.P2, Severity.CRITICAL);
    private static final RuleInfo LAW_002 = rule("LAW-002", "Legitimate interests without a balancing test",
            List.of("Art. 6(1)(f)", "Art. 5(2)"), PracticeArea.P2, Severity.HIGH);
    private static final RuleInfo TRF_003 = rule("TRF-003", "SCCs without a transfer impact assessment",
            List.of("Art. 46(2)(c)", "Art. 5(2)"), PracticeArea.P5, Severity.MEDIUM);
    private static final RuleInfo DPO_004 = rule("DPO-004", "DPO roles not listed",
            List.of("Art. 38(6)"), PracticeArea.P1, Severity.LOW);
    private static final RuleInfo RET_001 = rule("RET-001", "Retention period not stated",
            List.of("Art. 5(1)(e)", "Art. 13(2)(a)"), PracticeArea.P1, Severity.INFO);
    private static final RuleInfo SEC_006 = rule("SEC-006", "Penetration test out of date",
            List.of("Art. 32(1)(d)"), PracticeArea.P6, Severity.MEDIUM);
    private static final List<RuleInfo> RULES = List.of(SPC_002, LAW_002, TRF_003, DPO_004, RET_001, SEC_006);

    private final DeclarationDocument declaration = read(EXAMPLE);
    private final Report report = Report.of(new Evaluation(declaration,
            new RuleSetIdentity("tcentre-gdpr", "1.4.0", ReportSamples.RULE_SET_SHA256), RULES, List.of(
                    finding(SPC_002, "health-insights", "/activities/1/consent/explicit", "false"),
                    finding(LAW_002, "marketing-offers", "/activities/3/legalBasis", "legitimate-interests"),
                    finding(TRF_003, "health-insights", "/activities/1/transfers/0/mechanism", "sccs"),
                    finding(DPO_004, null, "/dpo/otherRoles", "[]"),
                    finding(RET_001, "health-insights", "/activities/1/retention/period", "(not declared)")),
            EVALUATED_AT));
    private final byte[] bytes = new SarifReportWriter("1.2.3").write(report, declaration, URI);
    private final JsonNode sarif = MAPPER.readTree(bytes);
    private final JsonNode run = sarif.get("runs").get(0);
    private final List<String> lines = readLines(EXAMPLE);

    @Test
    void validates_against_the_official_sarif_2_1_0_schema() {
        assertThat(errors(bytes)).isEmpty();
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asString()).isEqualTo(SarifReportWriter.SARIF_SCHEMA);
        assertThat(sarif.get("runs").size()).isEqualTo(1);
    }

    @Test
    void the_schema_check_is_real_a_broken_log_fails_it() {
        ObjectNode broken = (ObjectNode) MAPPER.readTree(bytes);
        ((ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        ((ObjectNode) broken.get("runs").get(0).get("results").get(1)).remove("message");
        ((ObjectNode) broken.get("runs").get(0).get("tool").get("driver")).put("unknownProperty", true);
        List<Error> errors = errors(MAPPER.writeValueAsBytes(broken));
        assertThat(errors).extracting(Error::getKeyword).contains("enum", "required", "additionalProperties");
    }

    @Test
    void describes_the_tool_and_every_rule_that_was_evaluated() {
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asString()).isEqualTo("gdpr-checker");
        assertThat(driver.get("version").asString()).isEqualTo("1.2.3");
        assertThat(driver.get("semanticVersion").asString()).isEqualTo("1.2.3");
        assertThat(driver.get("informationUri").asString()).startsWith("https://");

        JsonNode rules = driver.get("rules");
        assertThat(rules.valueStream().map(r -> r.get("id").asString()))
                .containsExactly("SPC-002", "LAW-002", "TRF-003", "DPO-004", "RET-001", "SEC-006");
        assertThat(rules.valueStream().map(r -> r.get("defaultConfiguration").get("level").asString()))
                .containsExactly("error", "error", "warning", "note", "note", "warning");

        JsonNode law = rules.get(1);
        assertThat(names(law)).containsExactly("id", "name", "shortDescription", "fullDescription", "help",
                "defaultConfiguration", "properties");
        assertThat(law.get("name").asString()).isEqualTo("LegitimateInterestsWithoutABalancingTest");
        assertThat(law.get("shortDescription").get("text").asString()).isEqualTo(LAW_002.title());
        assertThat(law.get("fullDescription").get("text").asString()).isEqualTo(LAW_002.explanation());
        assertThat(law.get("help").get("text").asString())
                .contains("Art. 6(1)(f); Art. 5(2)", "Remediation: " + LAW_002.remediation());
        assertThat(law.get("help").get("markdown").asString())
                .contains("**Articles:** Art. 6(1)(f); Art. 5(2) (GDPR)", "**Remediation:** ");
        JsonNode properties = law.get("properties");
        assertThat(strings(properties.get("articles"))).containsExactly("Art. 6(1)(f)", "Art. 5(2)");
        assertThat(properties.get("practiceArea").asString()).isEqualTo("P2");
        assertThat(properties.get("severity").asString()).isEqualTo("HIGH");
        assertThat(properties.get("law").asString()).isEqualTo("GDPR");
        assertThat(strings(properties.get("tags"))).contains("privacy", "GDPR", "P2");
    }

    @Test
    void gives_one_result_per_finding_with_its_rule_and_mapped_level() {
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(5);
        assertThat(results.valueStream().map(r -> r.get("ruleId").asString()))
                .containsExactly("SPC-002", "LAW-002", "TRF-003", "DPO-004", "RET-001");
        assertThat(results.valueStream().map(r -> r.get("level").asString()))
                .containsExactly("error", "error", "warning", "note", "note");
        JsonNode rules = run.get("tool").get("driver").get("rules");
        for (JsonNode result : results) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString())
                    .isEqualTo(result.get("ruleId").asString());
        }
        assertThat(results.get(1).get("message").get("text").asString())
                .isEqualTo("Why LAW-002 matters at /activities/3/legalBasis.");
    }

    @Test
    void maps_severities_to_sarif_levels() {
        assertThat(SarifReportWriter.level(Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifReportWriter.level(Severity.HIGH)).isEqualTo("error");
        assertThat(SarifReportWriter.level(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(SarifReportWriter.level(Severity.LOW)).isEqualTo("note");
        assertThat(SarifReportWriter.level(Severity.INFO)).isEqualTo("note");
    }

    @Test
    void locates_each_result_on_the_line_of_the_declaration_file() {
        JsonNode results = run.get("results");
        assertRegion(results.get(0), 169, 7, "explicit: false");
        assertRegion(results.get(1), 249, 5, "legalBasis: legitimate-interests");
        assertRegion(results.get(2), 185, 9, "mechanism: sccs");
        assertRegion(results.get(3), 45, 3, "otherRoles: []");
        // The retention period is not declared: the result sits on the retention block that lacks it.
        assertRegion(results.get(4), 186, 5, "retention:");

        JsonNode artifact = results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertThat(artifact.get("uri").asString()).isEqualTo(URI);
        assertThat(artifact.get("index").asInt()).isZero();
        JsonNode described = run.get("artifacts").get(0);
        assertThat(described.get("location").get("uri").asString()).isEqualTo(URI);
        assertThat(described.get("hashes").get("sha-256").asString()).isEqualTo(declaration.sha256());
        assertThat(described.get("length").asInt()).isEqualTo(declaration.bytes().length);
        assertThat(run.get("columnKind").asString()).isEqualTo("utf16CodeUnits");
    }

    @Test
    void names_the_pointer_and_the_activity_as_logical_locations() {
        JsonNode logical = run.get("results").get(2).get("locations").get(0).get("logicalLocations");
        assertThat(logical.get(0).get("fullyQualifiedName").asString()).isEqualTo("/activities/1/transfers/0/mechanism");
        assertThat(logical.get(0).get("name").asString()).isEqualTo("mechanism");
        assertThat(logical.get(0).get("kind").asString()).isEqualTo("property");
        assertThat(logical.get(1).get("name").asString()).isEqualTo("health-insights");
        assertThat(logical.get(1).get("fullyQualifiedName").asString()).isEqualTo("/activities/1");

        JsonNode productWide = run.get("results").get(3).get("locations").get(0).get("logicalLocations");
        assertThat(productWide.size()).isEqualTo(1);
        assertThat(productWide.get(0).get("fullyQualifiedName").asString()).isEqualTo("/dpo/otherRoles");
    }

    @Test
    void carries_severity_articles_and_evidence_and_a_stable_fingerprint() {
        JsonNode absent = run.get("results").get(4);
        assertThat(absent.get("properties").get("severity").asString()).isEqualTo("INFO");
        assertThat(strings(absent.get("properties").get("articles"))).containsExactly("Art. 5(1)(e)", "Art. 13(2)(a)");
        assertThat(absent.get("properties").get("evidence").asString()).isEqualTo("(not declared)");

        List<String> fingerprints = run.get("results").valueStream()
                .map(r -> r.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY).asString()).toList();
        assertThat(fingerprints).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{64}"));
        // Another run, even at another time, gives the same fingerprints.
        JsonNode later = MAPPER.readTree(new SarifReportWriter("1.2.4").write(Report.of(new Evaluation(declaration,
                new RuleSetIdentity("tcentre-gdpr", "1.4.1", ReportSamples.RULE_SET_SHA256), RULES, report.findings(),
                EVALUATED_AT.plusSeconds(86_400))), declaration, URI));
        assertThat(later.get("runs").get(0).get("results").valueStream()
                .map(r -> r.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY).asString()))
                .containsExactlyElementsOf(fingerprints);
    }

    @Test
    void a_fingerprint_follows_the_activity_not_its_position() {
        Finding here = finding(LAW_002, "marketing-offers", "/activities/3/legalBasis", "legitimate-interests");
        Finding moved = finding(LAW_002, "marketing-offers", "/activities/0/legalBasis", "legitimate-interests");
        Finding other = finding(LAW_002, "run-tracking", "/activities/3/legalBasis", "legitimate-interests");
        assertThat(SarifReportWriter.fingerprint(here)).isEqualTo(SarifReportWriter.fingerprint(moved))
                .isNotEqualTo(SarifReportWriter.fingerprint(other));
    }

    @Test
    void records_the_invocation_and_what_was_checked() {
        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.get("endTimeUtc").asString()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(run.get("automationDetails").get("id").asString()).isEqualTo("gdpr-checker/fitness-tracker/");
        JsonNode properties = run.get("properties");
        assertThat(properties.get("reportId").asString()).isEqualTo(report.reportId());
        assertThat(properties.get("verdict").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(properties.get("ruleSet").get("version").asString()).isEqualTo("1.4.0");
    }

    @Test
    void is_the_same_bytes_every_time_pretty_printed_with_unix_line_ends() {
        assertThat(new SarifReportWriter("1.2.3").write(report, declaration, URI)).isEqualTo(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"$schema\": ").doesNotContain("\r").endsWith("}\n");
        assertThat(names(sarif)).containsExactly("$schema", "version", "runs");
        assertThat(names(run)).containsExactly("tool", "invocations", "automationDetails", "artifacts", "results",
                "columnKind", "properties");
    }

    @Test
    void without_the_declaration_bytes_results_name_the_file_but_no_region() {
        Report sample = Report.of(ReportSamples.small());
        byte[] log = new SarifReportWriter().write(sample, null, null);
        assertThat(errors(log)).isEmpty();
        JsonNode result = MAPPER.readTree(log).get("runs").get(0).get("results").get(0);
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("smart-meter.yaml");
        assertThat(physical.has("region")).isFalse();
        // Not a semantic version, so only "version".
        JsonNode driver = MAPPER.readTree(log).get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("version").asString()).isEqualTo("development");
        assertThat(driver.has("semanticVersion")).isFalse();
    }

    @Test
    void a_report_without_findings_is_a_valid_log_with_the_rules_and_no_results() {
        Report clean = Report.of(new Evaluation(declaration,
                new RuleSetIdentity("tcentre-gdpr", "1.4.0", ReportSamples.RULE_SET_SHA256), RULES, List.of(),
                EVALUATED_AT));
        byte[] log = new SarifReportWriter("0.1.0-SNAPSHOT").write(clean, declaration, URI);
        assertThat(errors(log)).isEmpty();
        JsonNode cleanRun = MAPPER.readTree(log).get("runs").get(0);
        assertThat(cleanRun.get("results").size()).isZero();
        assertThat(cleanRun.get("tool").get("driver").get("rules").size()).isEqualTo(RULES.size());
        assertThat(cleanRun.get("tool").get("driver").get("semanticVersion").asString()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void names_the_declaration_relative_to_the_repository() {
        Path root = Path.of("/repo");
        assertThat(SarifReportWriter.artifactUri(Path.of("/repo/docs/examples/fitness-tracker.yaml"), root))
                .isEqualTo("docs/examples/fitness-tracker.yaml");
        assertThat(SarifReportWriter.artifactUri(Path.of("/repo/privacy/Łódź meter.yaml"), root))
                .isEqualTo("privacy/%C5%81%C3%B3d%C5%BA%20meter.yaml");
        assertThat(SarifReportWriter.artifactUri(Path.of("/elsewhere/a.yaml"), root)).isEqualTo("file:///elsewhere/a.yaml");
    }

    @Test
    void a_path_given_as_the_artifact_uri_is_made_a_uri() {
        byte[] log = new SarifReportWriter().write(report, declaration, "privacy\\my declaration.yaml");
        assertThat(errors(log)).isEmpty();
        assertThat(MAPPER.readTree(log).get("runs").get(0).get("artifacts").get(0).get("location").get("uri").asString())
                .isEqualTo("privacy/my%20declaration.yaml");
    }

    @Test
    void names_rules_in_pascal_case() {
        assertThat(SarifReportWriter.pascalCase("Non-essential cookies without consent", "X"))
                .isEqualTo("NonEssentialCookiesWithoutConsent");
        assertThat(SarifReportWriter.pascalCase("Art. 9 data: no condition", "X")).isEqualTo("Art9DataNoCondition");
        assertThat(SarifReportWriter.pascalCase("—", "RET-001")).isEqualTo("RET-001");
    }

    private void assertRegion(JsonNode result, int line, int column, String text) {
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).as(result.get("ruleId").asString()).isEqualTo(line);
        assertThat(region.get("startColumn").asInt()).as(result.get("ruleId").asString()).isEqualTo(column);
        assertThat(lines.get(line - 1).substring(column - 1)).startsWith(text);
    }

    private static List<Error> errors(byte[] log) {
        return SARIF_SCHEMA.validate(new String(log, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static Schema sarifSchema() {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            var config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaRegistryConfig(config));
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleInfo rule(String id, String title, List<String> articles, PracticeArea area, Severity severity) {
        return new RuleInfo(id, title, "GDPR", articles, area, severity, "Remedy " + id + ".",
                "Explanation of " + id + ".", null, "gdpr/" + id + "/rule.drl");
    }

    private static Finding finding(RuleInfo rule, String activityId, String pointer, String evidence) {
        return new Finding(rule.id(), rule.title(), rule.law(), rule.articles(), rule.practiceArea(), rule.severity(),
                activityId, pointer, evidence, "Why " + rule.id() + " matters at " + pointer + ".", rule.remediation(),
                rule.guidance());
    }

    private static DeclarationDocument read(Path file) {
        try {
            return new DeclarationReader().read(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
