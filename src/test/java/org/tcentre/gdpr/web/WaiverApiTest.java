package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Waivers over HTTP: granted, listed, applied to the next submission of the product (and kept in its reports),
 * revoked (kept, stamped, no longer applied), every change in the audit trail; bad input as problem+json.
 */
class WaiverApiTest {

    static TestService service;
    static final String EXPIRES = LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();

    @BeforeAll
    static void start() {
        service = TestService.shared();
    }

    static byte[] fitness(String productId) throws Exception {
        return Files.readString(Path.of("docs/examples/fitness-tracker.yaml")).replace("pulse-band", productId)
                .getBytes(StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> grant(String json) {
        return service.post("/api/v1/waivers", "olga", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void a_granted_waiver_applies_to_the_next_submission_until_revoked_and_every_change_is_audited() throws Exception {
        HttpResponse<byte[]> granted = grant("{\"productId\": \"api-band\", \"ruleId\": \"LAW-002\", \"activityId\": "
                + "\"marketing-offers\", \"justification\": \"LIA signed; upload pending.\", \"approver\": \"J. Novak, DPO\", "
                + "\"expires\": \"" + EXPIRES + "\"}");
        assertThat(granted.statusCode()).as(text(granted)).isEqualTo(201);
        JsonNode waiver = TestService.json(granted);
        String id = waiver.get("id").asString();
        assertThat(granted.headers().firstValue("Location")).contains("/api/v1/waivers/" + id);
        assertThat(waiver.propertyNames()).containsExactly("id", "productId", "ruleId", "activityId", "justification",
                "approver", "expires", "status", "createdBy", "createdAt", "revokedBy", "revokedAt");
        assertThat(waiver.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(waiver.get("createdBy").asString()).isEqualTo("olga");
        assertThat(waiver.get("expires").asString()).isEqualTo(EXPIRES);
        assertThat(TestService.json(service.get("/api/v1/waivers/" + id, "regina"))).isEqualTo(waiver);
        assertThat(TestService.json(service.get("/api/v1/waivers", "regina")).valueStream()
                .anyMatch(w -> w.get("id").asString().equals(id))).isTrue();

        // Submitted after the waiver: LAW-002 in marketing-offers is waived, in the answer and in every report.
        JsonNode evaluation = TestService.json(service.post("/api/v1/declarations", "alice", "application/yaml", fitness("api-band")));
        JsonNode law = evaluation.get("findings").valueStream().filter(f -> f.get("ruleId").asString().equals("LAW-002"))
                .findFirst().orElseThrow();
        assertThat(law.get("waiver").get("id").asString()).isEqualTo(id);
        assertThat(evaluation.get("counts").get("HIGH").asInt()).isEqualTo(7); // eight HIGH under the health-data profile, one waived
        String e = evaluation.get("id").asString();
        JsonNode json = TestService.json(service.get("/api/v1/evaluations/" + e + "/report.json", "olga"));
        assertThat(json.get("waived").get("findings").asInt()).isEqualTo(1);
        JsonNode sarif = TestService.json(service.get("/api/v1/evaluations/" + e + "/report.sarif", "olga"));
        assertThat(sarif.get("runs").get(0).get("results").valueStream().filter(r -> r.has("suppressions")).count()).isEqualTo(1);
        try (PDDocument pdf = Loader.loadPDF(service.get("/api/v1/evaluations/" + e + "/report.pdf", "olga").body())) {
            assertThat(new PDFTextStripper().getText(pdf).replace('\n', ' '))
                    .contains("Waived findings (1)", "WAIVED: " + id + ", approved by J. Novak, DPO, until " + EXPIRES);
        }

        // Revoked: kept and stamped; the next submission has no waived finding; the earlier one keeps its waiver.
        HttpResponse<byte[]> revoked = service.send(service.request("/api/v1/waivers/" + id, "olga").DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(TestService.json(revoked).get("status").asString()).isEqualTo("REVOKED");
        assertThat(TestService.json(revoked).get("revokedBy").asString()).isEqualTo("olga");
        assertThat(TestService.json(service.get("/api/v1/products/api-band/waivers", "olga")).get(0).get("status").asString())
                .isEqualTo("REVOKED");
        JsonNode after = TestService.json(service.post("/api/v1/declarations", "alice", "application/yaml", fitness("api-band")));
        assertThat(after.get("findings").valueStream().allMatch(f -> f.get("waiver").isNull())).isTrue();
        assertThat(after.get("verdict").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(TestService.json(service.get("/api/v1/evaluations/" + e, "alice")).get("findings"))
                .isEqualTo(evaluation.get("findings"));

        JsonNode entries = TestService.json(service.get("/api/v1/audit?limit=1000", "olga")).get("entries");
        var actions = entries.valueStream().filter(x -> x.get("subject").asString().equals("waiver/" + id))
                .map(x -> x.get("actor").asString() + " " + x.get("action").asString()).toList();
        assertThat(actions).containsExactly("olga waiver.added", "olga waiver.revoked");
        JsonNode verify = TestService.json(service.get("/api/v1/audit/verify", "regina"));
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void bad_input_is_a_problem_with_json_pointers_and_nothing_is_granted() {
        HttpResponse<byte[]> invalid = grant("{\"productId\": \"api-band\", \"ruleId\": \"law-2\", \"justification\": \" \", "
                + "\"approver\": 7, \"expires\": \"2020-01-01\", \"id\": \"mine\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = TestService.json(invalid);
        assertThat(problem.get("type").asString()).isEqualTo(Problems.BASE + "invalid-waiver");
        assertThat(problem.get("errors").toString()).isEqualTo("[{\"pointer\":\"/id\",\"detail\":\"is not a waiver field "
                + "(the server chooses the id)\"},{\"pointer\":\"/approver\",\"detail\":\"must be a string\"},"
                + "{\"pointer\":\"/ruleId\",\"detail\":\"'law-2' is not a rule id such as DPIA-001 (2 to 5 capital letters, "
                + "a dash, three digits)\"},{\"pointer\":\"/justification\",\"detail\":\"is required and must not be blank\"}]");

        JsonNode past = TestService.json(grant("{\"productId\": \"api-band\", \"ruleId\": \"law-2\", \"justification\": \" \", "
                + "\"approver\": \"DPO\", \"expires\": \"2020-01-01\"}"));
        assertThat(past.get("errors").valueStream().map(x -> x.get("pointer").asString()))
                .containsExactly("/ruleId", "/justification", "/expires");
        assertThat(past.get("errors").get(2).get("detail").asString()).startsWith("2020-01-01 is already past");

        JsonNode noDate = TestService.json(grant("{\"productId\": \"p\", \"ruleId\": \"SEC-006\", \"justification\": \"j\", "
                + "\"approver\": \"DPO\", \"expires\": \"next year\"}"));
        assertThat(noDate.get("errors").toString())
                .isEqualTo("[{\"pointer\":\"/expires\",\"detail\":\"'next year' is not a date written YYYY-MM-DD\"}]");

        HttpResponse<byte[]> unreadable = grant("{\"productId\": ");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(TestService.json(unreadable).get("type").asString()).isEqualTo(Problems.BASE + "unreadable-waiver");
        assertThat(grant("[1, 2]").statusCode()).isEqualTo(400);
        assertThat(service.post("/api/v1/waivers", "olga", "application/yaml", "productId: p".getBytes()).statusCode())
                .isEqualTo(415);
        HttpResponse<byte[]> missing = service.send(service.request("/api/v1/waivers/W-none", "olga").DELETE().build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestService.json(service.get("/api/v1/products/api-band-never/waivers", "olga")).isEmpty()).isTrue();
    }
}
