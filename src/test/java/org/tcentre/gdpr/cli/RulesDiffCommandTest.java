package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.impact.CandidateRules;
import org.tcentre.gdpr.rules.RuleSetLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code rules diff}: its output, exactly, for the shipped examples and a candidate with three changes; its exit codes. */
class RulesDiffCommandTest {

    record Result(int code, String out, String err) {
    }

    static Path temp;
    static Path candidate;
    static Path declarations;
    static String currentSha;
    static String candidateSha;

    @BeforeAll
    static void prepare(@TempDir Path dir) throws Exception {
        temp = dir;
        candidate = CandidateRules.changed(dir.resolve("candidate"));
        declarations = Files.createDirectories(dir.resolve("declarations"));
        Files.copy(Path.of("docs/examples/fitness-tracker.yaml"), declarations.resolve("fitness-tracker.yaml"));
        Files.copy(Path.of("docs/examples/hr-recruiting.yaml"), declarations.resolve("hr-recruiting.yaml"));
        Files.copy(Path.of("docs/examples/smart-camera.yaml"), declarations.resolve("smart-camera.yaml"));
        Files.writeString(declarations.resolve("broken.json"), "{\"formatVersion\": 1,");
        var loader = RuleSets.loader(true);
        currentSha = loader.load(Path.of("rules")).identity().sha256();
        candidateSha = loader.load(candidate).identity().sha256();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GdprCheckerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The one line that depends on the machine: the time taken. */
    static String withoutTime(String text) {
        return text.replaceAll("in [0-9]+\\.[0-9] s \\([0-9,]+/s\\)", "in T s (R/s)");
    }

    @Test
    void prints_per_product_what_would_appear_disappear_and_change_then_the_summary() {
        Result result = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", declarations.toString(), "--quiet");
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
        assertThat(withoutTime(result.out())).isEqualTo("""
                Impact of the candidate rule set tcentre-gdpr 0.1.0 (sha256 %s) against the current tcentre-gdpr 0.1.0 (sha256 %s)
                Declarations: every declaration file in %s

                kestrel-hire
                  declaration hr-recruiting.yaml (version 2026.2)
                    ~ HIGH      LAW-006   /activities/2/legalBasis  Consent relied on for employees' data (was MEDIUM)

                pulse-band
                  declaration fitness-tracker.yaml (version 3.1)
                    + HIGH      PRIN-004  /activities/3/data/0  Retention longer than the ceiling for this kind of data
                    + HIGH      PRIN-004  /activities/3/data/1  Retention longer than the ceiling for this kind of data
                    + HIGH      PRIN-004  /activities/3/data/2  Retention longer than the ceiling for this kind of data
                    - HIGH      TRF-002   /activities/5/transfers/0/mechanism  Adequacy claimed without an adequacy decision

                Not evaluated (1):
                  broken.json: line 1, column 21: JSON syntax error: Unexpected end-of-input within/between Object entries

                4 declarations, 2 products changed, +3 findings, -1 findings, 1 severity changes, 1 errors, in T s (R/s)
                """.formatted(candidateSha.substring(0, 12), currentSha.substring(0, 12), declarations));
    }

    @Test
    void json_is_the_report_the_api_answers() {
        Result result = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", declarations.toString(),
                "--format", "json", "--quiet");
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        ObjectNode summary = (ObjectNode) json.get("summary");
        assertThat(summary.get("seconds").isNumber()).isTrue();
        assertThat(summary.get("timings").get("workers").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        summary.remove("seconds");
        summary.remove("declarationsPerSecond");
        summary.remove("timings");
        assertThat(json.toString()).isEqualTo(("""
                {"current":{"name":"tcentre-gdpr","version":"0.1.0","sha256":"%s"},
                "candidate":{"name":"tcentre-gdpr","version":"0.1.0","sha256":"%s"},
                "source":"every declaration file in %s",
                "summary":{"declarations":4,"products":3,"productsChanged":2,"appearing":3,"disappearing":1,"severityChanged":1,"errors":1},
                "products":[{"productId":"kestrel-hire","declarations":[{"declaration":"hr-recruiting.yaml","productId":"kestrel-hire",
                "productVersion":"2026.2","appearing":[],"disappearing":[],"severityChanged":[{"ruleId":"LAW-006","from":"MEDIUM",
                "to":"HIGH","activityId":"internal-mobility","pointer":"/activities/2/legalBasis","title":"Consent relied on for employees' data"}]}]},
                {"productId":"pulse-band","declarations":[{"declaration":"fitness-tracker.yaml","productId":"pulse-band","productVersion":"3.1",
                "appearing":[{"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/0","title":"Retention longer than the ceiling for this kind of data"},
                {"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/1","title":"Retention longer than the ceiling for this kind of data"},
                {"ruleId":"PRIN-004","severity":"HIGH","activityId":"marketing-offers","pointer":"/activities/3/data/2","title":"Retention longer than the ceiling for this kind of data"}],
                "disappearing":[{"ruleId":"TRF-002","severity":"HIGH","activityId":"crash-diagnostics","pointer":"/activities/5/transfers/0/mechanism","title":"Adequacy claimed without an adequacy decision"}],
                "severityChanged":[]}]}],
                "errors":[{"declaration":"broken.json","problem":"line 1, column 21: JSON syntax error: Unexpected end-of-input within/between Object entries"}]}
                """).formatted(currentSha, candidateSha, declarations).replace("\n", ""));
    }

    @Test
    void writes_the_report_to_a_file_and_shows_progress_unless_quiet() throws Exception {
        Path out = temp.resolve("out/impact.txt");
        Result result = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", declarations.toString(),
                "--out", out.toString());
        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(withoutTime(result.out())).isEqualTo("""
                4 declarations, 2 products changed, +3 findings, -1 findings, 1 severity changes, 1 errors, in T s (R/s)
                Report written to %s
                """.formatted(out));
        assertThat(Files.readString(out)).startsWith("Impact of the candidate rule set").contains("pulse-band\n");
        // The last progress line is printed when the run ends, whatever its length.
        assertThat(result.err().lines().reduce((a, b) -> b).orElseThrow()).matches("4 / 4 declarations \\([0-9,]+/s\\)");
    }

