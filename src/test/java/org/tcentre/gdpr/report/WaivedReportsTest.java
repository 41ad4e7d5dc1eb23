package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waived findings in the JSON and SARIF reports: present, marked with their waiver, counted apart. The sample
 * ({@link ReportSamples#waived()}) waives LAW-002 (HIGH) and has an expired waiver of RET-001.
 */
class WaivedReportsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final Report report = Report.of(ReportSamples.waived());

    @Test
    void the_json_report_carries_each_findings_waiver_and_counts_waived_findings_apart() {
        JsonNode json = MAPPER.readTree(new JsonReportWriter().write(report));

        assertThat(json.get("verdict").get("code").asString()).isEqualTo("NON_COMPLIANT"); // COOK-001 is still open
        assertThat(json.get("counts").toString()).isEqualTo("{\"CRITICAL\":1,\"HIGH\":0,\"MEDIUM\":1,\"LOW\":0,\"INFO\":0}");
        assertThat(json.get("waived").toString())
                .isEqualTo("{\"findings\":1,\"counts\":{\"CRITICAL\":0,\"HIGH\":1,\"MEDIUM\":0,\"LOW\":0,\"INFO\":0}}");
        JsonNode findings = json.get("findings");
        assertThat(findings.valueStream().map(f -> f.get("ruleId").asString())).containsExactly("COOK-001", "LAW-002", "RET-001");
        assertThat(findings.get(0).get("waiver").isNull()).isTrue();
        assertThat(findings.get(1).get("waiver").toString()).isEqualTo("{\"id\":\"W-2025-007\",\"justification\":"
                + "\"Balancing test signed off by the works council; kept as an accepted risk until the Q4 redesign.\","
                + "\"approver\":\"Zofia Wiśniewska, DPO\",\"expires\":\"2025-12-31\"}");
        assertThat(findings.get(2).get("waiver").isNull()).isTrue();
        assertThat(json.get("expiredWaivers").toString()).isEqualTo("[{\"id\":\"W-2024-031\",\"ruleId\":\"RET-001\","
                + "\"activityId\":null,\"justification\":\"Retention schedule pending the legal review.\","
                + "\"approver\":\"Zofia Wiśniewska, DPO\",\"expires\":\"2025-03-13\"}]");
        // Areas judge open findings only: P2's LAW-002 is waived, COOK-001 is not.
        assertThat(json.get("practiceAreas").get(1).get("findings").asInt()).isEqualTo(1);
    }

    @Test
    void a_report_without_waivers_has_null_waivers_zero_waived_counts_and_no_expired_waivers() {
        JsonNode json = MAPPER.readTree(new JsonReportWriter().write(Report.of(ReportSamples.small())));
        assertThat(json.get("findings").valueStream().allMatch(f -> f.get("waiver").isNull())).isTrue();
        assertThat(json.get("waived").get("findings").asInt()).isZero();
        assertThat(json.get("expiredWaivers").isEmpty()).isTrue();
        assertThat(json.get("counts").get("HIGH").asInt()).isEqualTo(1);
    }

    @Test
    void sarif_marks_a_waived_result_as_an_accepted_external_suppression_valid_against_the_sarif_schema() {
        byte[] log = new SarifReportWriter("1.2.3").write(report, null, "smart-meter.yaml");
        assertThat(sarifSchema().validate(new String(log, StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();

        JsonNode run = MAPPER.readTree(log).get("runs").get(0);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        JsonNode waived = results.get(1);
        assertThat(waived.get("ruleId").asString()).isEqualTo("LAW-002");
        assertThat(waived.get("level").asString()).isEqualTo("error"); // the severity is unchanged; only suppressed
        assertThat(waived.get("suppressions").toString()).isEqualTo("[{\"kind\":\"external\",\"status\":\"accepted\","
                + "\"justification\":\"Balancing test signed off by the works council; kept as an accepted risk until "
                + "the Q4 redesign.\",\"properties\":{\"waiverId\":\"W-2025-007\",\"approver\":\"Zofia Wiśniewska, DPO\","
                + "\"expires\":\"2025-12-31\"}}]");
        assertThat(results.get(0).has("suppressions")).isFalse();
        assertThat(results.get(2).has("suppressions")).isFalse();
        assertThat(run.get("properties").get("expiredWaivers").toString()).isEqualTo("[{\"id\":\"W-2024-031\","
                + "\"ruleId\":\"RET-001\",\"approver\":\"Zofia Wiśniewska, DPO\",\"expires\":\"2025-03-13\"}]");
    }

    @Test
    void a_suppression_of_an_unknown_kind_fails_the_sarif_schema() {
        String log = new String(new SarifReportWriter("1.2.3").write(report, null, "smart-meter.yaml"), StandardCharsets.UTF_8);
        String broken = log.replace("\"kind\": \"external\"", "\"kind\": \"waived\"");
        assertThat(broken).isNotEqualTo(log);
        assertThat(sarifSchema().validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    private static Schema sarifSchema() {
        try (InputStream in = WaivedReportsTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            var config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(config))
                    .getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
