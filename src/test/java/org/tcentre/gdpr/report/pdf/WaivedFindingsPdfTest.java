package org.tcentre.gdpr.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF shows waived findings in their own group, marked WAIVED with who, why and until when; still PDF/A-3b. */
class WaivedFindingsPdfTest {

    private final PdfReportWriter writer = new PdfReportWriter(ReportSamples.wording());

    @Test
    void waived_findings_have_their_own_group_with_approver_expiry_and_justification() throws Exception {
        byte[] bytes = writer.write(Report.of(ReportSamples.waived()));
        ValidationResult result = VeraPdf.validatePdfA3b(bytes);
        assertThat(result.isCompliant()).as("PDF/A-3b by veraPDF:\n%s", VeraPdf.failures(result)).isTrue();

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replace('\n', ' ').replaceAll(" +", " ");
            String details = text.substring(text.indexOf(FindingsSection.TITLE + " "));
            String open = details.substring(0, details.indexOf("Waived findings (1)"));
            String waived = details.substring(details.indexOf("Waived findings (1)"), details.indexOf("Expired waivers (1)"));
            String expired = details.substring(details.indexOf("Expired waivers (1)"));

            assertThat(open).contains("2 open findings", "COOK-001", "RET-001").doesNotContain("LAW-002");
            assertThat(waived).contains("The privacy office has accepted the risk", "LAW-002", "LAW-002 HIGH Art. 6(1)(f) analytics /activities/0/legalBasis WAIVED",
                    "WAIVED: W-2025-007, approved by Zofia Wiśniewska, DPO, until 2025-12-31 inclusive",
                    "Justification: Balancing test signed off by the works council");
            Waiver gone = ReportSamples.EXPIRED_RET_001_WAIVER;
            assertThat(expired).contains("These waivers have expired", "EXPIRED 2025-03-13",
                    gone.id() + ": RET-001, every activity; approved by Zofia Wiśniewska, DPO: " + gone.justification());

            String summary = text.substring(text.indexOf(ExecutiveSummarySection.TITLE + " "), text.indexOf("Results by practice area "));
            assertThat(summary).contains("non-compliant, with 2 open findings (1 critical and 1 medium)",
                    "1 further finding is waived (1 high): accepted as a risk by the privacy office",
                    "1 waiver has expired and no longer applies (W-2024-031)");
        }
    }

    @Test
    void a_report_without_waivers_says_nothing_about_them() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(ReportSamples.small())))) {
            String text = new PDFTextStripper().getText(pdf);
            for (String absent : List.of("WAIVED", "Waived findings", "Expired waivers", "waived")) {
                assertThat(text).doesNotContain(absent);
            }
            assertThat(text).contains("3 findings, most severe first").doesNotContain("open finding");
        }
    }
}
