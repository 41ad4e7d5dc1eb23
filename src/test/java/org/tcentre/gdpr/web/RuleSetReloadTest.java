package org.tcentre.gdpr.web;

import org.tcentre.gdpr.TempDirectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcentre.gdpr.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * Hot reload as a privacy officer uses it, against the real service: a new rule set replaces the running one
 * atomically while submissions keep arriving; a broken rule file or a failing rule test is refused with file and
 * line, the old rule set stays, and the refusal is audited; an edit in the watched directory goes into service
 * without any call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetReloadTest {

    private static final String PRIN_002_CASES = "gdpr/p4-privacy-by-design/PRIN-002-data-not-needed-by-any-purpose/cases.yaml";
    private static Path rules;
    private static TestService service;
    private static byte[] declaration;

    @BeforeAll
    static void start() throws IOException {
        rules = Files.createTempDirectory("gdpr-reload-").resolve("rules");
        TwoInstancesTest.copy(Path.of("rules"), rules);
        service = TestService.start(Map.of("gdpr.rules", rules.toString(), "gdpr.watch-rules", "true",
                "gdpr.watch-quiet-period", "1s"));
        service.addUser("alice", Role.PRODUCT_TEAM, "Team A");
        service.addUser("olga", Role.PRIVACY_OFFICER, null);
        declaration = Files.readAllBytes(Path.of("docs/examples/fitness-tracker.yaml"));
    }

    @AfterAll
    static void stop() {
        service.close();
        TempDirectories.delete(rules.getParent());
    }

    @Test
    @Order(1)
    void a_reload_swaps_rule_sets_atomically_while_submissions_keep_arriving() throws Exception {
        String manifest = Files.readString(rules.resolve("ruleset.yaml"));
        // Version B switches PRIN-002 off; the fitness tracker has a PRIN-002 finding under version A.
        String versionA = manifest.replaceFirst("(?m)^version:.*$", "version: 1.0.0-a");
        String versionB = manifest.replaceFirst("(?m)^version:.*$", "version: 1.0.0-b")
                .replace("disabled: []", "disabled: [PRIN-002]");
        assertThat(versionB).contains("disabled: [PRIN-002]");
        write("ruleset.yaml", versionA);
        assertThat(reload().get("ruleSet").get("version").asString()).isEqualTo("1.0.0-a");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<HttpResponse<byte[]>> responses = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(clients.submit(() -> {
                while (running.get()) {
                    responses.add(service.post("/api/v1/declarations", "alice", "application/yaml", declaration));
                    completed.incrementAndGet();
                }
            }));
        }
        List<String> reloadedTo = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int before = completed.get();
            write("ruleset.yaml", i % 2 == 0 ? versionB : versionA);
            JsonNode reload = reload();
            // The watcher may have swapped first (then this call finds nothing new to do): either way, one swap.
            if (reload.get("changed").asBoolean()) {
                assertThat(reload.get("ruleTests").asString()).matches("\\d+ passed, 0 failed");
            }
            reloadedTo.add(reload.get("ruleSet").get("version").asString());
            awaitMore(completed, before + 8);
        }
        running.set(false);
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(reloadedTo).containsExactly("1.0.0-b", "1.0.0-a", "1.0.0-b");
        Set<String> versionsSeen = new HashSet<>();
        for (HttpResponse<byte[]> response : responses) {
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            JsonNode evaluation = TestService.json(response);
            String version = evaluation.get("ruleSet").get("version").asString();
            versionsSeen.add(version);
            List<String> rulesFound = new ArrayList<>();
            evaluation.get("findings").forEach(f -> rulesFound.add(f.get("ruleId").asString()));
            // Never a mix: each evaluation ran wholly on the rule set it records.
            if (version.equals("1.0.0-b")) {
                assertThat(rulesFound).as("under B").doesNotContain("PRIN-002").contains("SEC-006");
            } else {
                assertThat(version).isEqualTo("1.0.0-a");
                assertThat(rulesFound).as("under A").contains("PRIN-002", "SEC-006");
            }
        }
        assertThat(versionsSeen).containsExactlyInAnyOrder("1.0.0-a", "1.0.0-b");
        assertThat(responses.size()).isGreaterThanOrEqualTo(24);
        assertThat(auditIntact()).isTrue();
    }

    @Test
    @Order(2)
    void a_broken_rule_file_is_refused_with_file_and_line_and_the_rule_set_in_service_stays() throws Exception {
        JsonNode before = TestService.json(service.get("/api/v1/rules", "olga"));
        String file = "gdpr/p4-privacy-by-design/PRIN-002-data-not-needed-by-any-purpose/rule.drl";
        String original = Files.readString(rules.resolve(file));
        int lines = (int) original.chars().filter(c -> c == '\n').count();
        try {
            write(file, original + "\nrule \"PRIN-002b\"\nwhen\n    $a : Activity( name == )\nthen\nend\n");
            HttpResponse<byte[]> refused = service.post("/api/v1/rules/reload", "olga", null, new byte[0]);

            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode problem = TestService.json(refused);
            assertThat(problem.get("type").asString()).endsWith("invalid-rule-set");
            JsonNode error = problem.get("errors").get(0);
            assertThat(error.get("file").asString()).isEqualTo(file);
            assertThat(error.get("line").asInt()).isEqualTo(lines + 4);
            JsonNode after = TestService.json(service.get("/api/v1/rules", "olga"));
            assertThat(after.get("sha256").asString()).isEqualTo(before.get("sha256").asString());
            assertThat(audit()).anySatisfy(entry -> {
                assertThat(entry.get("action").asString()).isEqualTo("ruleset.reload-failed");
                assertThat(entry.get("actor").asString()).isEqualTo("olga");
                assertThat(entry.get("details").get("problems").get(0).asString()).startsWith(file + ":" + (lines + 4));
            });
        } finally {
            write(file, original);
        }
    }

    @Test
    @Order(3)
    void a_candidate_whose_own_rule_tests_fail_is_refused() throws Exception {
        JsonNode before = TestService.json(service.get("/api/v1/rules", "olga"));
        String original = Files.readString(rules.resolve(PRIN_002_CASES));
        try {
            // The rule is unchanged, but its test now expects another severity: the candidate must not go live.
            write(PRIN_002_CASES, original.replaceFirst("severity: MEDIUM", "severity: LOW"));
            HttpResponse<byte[]> refused = service.post("/api/v1/rules/reload", "olga", null, new byte[0]);

            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode error = TestService.json(refused).get("errors").get(0);
            assertThat(error.get("file").asString()).isEqualTo(PRIN_002_CASES);
            assertThat(error.get("detail").asString())
                    .startsWith("rule test 2 ('a category that no purpose needs (an empty purposes list)') fails: ");
            assertThat(TestService.json(service.get("/api/v1/rules", "olga")).get("sha256").asString())
                    .isEqualTo(before.get("sha256").asString());
        } finally {
            write(PRIN_002_CASES, original);
        }
    }

    @Test
    @Order(4)
    void an_edit_in_the_watched_directory_goes_into_service_without_a_call() throws Exception {
        String manifest = Files.readString(rules.resolve("ruleset.yaml"));
        write("ruleset.yaml", manifest.replaceFirst("(?m)^version:.*$", "version: 7.7.7"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String version = "";
        while (Instant.now().isBefore(deadline) && !version.equals("7.7.7")) {
            Thread.sleep(200);
            version = TestService.json(service.get("/api/v1/rules", "olga")).get("version").asString();
        }
        assertThat(version).isEqualTo("7.7.7");
        assertThat(audit()).anySatisfy(entry -> {
            assertThat(entry.get("action").asString()).isEqualTo("ruleset.reloaded");
            assertThat(entry.get("actor").asString()).isEqualTo("rules-watcher");
            assertThat(entry.get("details").get("ruleSet").get("version").asString()).isEqualTo("7.7.7");
        });
        assertThat(auditIntact()).isTrue();
    }

    private static JsonNode reload() {
        HttpResponse<byte[]> response = service.post("/api/v1/rules/reload", "olga", null, new byte[0]);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return TestService.json(response);
    }

    /** Writes beside the file and moves it into place, as editors and git do, so no reader sees half a file. */
    private static void write(String file, String content) throws IOException {
        Path target = rules.resolve(file);
        Path temporary = Files.createTempFile(rules.getParent(), "edit-", ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitMore(AtomicInteger completed, int target) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (completed.get() < target && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(completed.get()).isGreaterThanOrEqualTo(target);
    }

    private static List<JsonNode> audit() {
        List<JsonNode> entries = new ArrayList<>();
        String page = "/api/v1/audit?limit=1000";
        while (page != null) {
            JsonNode answer = TestService.json(service.get(page, "olga"));
            answer.get("entries").forEach(entries::add);
            page = answer.get("next").isNull() ? null : answer.get("next").asString();
        }
        return entries;
    }

    private static boolean auditIntact() {
        return TestService.json(service.get("/api/v1/audit/verify", "olga")).get("intact").asBoolean();
    }
}
