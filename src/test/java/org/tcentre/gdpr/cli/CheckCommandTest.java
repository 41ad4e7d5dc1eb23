package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI end to end, in process: what a product team and a CI pipeline see. */
class CheckCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = GdprCheckerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "fitness-tracker, 1, Non-compliant",
        "hr-recruiting,   1, Non-compliant",
        "smart-camera,    1, Non-compliant",
        "team-notes,      0, Compliant"})
    void checks_every_shipped_example_and_writes_its_reports(String example, int exitCode, String verdict,
                                                            @TempDir Path out) throws IOException {
        Run run = cli("check", "docs/examples/" + example + ".yaml", "--out", out.toString(), "--as-of", "2026-11-28");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("GDPR check of " + example, "Verdict: " + verdict.toUpperCase(), "Findings: ");
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertThat(written).hasSize(2);
        assertThat(written.get(0).getFileName().toString()).matches(example + "-\\d{8}T\\d{6}Z\\.json");
        assertThat(written.get(1).getFileName().toString()).matches(example + "-\\d{8}T\\d{6}Z\\.pdf");

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(written.get(0)));
        assertThat(json.path("declaration").path("id").asString()).isEqualTo(example);
        assertThat(json.path("declaration").path("sha256").asString()).hasSize(64);
        assertThat(json.path("ruleSet").path("sha256").asString()).hasSize(64);

        try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(verdict, json.path("declaration").path("sha256").asString());
            for (JsonNode finding : json.path("findings")) {
                assertThat(text).contains(finding.path("ruleId").asString());
                // The summary line names rule, primary article, activity and pointer.
                assertThat(run.out()).contains(finding.path("ruleId").asString(), finding.path("pointer").asString());
            }
        }
    }

    @Test
    void fail_on_sets_the_threshold_for_exit_code_one(@TempDir Path out) {
        assertThat(cli("check", "docs/examples/fitness-tracker.yaml", "--no-report", "--fail-on", "critical").exitCode())
                .isIn(0, 1);
        assertThat(cli("check", "docs/examples/team-notes.yaml", "--no-report", "--fail-on", "INFO").exitCode()).isZero();
        Run low = cli("check", "docs/examples/fitness-tracker.yaml", "--out", out.toString(), "--fail-on", "LOW");
        assertThat(low.exitCode()).isEqualTo(1);
        assertThat(low.out()).contains("at or above LOW: exit code 1.");
    }

    @Test
    void an_invalid_declaration_exits_2_lists_every_problem_and_writes_nothing(@TempDir Path dir) throws IOException {
        Path declaration = dir.resolve("broken.yaml");
        Files.writeString(declaration, """
                formatVersion: 1
                activities:
                  - id: a
                    legalBasis: maybe
                    data: [ { category: nothing } ]
                """);
        Path out = dir.resolve("out");
        Run run = cli("check", declaration.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("is not a valid declaration (3 problems); nothing was evaluated",
                "/activities/0/data/0/category: 'nothing' is not a declared data category",
                "/activities/0/legalBasis: 'maybe' is not one of the allowed values",
                "/id: the required field 'id' is missing");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_broken_rule_file_exits_3_naming_file_and_line(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        Path drl = rules.resolve("gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl");
        Files.writeString(drl, Files.readString(drl).replace("legalBasis == LegalBasis.LEGITIMATE_INTERESTS",
                "legalBasis === LegalBasis.LEGITIMATE_INTERESTS"));
        Run run = cli("check", "docs/examples/team-notes.yaml", "--rules", rules.toString(), "--no-report");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_SET_ERROR);
        assertThat(run.err()).contains("cannot be used",
                "gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl:13");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void rules_check_lists_the_rule_set_and_rules_test_runs_its_cases() {
        Run check = cli("rules", "check");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("is valid", "LAW-002", "HIGH", "P2", "Art. 6(1)(f); Art. 5(2)");

        Run test = cli("rules", "test");
        assertThat(test.exitCode()).as(test.out()).isZero();
        assertThat(test.out()).contains("PASS  LAW-002").containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    void usage_errors_exit_2_and_help_exits_0() {
        assertThat(cli("check").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(cli("check", "x.yaml", "--fail-on", "SEVERE").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        Run help = cli("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "rules", "Exit codes:");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
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
