package org.tcentre.gdpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: the packaged jar in a fresh JVM checks the fitness example and writes
 * its reports. Runs in the integration-test phase, after the jar is built.
 */
class PackagedJarIT {

    @Test
    void the_packaged_jar_checks_an_example_from_the_command_line(@TempDir Path out) throws Exception {
        Path jar = Path.of("target/gdpr-checker.jar");
        assertThat(jar).exists();
        Path stdout = out.resolve("stdout.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "check", "docs/examples/fitness-tracker.yaml", "--out", out.resolve("reports").toString())
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(stdout, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.FINDINGS);
        assertThat(output).contains("GDPR check of fitness-tracker", "Verdict: NON-COMPLIANT", "Reports written:");
        // The CLI is not a server: nothing of Spring's web stack starts.
        assertThat(output).doesNotContain("Tomcat", "Started Application", "WARN", "ERROR");
        assertThat(reports(out.resolve("reports"))).hasSize(2);
    }

    @Test
    void a_broken_rule_file_is_reported_plainly_by_the_packaged_jar(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        CheckCommandTest.copy(Path.of("rules"), rules);
        Path drl = rules.resolve("gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl");
        Files.writeString(drl, Files.readString(drl).replace("legalBasis == LegalBasis", "legalBasis === LegalBasis"));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/gdpr-checker.jar", "check", "docs/examples/team-notes.yaml", "--rules", rules.toString(), "--no-report")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(text).isEqualTo(ExitCodes.RULE_SET_ERROR);
        assertThat(text).contains("gdpr/p2-lawfulness/LAW-002-legitimate-interests-without-lia/rule.drl:13");
        assertThat(text).doesNotContain("ERROR", "Exception", "\tat ");
    }

    private static List<Path> reports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
