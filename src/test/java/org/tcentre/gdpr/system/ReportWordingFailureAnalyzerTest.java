package org.tcentre.gdpr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.ReportWordingException;

/**
 * A wording.yaml with problems stops the service with each problem (file and line) listed. The missing directory,
 * end to end through serve, is in {@code ServiceCommandsTest}.
 */
class ReportWordingFailureAnalyzerTest {

    @Test
    void a_malformed_wording_file_is_reported_with_its_file_and_lines() {
        ReportWordingException invalid = catchThrowableOfType(ReportWordingException.class, () -> ReportWording.read(
                "centre:\n  name: T-Centre\n  phone: 123\n".getBytes(StandardCharsets.UTF_8), "reports/wording.yaml"));

        FailureAnalysis analysis = new ReportWordingFailureAnalyzer()
                .analyze(new BeanCreationException("pdfReportWriter", "Factory method threw", invalid));

        assertThat(analysis.getDescription()).startsWith("The report wording cannot be used (" + invalid.problems().size()
                + " problems):\n  reports/wording.yaml:3: unknown key 'centre.phone' under 'centre' (expected: name, contact)\n");
        assertThat(analysis.getDescription().lines().skip(1)).allMatch(line -> line.startsWith("  reports/wording.yaml"));
        assertThat(analysis.getAction()).isEqualTo("Point --report-wording at a directory holding wording.yaml (a relative "
                + "one is read from the working directory, " + Path.of("").toAbsolutePath() + "), or fix the file; "
                + "docs/report-format.md lists its keys.");
    }
}