    @Test
    void a_candidate_that_does_not_compile_is_reported_with_file_and_line() {
        Path broken = CandidateRules.broken(temp.resolve("broken-candidate"));
        Result result = run("rules", "diff", "--candidate", broken.toString(), "--declarations", declarations.toString(), "--quiet");
        assertThat(result.code()).isEqualTo(ExitCodes.RULE_SET_ERROR);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("The rule set in " + broken + " cannot be used")
                .containsPattern("gdpr/p2-lawfulness/LAW-006-[a-z-]+/rule\\.drl:\\d+: ");
    }

    @Test
    void bad_command_lines_exit_2() {
        assertThat(run("rules", "diff", "--declarations", declarations.toString()).code()).isEqualTo(ExitCodes.INVALID_INPUT);
        Result noFolder = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", temp.resolve("nowhere").toString());
        assertThat(noFolder.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noFolder.err()).isEqualTo("The declarations folder " + temp.resolve("nowhere") + " does not exist.\n");
        Result noDatabase = run("rules", "diff", "--candidate", candidate.toString(), "--data-dir", temp.resolve("empty").toString());
        assertThat(noDatabase.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noDatabase.err()).startsWith("There is no service database in " + temp.resolve("empty"));
        Result both = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", declarations.toString(),
                "--data-dir", temp.toString());
        assertThat(both.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("mutually exclusive");
        Result allVersions = run("rules", "diff", "--candidate", candidate.toString(), "--declarations", declarations.toString(),
                "--all-versions");
        assertThat(allVersions.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void reads_the_services_database_the_latest_version_of_each_product_by_default() throws Exception {
        Path data = temp.resolve("data");
        assertThat(run("users", "add", "olga", "--role", "PRIVACY_OFFICER", "--data-dir", data.toString()).code()).isZero();
        UUID older;
        UUID latest;
        try (var db = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/gdpr-checker;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "")) {
            db.createStatement().execute("insert into teams (name, created_at) values ('Wearables', current_timestamp)");
            byte[] fitness = Files.readAllBytes(Path.of("docs/examples/fitness-tracker.yaml"));
            older = insert(db, fitness, 1);
            latest = insert(db, fitness, 2);
        }
        Result result = run("rules", "diff", "--candidate", candidate.toString(), "--data-dir", data.toString(), "--quiet");
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Declarations: the latest stored declaration of each product\n",
                "pulse-band\n  declaration " + latest + " (version 3.1)\n").doesNotContain(older.toString());
        assertThat(withoutTime(result.out())).endsWith(
                "1 declarations, 1 products changed, +3 findings, -1 findings, 0 severity changes, 0 errors, in T s (R/s)\n");

        Result all = run("rules", "diff", "--candidate", candidate.toString(), "--data-dir", data.toString(), "--all-versions", "--quiet");
        assertThat(all.out()).contains("Declarations: every stored declaration (all versions)\n", older.toString(), latest.toString());
        assertThat(withoutTime(all.out())).endsWith(
                "2 declarations, 1 products changed, +6 findings, -2 findings, 0 severity changes, 0 errors, in T s (R/s)\n");
    }

    private static UUID insert(java.sql.Connection db, byte[] content, int minute) throws Exception {
        UUID id = UUID.randomUUID();
        try (var insert = db.prepareStatement("""
                insert into declarations (id, team, product_id, declaration_id, product_name, product_version, source, format,
                    content, sha256, submitted_by, submitted_at)
                values (?, 'Wearables', 'pulse-band', 'fitness-tracker', 'Pulse Band', '3.1', 'fitness-tracker.yaml', 'yaml', ?, ?, 'alice', ?)""")) {
            insert.setObject(1, id);
            insert.setBytes(2, content);
            insert.setString(3, org.tcentre.gdpr.declaration.Sha256.hex(content));
            insert.setObject(4, OffsetDateTime.of(2026, 11, 28, 9, minute, 0, 0, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }
}
