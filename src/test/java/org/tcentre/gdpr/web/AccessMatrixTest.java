package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: anonymous, the owning product team, another product team, a
 * privacy officer and a regulator. A product team reaching for another team's data gets exactly the answer
 * it would get for data that does not exist.
 */
class AccessMatrixTest {

    static TestService service;
    /** alice's (Team A) evaluation of product matrix-band. */
    static String evaluation;
    /** A waiver for product matrix-band, granted by olga. */
    static String waiver;

    static final String ANONYMOUS = "anonymous";
    static final List<String> CALLERS = List.of(ANONYMOUS, "alice", "bob", "olga", "regina");

    @BeforeAll
    static void submitOneDeclaration() throws Exception {
        service = TestService.shared();
        HttpResponse<byte[]> created = service.post("/api/v1/declarations", "alice", "application/yaml", declaration("matrix-band"));
        assertThat(created.statusCode()).isEqualTo(201);
        evaluation = TestService.json(created).get("id").asString();
        HttpResponse<byte[]> granted = service.post("/api/v1/waivers", "olga", "application/json", waiverBody());
        assertThat(granted.statusCode()).isEqualTo(201);
        waiver = TestService.json(granted).get("id").asString();
    }

    static byte[] waiverBody() {
        return ("{\"productId\": \"matrix-band\", \"ruleId\": \"SEC-006\", \"justification\": \"Test booked.\", "
                + "\"approver\": \"DPO\", \"expires\": \"2999-12-31\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] declaration(String productId) throws Exception {
        return Files.readString(Path.of("docs/examples/fitness-tracker.yaml")).replace("pulse-band", productId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One endpoint with the status each caller gets, in the order of {@link #CALLERS}. */
    record Endpoint(String method, String path, int anonymous, int alice, int bob, int olga, int regina) {
        int expected(String caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case "alice" -> alice;
                case "bob" -> bob;
                case "olga" -> olga;
                default -> regina;
            };
        }
    }

    static List<Endpoint> endpoints() {
        String e = "/api/v1/evaluations/{e}";
        String product = "/api/v1/products/matrix-band";
        return List.of(
                //                 method  path                                anon alice bob  olga regina
                new Endpoint("POST", "/api/v1/declarations",                      401, 201, 201, 403, 403),
                new Endpoint("GET", e,                                             401, 200, 404, 200, 200),
                new Endpoint("GET", e + "/report.pdf",                             401, 200, 404, 200, 200),
                new Endpoint("GET", e + "/report.json",                            401, 200, 404, 200, 200),
                new Endpoint("GET", e + "/report.sarif",                           401, 200, 404, 200, 200),
                new Endpoint("GET", product + "/history",                          401, 200, 404, 200, 200),
                new Endpoint("GET", product + "/diff?from={e}&to={e}",             401, 200, 404, 200, 200),
                new Endpoint("GET", "/api/v1/rulesets/active",                     401, 200, 200, 200, 200),
                new Endpoint("POST", "/api/v1/rulesets/active/reload",             401, 403, 403, 200, 403),
                new Endpoint("GET", "/api/v1/rules",                               401, 200, 200, 200, 200),
                new Endpoint("POST", "/api/v1/rules/reload",                       401, 403, 403, 200, 403),
                new Endpoint("POST", "/api/v1/rules/impact",                       401, 403, 403, 200, 403),
                new Endpoint("GET", "/api/v1/audit",                               401, 403, 403, 200, 200),
                new Endpoint("GET", "/api/v1/audit/verify",                        401, 403, 403, 200, 200),
                new Endpoint("GET", "/actuator/health",                            200, 200, 200, 200, 200),
                new Endpoint("GET", "/actuator/metrics/gdpr.evaluations",          401, 403, 403, 200, 403),
                new Endpoint("GET", "/actuator/metrics/gdpr.submissions.waiting",  401, 403, 403, 200, 403),
                new Endpoint("GET", "/v3/api-docs",                                200, 200, 200, 200, 200),
                new Endpoint("GET", "/swagger-ui/index.html",                      200, 200, 200, 200, 200),
                new Endpoint("DELETE", e,                                          401, 403, 403, 403, 403),
                // Waivers: officers manage, regulators read, a product team reads its own products' waivers.
                new Endpoint("GET", "/api/v1/waivers",                             401, 200, 200, 200, 200),
                new Endpoint("GET", "/api/v1/waivers/{w}",                         401, 200, 404, 200, 200),
                new Endpoint("GET", product + "/waivers",                          401, 200, 200, 200, 200),
                new Endpoint("POST", "/api/v1/waivers",                            401, 403, 403, 201, 403),
                new Endpoint("DELETE", "/api/v1/waivers/{w}",                      401, 403, 403, 200, 403));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint.method() + " " + endpoint.path(), caller, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void each_caller_gets_what_its_role_allows(String name, String caller, Endpoint endpoint) throws Exception {
        HttpResponse<byte[]> response = call(endpoint, caller);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(endpoint.expected(caller));
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        if (response.statusCode() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    private static HttpResponse<byte[]> call(Endpoint endpoint, String caller) throws Exception {
        String path = endpoint.path().replace("{e}", evaluation).replace("{w}", waiver);
        String user = caller.equals(ANONYMOUS) ? null : caller;
        return switch (endpoint.method()) {
            case "GET" -> service.get(path, user);
            case "POST" -> path.endsWith("/declarations")
                    ? service.post(path, user, "application/yaml", declaration(caller + "-band"))
                    : path.endsWith("/waivers") ? service.post(path, user, "application/json", waiverBody())
                    : path.endsWith("/rules/impact")
                    ? service.post(path, user, "application/zip", org.tcentre.gdpr.impact.CandidateRules.zip(Path.of("rules")))
                    : service.post(path, user, null, new byte[0]);
            default -> service.send(service.request(path, user).method(endpoint.method(),
                    java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        };
    }

    @Test
    void another_teams_evaluation_is_answered_exactly_like_one_that_does_not_exist() {
        String missing = UUID.randomUUID().toString();
        for (String suffix : List.of("", "/report.pdf", "/report.json", "/report.sarif")) {
            HttpResponse<byte[]> theirs = service.get("/api/v1/evaluations/" + evaluation + suffix, "bob");
            HttpResponse<byte[]> none = service.get("/api/v1/evaluations/" + missing + suffix, "bob");
            assertThat(theirs.statusCode()).isEqualTo(none.statusCode()).isEqualTo(404);
            assertThat(new String(theirs.body(), StandardCharsets.UTF_8).replace(evaluation, "ID"))
                    .isEqualTo(new String(none.body(), StandardCharsets.UTF_8).replace(missing, "ID"));
            // "Connection: close" comes with every 100th request on a kept-alive connection, whatever it asks.
            assertThat(headerNames(theirs)).isEqualTo(headerNames(none));
        }
        HttpResponse<byte[]> theirWaiver = service.get("/api/v1/waivers/" + waiver, "bob");
        HttpResponse<byte[]> noWaiver = service.get("/api/v1/waivers/W-none", "bob");
        assertThat(theirWaiver.statusCode()).isEqualTo(noWaiver.statusCode()).isEqualTo(404);
        assertThat(new String(theirWaiver.body(), StandardCharsets.UTF_8).replace(waiver, "ID"))
                .isEqualTo(new String(noWaiver.body(), StandardCharsets.UTF_8).replace("W-none", "ID"));
        assertThat(TestService.json(service.get("/api/v1/products/matrix-band/waivers", "bob")).isEmpty()).isTrue();
        assertThat(TestService.json(service.get("/api/v1/waivers", "bob")).valueStream()
                .noneMatch(w -> w.get("productId").asString().equals("matrix-band"))).isTrue();
        assertThat(TestService.json(service.get("/api/v1/products/matrix-band/waivers", "alice")).valueStream()
                .anyMatch(w -> w.get("id").asString().equals(waiver))).isTrue();
        HttpResponse<byte[]> theirs = service.get("/api/v1/products/matrix-band/history", "bob");
        HttpResponse<byte[]> none = service.get("/api/v1/products/no-such-band/history", "bob");
        assertThat(new String(theirs.body(), StandardCharsets.UTF_8).replace("matrix-band", "P"))
                .isEqualTo(new String(none.body(), StandardCharsets.UTF_8).replace("no-such-band", "P"));
    }

    @Test
    void an_unknown_token_is_refused_whatever_it_asks_for() {
        var response = service.send(service.request("/actuator/health", null)
                .header("Authorization", "Bearer gdpr_not-a-real-token").GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void the_audit_trail_records_the_report_downloads_with_who_and_what() {
        service.get("/api/v1/evaluations/" + evaluation + "/report.json", "regina");
        var entries = TestService.json(service.get("/api/v1/audit?limit=1000", "olga")).get("entries");
        boolean found = false;
        for (var entry : entries) {
            found |= entry.get("actor").asString().equals("regina") && entry.get("action").asString().equals("report.downloaded")
                    && entry.get("subject").asString().equals("evaluation/" + evaluation)
                    && entry.get("details").get("format").asString().equals("json");
        }
        assertThat(found).isTrue();
    }

    private static java.util.Set<String> headerNames(HttpResponse<byte[]> response) {
        var names = new java.util.TreeSet<>(response.headers().map().keySet());
        names.remove("connection");
        return names;
    }
}
