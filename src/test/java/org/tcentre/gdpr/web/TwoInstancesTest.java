package org.tcentre.gdpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.TestDatabases;
import org.tcentre.gdpr.access.Role;

/**
 * Scale-out: two service instances on one PostgreSQL. Concurrent submissions through both extend one linear
 * audit chain; each instance serves what the other stored; a rule-set reload on one is followed by the other.
 */
class TwoInstancesTest {

    static final int CLIENTS_PER_INSTANCE = 4;
    static final int SUBMISSIONS_PER_CLIENT = 10;

    @Test
    void two_instances_share_one_database_and_one_audit_chain(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        Map<String, String> shared = Map.of(
                "spring.datasource.url", TestDatabases.newPostgresDatabase(),
                "spring.datasource.username", "postgres",
                "gdpr.rules", rules.toString(),
                "gdpr.rule-set-poll-interval", "500ms");
        try (TestService a = TestService.start(shared); TestService b = TestService.start(shared)) {
            String alice = a.addUser("alice", Role.PRODUCT_TEAM, "Team A");
            String olga = a.addUser("olga", Role.PRIVACY_OFFICER, null);
            b.tokens.put("alice", alice);
            b.tokens.put("olga", olga);
            byte[] declaration = Files.readString(Path.of("docs/examples/fitness-tracker.yaml"))
                    .replace("pulse-band", "scale-band").getBytes(StandardCharsets.UTF_8);

            ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_INSTANCE);
            List<Future<List<String>>> results = new ArrayList<>();
            for (TestService instance : List.of(a, b)) {
                for (int c = 0; c < CLIENTS_PER_INSTANCE; c++) {
                    results.add(clients.submit(() -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < SUBMISSIONS_PER_CLIENT; i++) {
                            HttpResponse<byte[]> response = instance.post("/api/v1/declarations", "alice", "application/yaml", declaration);
                            assertThat(response.statusCode()).isEqualTo(201);
                            ids.add(TestService.json(response).get("id").asString());
                        }
                        assertThat(instance.get("/api/v1/evaluations/" + ids.get(0) + "/report.json", "alice").statusCode()).isEqualTo(200);
                        return ids;
                    }));
                }
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> result : results) {
                ids.addAll(result.get());
            }
            clients.shutdown();

            int submissions = 2 * CLIENTS_PER_INSTANCE * SUBMISSIONS_PER_CLIENT;
            assertThat(ids).doesNotHaveDuplicates().hasSize(submissions);
            // No instance keeps what the other needs: each reads what the other stored.
            assertThat(b.get("/api/v1/evaluations/" + results.get(0).get().get(0), "alice").statusCode()).isEqualTo(200);
            assertThat(a.get("/api/v1/evaluations/" + results.get(results.size() - 1).get().get(0), "alice").statusCode()).isEqualTo(200);
            assertThat(TestService.json(a.get("/api/v1/products/scale-band/history", "olga")).get("versions").size()).isEqualTo(submissions);

            // One chain: 1 rule-set activation + 2 users + 2 entries per submission + 1 per report download.
            var verification = TestService.json(b.get("/api/v1/audit/verify", "olga"));
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("entries").asLong()).isEqualTo(1 + 2 + 2L * submissions + 2 * CLIENTS_PER_INSTANCE);

            // A reload on one instance is followed by the other.
            Path manifest = rules.resolve("ruleset.yaml");
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("(?m)^version:.*$", "version: 9.9.9"));
            HttpResponse<byte[]> reloaded = a.post("/api/v1/rulesets/active/reload", "olga", null, new byte[0]);
            assertThat(reloaded.statusCode()).as(new String(reloaded.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            String sha = TestService.json(reloaded).get("ruleSet").get("sha256").asString();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            String followed = "";
            while (Instant.now().isBefore(deadline) && !followed.equals(sha)) {
                Thread.sleep(250);
                followed = TestService.json(b.get("/api/v1/rulesets/active", "olga")).get("sha256").asString();
            }
            assertThat(followed).isEqualTo(sha);
            assertThat(TestService.json(b.get("/api/v1/rulesets/active", "olga")).get("version").asString()).isEqualTo("9.9.9");
        }
    }

    static void copy(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
