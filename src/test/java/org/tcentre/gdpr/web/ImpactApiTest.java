package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.impact.CandidateRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/rules/impact}: a candidate rule set as a zip, previewed against what the service stores. A
 * service of its own, so that the stored declarations are exactly the ones submitted here.
 */
class ImpactApiTest {

    static TestService service;
    static Path temp;
    static String fitness;
    static String hr;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        temp = dir;
        service = TestService.start(Map.of());
        service.addUser("alice", Role.PRODUCT_TEAM, "Team A");
        service.addUser("bob", Role.PRODUCT_TEAM, "Team B");
        service.addUser("olga", Role.PRIVACY_OFFICER, null);
        service.addUser("regina", Role.REGULATOR, null);
        byte[] fitnessYaml = Files.readAllBytes(Path.of("docs/examples/fitness-tracker.yaml"));
        // Two versions of pulse-band: only the later one counts.
        assertThat(service.post("/api/v1/declarations", "alice", "application/yaml", fitnessYaml).statusCode()).isEqualTo(201);
        fitness = declarationId(service.post("/api/v1/declarations", "alice", "application/yaml", fitnessYaml));
        hr = declarationId(service.post("/api/v1/declarations", "bob", "application/yaml",
                Files.readAllBytes(Path.of("docs/examples/hr-recruiting.yaml"))));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static String declarationId(HttpResponse<byte[]> created) {
        assertThat(created.statusCode()).isEqualTo(201);
        return TestService.json(created).get("declaration").get("id").asString();
    }

    static HttpResponse<byte[]> preview(String user, String contentType, byte[] body) {
        return service.post("/api/v1/rules/impact", user, contentType, body);
    }

    @Test
    void a_privacy_officer_sees_what_the_candidate_would_change_per_product() {
        byte[] zip = CandidateRules.zip(CandidateRules.changed(temp.resolve("candidate")));
        HttpResponse<byte[]> response = preview("olga", "application/zip", zip);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode json = TestService.json(response);
        String current = json.get("current").get("sha256").asString();
        String candidate = json.get("candidate").get("sha256").asString();
        assertThat(current).isNotEqualTo(candidate).hasSize(64);
        ObjectNode summary = (ObjectNode) json.get("summary");
        summary.remove(List.of("seconds", "declarationsPerSecond", "timings"));
        assertThat(json.toString()).isEqualTo(("""
                {"current":{"name":"tcentre-gdpr","version":"0.1.0","sha256":"%s"},
                "candidate":{"name":"tcentre-gdpr","version":"0.1.0","sha256":"%s"},
                "source":"the latest stored declaration of each product",
                "summary":{"declarations":2,"products":2,"productsChanged":2,"appearing":3,"disappearing":1,"severityChanged":1,"errors":0},
                "products":[{"productId":"kestrel-hire","declarations":[{"declaration":"%s","productId":"kestrel-hire",
                "productVersion":"2026.2","appearing":[],"disappearing":[],"severityChanged":[{"ruleId":"LAW-006","from":"MEDIUM",
                "to":"HIGH","activityId":"internal-mobility","pointer":"/activities/2/legalBasis","title":"Consent relied on for employees' data"}]}]},
                {"productId":"pulse-band","declarations":[{"declaration":"%s","productId":"pulse-band","productVersion":"3.1",
                "appearing":[{"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/0","title":"Retention longer than the ceiling for this kind of data"},
                {"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/1","title":"Retention longer than the ceiling for this kind of data"},
                {"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/2","title":"Retention longer than the ceiling for this kind of data"}],
                "disappearing":[{"ruleId":"TRF-002","severity":"HIGH","activityId":"crash-diagnostics","pointer":"/activities/5/transfers/0/mechanism","title":"Adequacy claimed without an adequacy decision"}],
                "severityChanged":[]}]}],
                "errors":[]}
                """).formatted(current, candidate, hr, fitness).replace("\n", ""));

        // Every version, on request: the older pulse-band is listed too.
        HttpResponse<byte[]> all = service.post("/api/v1/rules/impact?allVersions=true", "olga", "application/zip", zip);
        assertThat(TestService.json(all).get("summary").get("declarations").asInt()).isEqualTo(3);
    }

    @Test
    void an_archive_with_the_rule_set_in_one_top_level_folder_works_too() throws Exception {
        Path wrapped = Files.createDirectories(temp.resolve("wrapped"));
        CandidateRules.changed(wrapped.resolve("rules"));
        HttpResponse<byte[]> response = preview("olga", "application/zip", CandidateRules.zip(wrapped));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestService.json(response).get("summary").get("productsChanged").asInt()).isEqualTo(2);
    }

    @Test
    void an_entry_reaching_outside_the_directory_is_refused() {
        byte[] zip = CandidateRules.zip(List.<String[]>of(new String[] {"ruleset.yaml", "name: x\nversion: 1\n"},
                new String[] {"../../escaped.drl", "rule \"X\" when then end"}));
        HttpResponse<byte[]> response = preview("olga", "application/zip", zip);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = TestService.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://tcentre.org/gdpr-checker/problems/invalid-archive");
        assertThat(problem.get("detail").asString()).isEqualTo("the archive entry '../../escaped.drl' points outside the rule-set directory.");
        assertThat(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("escaped.drl"))).isFalse();
    }

    @Test
    void what_is_not_a_zip_is_refused_as_a_problem() {
        HttpResponse<byte[]> json = preview("olga", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(TestService.json(json).get("type").asString()).endsWith("/unsupported-media-type");

        HttpResponse<byte[]> garbage = preview("olga", "application/zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(TestService.json(garbage).get("detail").asString()).isEqualTo("the upload is not a zip archive, or holds no files.");
    }

    @Test
    void a_candidate_that_does_not_compile_is_422_with_file_and_line() {
        byte[] zip = CandidateRules.zip(CandidateRules.broken(temp.resolve("broken")));
        HttpResponse<byte[]> response = preview("olga", "application/zip", zip);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = TestService.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://tcentre.org/gdpr-checker/problems/invalid-rule-set");
        assertThat(problem.get("title").asString()).isEqualTo("The candidate rule set does not load");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("file").asString()).matches("gdpr/p2-lawfulness/LAW-006-[a-z-]+/rule\\.drl");
        assertThat(error.get("line").asInt()).isPositive();
    }

    @Test
    void only_privacy_officers_may_preview() {
        byte[] zip = CandidateRules.zip(Path.of("rules"));
        for (String user : List.of("alice", "regina")) {
            HttpResponse<byte[]> response = preview(user, "application/zip", zip);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(TestService.json(response).get("type").asString()).endsWith("/forbidden");
        }
        assertThat(preview(null, "application/zip", zip).statusCode()).isEqualTo(401);
    }
}
