package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;

class PdfReportWriterTest {

    private final PdfReportWriter writer = new PdfReportWriter();

    @Test
    void opens_with_pdfbox_with_title_author_subject_and_a_bookmark_per_section() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(ReportSamples.small())))) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("GDPR compliance report — Łódź Smart Meter 2.1.0");
            assertThat(info.getAuthor()).isEqualTo("GDPR checker");
            assertThat(info.getSubject()).contains("Łódź Smart Meter", "tcentre-gdpr 1.4.0", "Non-compliant");

            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).containsExactly("Cover", "Summary by practice area", "Findings", "Integrity");
        }
    }

    @Test
    void says_the_verdict_every_finding_the_hashes_and_the_page_count() throws IOException {
        Report report = Report.of(ReportSamples.small());
        try (PDDocument pdf = Loader.loadPDF(writer.write(report))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("GDPR compliance report", "Non-compliant", "tcentre-gdpr 1.4.0");
            for (Finding finding : report.findings()) {
                assertThat(text).contains(finding.ruleId(), finding.title(), finding.pointer(),
                        finding.explanation(), finding.remediation());
                assertThat(text).contains(finding.articles());
            }
            assertThat(text).contains(ReportSamples.DECLARATION_SHA256, ReportSamples.RULE_SET_SHA256,
                    report.reportId());
            assertThat(text).contains("page 1 of " + pdf.getNumberOfPages(),
                    "page " + pdf.getNumberOfPages() + " of " + pdf.getNumberOfPages());
        }
    }

    @Test
    void renders_names_beyond_ascii_with_embedded_fonts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(ReportSamples.small())))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Łódź", "Müller", "Ærøskøbing", "Ελλάδα");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void a_character_the_font_cannot_draw_becomes_a_question_mark_instead_of_failing() throws IOException {
        var evaluation = ReportSamples.evaluation("Meter 中文 ✓", "Müller", "team", List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(evaluation)))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Meter ?? ✓", "No findings");
        }
    }

    @Test
    void a_long_report_breaks_pages_repeats_the_table_header_and_loses_no_finding() throws IOException {
        Report report = Report.of(ReportSamples.large(200));
        try (PDDocument pdf = Loader.loadPDF(writer.write(report))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(10);
            String all = new PDFTextStripper().getText(pdf);
            for (Finding finding : report.findings()) {
                assertThat(all).contains(finding.ruleId() + " HIGH");
            }

            List<Integer> pagesWithFindings = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                String page = pageText(pdf, p);
                assertThat(page).contains("page " + p + " of " + pages, report.reportId());
                if (page.contains("GEN-")) {
                    pagesWithFindings.add(p);
                    assertThat(page).as("page %d repeats the table header", p)
                            .contains("Rule Severity Articles Activity JSON pointer");
                }
            }
            assertThat(pagesWithFindings).hasSizeGreaterThan(10);
        }
    }

    @Test
    void long_text_wraps_inside_the_margins_and_keeps_every_word() throws IOException {
        Report report = Report.of(ReportSamples.large(12));
        try (PDDocument pdf = Loader.loadPDF(writer.write(report))) {
            var positions = new PositionCollector();
            String text = positions.getText(pdf);

            float pageWidth = pdf.getPage(0).getMediaBox().getWidth();
            assertThat(positions.rightmost).isLessThanOrEqualTo(pageWidth - PageGeometry.MARGIN_RIGHT + 0.5f);
            assertThat(positions.leftmost).isGreaterThanOrEqualTo(PageGeometry.MARGIN_LEFT - 0.5f);
            assertThat(text.replace("\n", "").replace("\r", ""))
                    .contains("Averyveryveryverylongwordwithoutanyspacesthatcannotbebrokenatawhitespace"
                            + "andmustbesplitsomewhere/inside/it.");
            assertThat(text).contains("/activities/11/dataCategories/3/retention/periodInMonths".substring(0, 12));
        }
    }

    @Test
    void a_finding_longer_than_a_page_continues_after_the_repeated_header() throws IOException {
        StringBuilder explanation = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            explanation.append("Sentence ").append(i).append(" of a very long explanation that goes on and on. ");
        }
        var huge = new Finding("HUGE-001", "A finding longer than a page", "GDPR", List.of("Art. 30(1)"),
                org.tcentre.gdpr.rules.PracticeArea.P1, org.tcentre.gdpr.rules.Severity.LOW, null,
                "/activities", "(not declared)", explanation.toString().trim(), "Shorten it.", null);
        var evaluation = ReportSamples.evaluation("Łódź", "Müller", "team", List.of(huge), List.of());
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(evaluation)))) {
            var positions = new PositionCollector();
            String text = positions.getText(pdf).replace("\n", " ");
            for (int i = 1; i <= 150; i++) {
                assertThat(text.contains("Sentence " + i + " of")).as("sentence %d is printed", i).isTrue();
            }
            assertThat(text).contains("Shorten it.");
            assertThat(pageText(pdf, 2)).contains("Rule Severity Articles Activity JSON pointer", "Sentence 1 of");
            assertThat(pageText(pdf, 3)).contains("Rule Severity Articles Activity JSON pointer", "Sentence 150 of");
            assertThat(positions.rightmost).isLessThanOrEqualTo(
                    pdf.getPage(0).getMediaBox().getWidth() - PageGeometry.MARGIN_RIGHT + 0.5f);
        }
    }

    @Test
    void a_report_without_findings_says_so() throws IOException {
        var evaluation = ReportSamples.evaluation("Łódź", "Müller", "team", List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(evaluation)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Compliant", "No findings", "Integrity").doesNotContain("JSON pointer");
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Records the horizontal extent of every glyph drawn. */
    private static final class PositionCollector extends PDFTextStripper {
        float leftmost = Float.MAX_VALUE;
        float rightmost = 0;

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition position : positions) {
                leftmost = Math.min(leftmost, position.getXDirAdj());
                rightmost = Math.max(rightmost, position.getXDirAdj() + position.getWidthDirAdj());
            }
            super.writeString(text, positions);
        }
    }
}
