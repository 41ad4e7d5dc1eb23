package org.tcentre.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.report.pdf.ReportAttachments;
import org.tcentre.gdpr.report.pdf.VeraPdf;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The reports of the four shipped examples, {@code reports/examples/<example>.pdf} and {@code .json}, are
 * regenerated here with the shipped rules and a fixed clock, so they never drift from the code: a file whose
 * content differs from what the code now produces is rewritten. Run with
 * {@code -Dreports.examples.check=true} (CI), an out-of-date file also fails the test, so a change that
 * alters the reports arrives with the regenerated files. See docs/report-format.md.
 */
class ShippedExampleReportsTest {

    static final Instant EVALUATED_AT = Instant.parse("2026-11-28T00:00:00Z");
    static final Path EXAMPLES = Path.of("reports", "examples");

    static RuleSet ruleSet;
    static DeclarationCheck check;
    static PdfReportWriter pdfWriter;

    @BeforeAll
    static void load() throws Exception {
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
        check = new DeclarationCheck(Clock.fixed(EVALUATED_AT, ZoneOffset.UTC));
        pdfWriter = new PdfReportWriter(ReportWording.load(ReportWording.DEFAULT_DIRECTORY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fitness-tracker", "hr-recruiting", "smart-camera", "team-notes"})
    void the_shipped_report_of_each_example_is_archival_complete_and_up_to_date(String example) throws Exception {
        Evaluation evaluation = check.check(new DeclarationReader().read(Path.of("docs/examples", example + ".yaml")), ruleSet);
        Report report = Report.of(evaluation);
        byte[] pdf = pdfWriter.write(report);
        byte[] json = new JsonReportWriter().write(report);

        assertThat(pdfWriter.write(Report.of(evaluation))).as("the same report renders to the same bytes").isEqualTo(pdf);
        ValidationResult result = VeraPdf.validatePdfA3b(pdf);
        assertThat(result.isCompliant()).as("PDF/A-3b by veraPDF:\n%s", VeraPdf.failures(result)).isTrue();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (Finding finding : report.findings()) {
                assertThat(text).contains(finding.ruleId());
                assertThat(text).contains(finding.articles());
            }
            assertThat(text).contains(report.declaration().sha256(), report.ruleSet().sha256());
            assertThat(ReportAttachments.jsonReport(document).orElseThrow().bytes()).isEqualTo(json);
            assertThat(ReportAttachments.declaration(document).orElseThrow().bytes())
                    .isEqualTo(Files.readAllBytes(Path.of("docs/examples", example + ".yaml")));
        }

        boolean pdfWasCurrent = writeIfChanged(EXAMPLES.resolve(example + ".pdf"), pdf);
        boolean jsonWasCurrent = writeIfChanged(EXAMPLES.resolve(example + ".json"), json);
        if (Boolean.getBoolean("reports.examples.check")) {
            assertThat(pdfWasCurrent && jsonWasCurrent)
                    .as("reports/examples/%s.pdf and .json were out of date and have been regenerated: "
                            + "commit them with the change that altered them", example)
                    .isTrue();
        }
    }

    /** Writes the file unless it already holds exactly these bytes; says whether it did hold them. */
    private static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return true;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return false;
    }
}
