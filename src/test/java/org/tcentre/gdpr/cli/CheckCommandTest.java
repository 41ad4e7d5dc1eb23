package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcentre.gdpr.report.pdf.PdfSignerTest;
import org.tcentre.gdpr.report.pdf.VeraPdf;
import org.verapdf.pdfa.results.ValidationResult;
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
        // The fitness example's most severe findings are HIGH: nothing at or above CRITICAL.
        assertThat(cli("check", "docs/examples/fitness-tracker.yaml", "--no-report", "--fail-on", "critical",
                "--as-of", "2026-11-28").exitCode()).isZero();
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
        assertThat(help.out()).contains("check", "verify", "rules", "Exit codes:");
        assertThat(cli("check", "--help").out()).contains("--format=FORMAT[,FORMAT...]", "sarif", "GDPR_CHECKER_SIGNING_KEYSTORE");
    }

    @Test
    void format_sarif_writes_a_sarif_log_naming_the_declaration_relative_to_the_working_directory(@TempDir Path out)
            throws IOException {
        Run run = cli("check", "docs/examples/fitness-tracker.yaml", "--out", out.toString(), "--as-of", "2026-11-28",
                "--format", "pdf,json,sarif");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(written(out)).containsExactly("fitness-tracker-20261128T000000Z.json",
                "fitness-tracker-20261128T000000Z.pdf", "fitness-tracker-20261128T000000Z.sarif");
        assertThat(run.out()).contains("Reports written:", "fitness-tracker-20261128T000000Z.sarif");

        JsonNode sarif = JsonMapper.builder().build().readTree(Files.readString(out.resolve("fitness-tracker-20261128T000000Z.sarif")));
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("fitness-tracker-20261128T000000Z.json")));
        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run0 = sarif.path("runs").path(0);
        assertThat(run0.path("artifacts").path(0).path("location").path("uri").asString())
                .isEqualTo("docs/examples/fitness-tracker.yaml");
        assertThat(run0.path("results").size()).isEqualTo(json.path("findings").size());
        assertThat(run0.path("results").path(0).path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asString()).isEqualTo("docs/examples/fitness-tracker.yaml");
        assertThat(run0.path("results").path(0).path("locations").path(0).path("physicalLocation")
                .path("region").path("startLine").asInt()).isPositive();
    }

    @Test
    void format_chooses_the_files_and_the_wording_is_read_only_for_the_pdf(@TempDir Path out) throws IOException {
        // No wording.yaml in the folder given: fine, when no PDF is asked for.
        Run json = cli("check", "docs/examples/team-notes.yaml", "--out", out.resolve("json").toString(),
                "--format", "JSON", "--report-wording", out.resolve("no-wording").toString());
        assertThat(json.exitCode()).as(json.out() + json.err()).isZero();
        assertThat(written(out.resolve("json"))).singleElement().asString().endsWith(".json");

        Run sarif = cli("check", "docs/examples/team-notes.yaml", "--out", out.resolve("sarif").toString(), "--format", "sarif");
        assertThat(sarif.exitCode()).isZero();
        assertThat(written(out.resolve("sarif"))).singleElement().asString().endsWith(".sarif");

        Run pdf = cli("check", "docs/examples/team-notes.yaml", "--out", out.resolve("pdf").toString(),
                "--format", "pdf", "--report-wording", out.resolve("no-wording").toString());
        assertThat(pdf.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(pdf.err()).contains("the report wording cannot be used");

        Run unknown = cli("check", "docs/examples/team-notes.yaml", "--out", out.resolve("x").toString(), "--format", "pdf,html");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("--format", "html");
        assertThat(out.resolve("x")).doesNotExist();

        Run none = cli("check", "docs/examples/team-notes.yaml", "--out", out.resolve("none").toString(),
                "--format", "sarif", "--no-report");
        assertThat(none.exitCode()).isZero();
        assertThat(out.resolve("none")).doesNotExist();
    }

    @Test
    void the_pdf_is_signed_when_the_signing_variables_name_a_keystore(@TempDir Path dir) throws Exception {
        Path keystore = PdfSignerTest.pkcs12(dir);
        Path out = dir.resolve("out");
        Run run = VerifyCommandTest.check(Map.of(CheckCommand.SIGNING_KEYSTORE, keystore.toString(),
                CheckCommand.SIGNING_PASSWORD, PdfSignerTest.PASSWORD, CheckCommand.SIGNING_ALIAS, "report-signer"),
                "docs/examples/team-notes.yaml", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(".pdf  (signed: CN=Test Privacy Office,O=T-Centre Test,C=EU)");
        Path pdf = written(out).stream().filter(n -> n.endsWith(".pdf")).map(out::resolve).findFirst().orElseThrow();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getSignatureDictionaries()).singleElement()
                    .satisfies(s -> assertThat(s.getSubFilter()).isEqualTo("ETSI.CAdES.detached"));
        }
        ValidationResult result = VeraPdf.validatePdfA3b(Files.readAllBytes(pdf));
        assertThat(result.isCompliant()).as(VeraPdf.failures(result)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wrong password,   signing.p12,   wrong,          GDPR_CHECKER_SIGNING_PASSWORD, does not open",
        "missing keystore, missing.p12,   test-password,  GDPR_CHECKER_SIGNING_KEYSTORE, does not exist",
        "not a keystore,   notes.txt,     test-password,  GDPR_CHECKER_SIGNING_KEYSTORE, cannot be read as a PKCS#12 keystore",
        "no password,      signing.p12,   ,               GDPR_CHECKER_SIGNING_PASSWORD, both are needed"})
    void a_keystore_that_cannot_be_used_exits_4_naming_the_variable_and_writes_nothing(
            String label, String file, String password, String variable, String message, @TempDir Path dir) throws Exception {
        PdfSignerTest.pkcs12(dir);
        Files.writeString(dir.resolve("notes.txt"), "not a keystore");
        Map<String, String> environment = new HashMap<>();
        environment.put(CheckCommand.SIGNING_KEYSTORE, dir.resolve(file).toString());
        if (password != null) {
            environment.put(CheckCommand.SIGNING_PASSWORD, password);
        }
        Path out = dir.resolve("out");
        Run run = VerifyCommandTest.check(environment, "docs/examples/team-notes.yaml", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.err()).contains(variable, message, "nothing was evaluated, no report written");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void a_keystore_is_not_needed_when_no_pdf_is_written(@TempDir Path dir) {
        Run run = VerifyCommandTest.check(Map.of(CheckCommand.SIGNING_KEYSTORE, dir.resolve("missing.p12").toString(),
                CheckCommand.SIGNING_PASSWORD, "x"), "docs/examples/team-notes.yaml", "--no-report");
        assertThat(run.exitCode()).isZero();
    }

    private static List<String> written(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
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
