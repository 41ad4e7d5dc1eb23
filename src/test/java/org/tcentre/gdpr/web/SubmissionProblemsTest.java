package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a submission answers for every kind of input: 201 for a declaration as JSON, YAML or upload; RFC 9457
 * problems for the rest (400 unreadable, 422 invalid with every error by JSON pointer, 413 too large, 415 wrong
 * media type), never a 500.
 */
class SubmissionProblemsTest {

    static TestService service;
    static final String PATH = "/api/v1/declarations";

    @BeforeAll
    static void start() {
        service = TestService.shared();
    }

    static byte[] example(String name) throws Exception {
        return Files.readAllBytes(Path.of("docs/examples/" + name));
    }

    @Test
    void a_declaration_is_accepted_as_yaml_json_and_upload() throws Exception {
        byte[] yaml = example("team-notes.yaml");
        byte[] json = TestService.JSON.writeValueAsBytes(tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(yaml));

        HttpResponse<byte[]> asYaml = service.post(PATH, "alice", "application/yaml", yaml);
        HttpResponse<byte[]> asJson = service.post(PATH, "alice", "application/json", json);
        HttpResponse<byte[]> asFile = service.upload(PATH, "alice", "file", "team-notes.yaml", yaml);

        for (HttpResponse<byte[]> response : List.of(asYaml, asJson, asFile)) {
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            JsonNode body = TestService.json(response);
            assertThat(response.headers().firstValue("Location")).contains("/api/v1/evaluations/" + body.get("id").asString());
            assertThat(body.get("verdict").asString()).isEqualTo("COMPLIANT");
            assertThat(body.get("findings").isArray()).isTrue();
        }
        assertThat(TestService.json(asYaml).get("declaration").get("format").asString()).isEqualTo("yaml");
        assertThat(TestService.json(asJson).get("declaration").get("format").asString()).isEqualTo("json");
        assertThat(TestService.json(asFile).get("declaration").get("source").asString()).isEqualTo("team-notes.yaml");
        assertThat(TestService.json(asYaml).get("declaration").get("sha256").asString())
                .isEqualTo(sha256(yaml));
    }

    @Test
    void an_invalid_declaration_is_422_with_every_problem_by_json_pointer() throws Exception {
        String broken = new String(example("team-notes.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("legalBasis: [a-z-]+", "legalBasis: maybe")
                .replaceFirst("formatVersion: 1\n", "");
        HttpResponse<byte[]> response = service.post(PATH, "alice", "application/yaml", broken.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = TestService.json(response);
        assertThat(problem.get("type").asString()).endsWith("/invalid-declaration");
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).contains("/formatVersion").anyMatch(p -> p.endsWith("/legalBasis"));
    }

    @Test
    void unreadable_input_is_400_with_the_line_and_column() {
        HttpResponse<byte[]> yaml = service.post(PATH, "alice", "application/yaml", "id: [".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> json = service.post(PATH, "alice", "application/json", "{\"id\": ".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> empty = service.post(PATH, "alice", "application/json", new byte[0]);
        HttpResponse<byte[]> binary = service.post(PATH, "alice", "application/json", new byte[] {0, 1, 2, (byte) 0xff});

        for (HttpResponse<byte[]> response : List.of(yaml, json, empty, binary)) {
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(TestService.json(response).get("errors").size()).isEqualTo(1);
        }
        assertThat(TestService.json(yaml).get("errors").get(0).get("line").asInt()).isEqualTo(1);
    }

    @Test
    void a_body_over_the_limit_is_413_as_a_body_and_as_an_upload() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<byte[]> body = service.post(PATH, "alice", "application/json", big);
        HttpResponse<byte[]> upload = service.upload(PATH, "alice", "file", "big.json", big);

        for (HttpResponse<byte[]> response : List.of(body, upload)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(TestService.json(response).get("type").asString()).endsWith("/too-large");
        }
    }

    @Test
    void a_media_type_the_api_does_not_take_is_415() {
        HttpResponse<byte[]> text = service.post(PATH, "alice", "text/plain", "id: x".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> none = service.post(PATH, "alice", null, "id: x".getBytes(StandardCharsets.UTF_8));

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(TestService.json(text).get("type").asString()).endsWith("/unsupported-media-type");
    }

    @Test
    void a_malformed_upload_is_400_not_500() {
        HttpResponse<byte[]> wrongPart = service.upload(PATH, "alice", "document", "a.yaml", "id: x".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> noBoundary = service.post(PATH, "alice", "multipart/form-data", "garbage".getBytes(StandardCharsets.UTF_8));

        assertThat(wrongPart.statusCode()).isEqualTo(400);
        assertThat(noBoundary.statusCode()).isEqualTo(400);
    }

    @Test
    void a_request_rejected_before_the_api_is_a_problem_too() {
        for (String path : java.util.List.of("/api/v1/evaluations/a;b", "/api/v1/evaluations/%2e%2e/x")) {
            HttpResponse<byte[]> rejected = service.get(path, "olga");

            assertThat(rejected.statusCode()).as(path).isEqualTo(400);
            assertThat(rejected.headers().firstValue("Content-Type")).contains("application/problem+json");
            var problem = TestService.json(rejected);
            assertThat(problem.get("type").asString()).endsWith("/bad-request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).startsWith("The request was rejected before it reached the API");
            assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).doesNotContain("Exception", "trace");
        }
    }

    @Test
    void an_unknown_evaluation_id_of_any_shape_is_404() {
        assertThat(service.get("/api/v1/evaluations/not-a-uuid", "olga").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/v1/evaluations/00000000-0000-0000-0000-000000000000/report.pdf", "olga").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/v1/products/nothing/diff?from=x&to=y", "olga").statusCode()).isEqualTo(404);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
