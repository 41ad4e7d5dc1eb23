package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.rules.PracticeArea;
import org.tcentre.gdpr.rules.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;

class PdfReportWriterTest {

    static final List<String> SECTIONS = List.of("Cover", "Scope and method", "Executive summary",
            "Results by practice area", "Article coverage", "Findings in detail",
            "Appendix: declared record of processing", "Integrity and verification");
    private static final String FINDINGS_HEADER = "Rule Severity Articles Activity JSON pointer";

    private final PdfReportWriter writer = new PdfReportWriter(ReportSamples.wording());

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
            assertThat(bookmarks).containsExactlyElementsOf(SECTIONS);
        }
    }

    @Test
    void prints_every_section_title_in_order_and_each_bookmark_points_at_its_section() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(ReportSamples.small())))) {
            String text = new PDFTextStripper().getText(pdf);
            int at = -1;
            for (String title : SECTIONS.subList(1, SECTIONS.size())) {
                int next = text.indexOf(title + "\n", at + 1);
                assertThat(next).as("section '%s' after the previous one", title).isGreaterThan(at);
                at = next;
            }
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                var destination = (PDPageXYZDestination) item.getDestination();
                int page = pdf.getPages().indexOf(destination.getPage()) + 1;
                String title = item.getTitle().equals("Cover") ? CoverSection.TITLE : item.getTitle();
                assertThat(pageText(pdf, page)).as("page %d of bookmark %s", page, item.getTitle()).contains(title);
            }
        }
    }

    @Test
    void the_appendix_renders_every_activity_of_each_shipped_example_with_a_bookmark() throws Exception {
        for (String example : List.of("fitness-tracker", "hr-recruiting", "smart-camera", "team-notes")) {
            var evaluation = ReportSamples.declarationOnly(Path.of("docs/examples", example + ".yaml"));
            try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(evaluation)))) {
                String text = new PDFTextStripper().getText(pdf);
                String appendix = text.substring(text.indexOf("Appendix: declared record of processing\n"));
                List<String> parts = new ArrayList<>();
                for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                    if (item.getTitle().startsWith("Appendix")) {
                        item.children().forEach(child -> parts.add(child.getTitle()));
                    }
                }
                var declared = evaluation.declaration().model();
                assertThat(declared.activities()).isNotEmpty();
                for (var activity : declared.activities()) {
                    assertThat(appendix).as("%s: activity %s", example, activity.id()).contains("Activity " + activity.id());
                    assertThat(parts).anyMatch(p -> p.startsWith("Activity " + activity.id()));
                    activity.purposes().forEach(p -> assertThat(appendix).contains(p.id() + ":"));
                }
                declared.dataCategories().forEach(c -> assertThat(appendix).contains(c.id()));
                declared.recipients().forEach(r -> assertThat(appendix).contains(r.id()));
                assertThat(parts).contains("Product and controller", "Data categories", "Data subjects", "Recipients");
            }
        }
    }

    @Test
    void says_the_verdict_every_finding_the_hashes_and_the_page_count() throws IOException {
        Report report = Report.of(ReportSamples.small());
        try (PDDocument pdf = Loader.loadPDF(writer.write(report))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("GDPR compliance report", "Non-compliant", "tcentre-gdpr 1.4.0",
                    "Issued by " + ReportSamples.wording().centreName());
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
            boolean inFindings = false;
            for (int p = 1; p <= pages; p++) {
                String page = pageText(pdf, p);
                assertThat(page).contains("page " + p + " of " + pages, report.reportId());
                inFindings = (inFindings || page.contains("Findings in detail\n"))
                        && !page.contains("Appendix: declared record of processing\n");
                if (inFindings && page.contains("GEN-")) {
                    pagesWithFindings.add(p);
                    assertThat(page).as("page %d repeats the table header", p).contains(FINDINGS_HEADER);
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
            int section = firstPageWith(pdf, "Findings in detail\n", 1);
            int first = firstPageWith(pdf, "Sentence 1 of", section);
            int last = firstPageWith(pdf, "Sentence 150 of", section);
            assertThat(last).isGreaterThan(first);
            assertThat(pageText(pdf, first)).contains(FINDINGS_HEADER);
            assertThat(pageText(pdf, last)).contains(FINDINGS_HEADER);
            assertThat(positions.rightmost).isLessThanOrEqualTo(
                    pdf.getPage(0).getMediaBox().getWidth() - PageGeometry.MARGIN_RIGHT + 0.5f);
        }
    }

    @Test
    void a_report_without_findings_says_so() throws IOException {
        var evaluation = ReportSamples.evaluation("Łódź", "Müller", "team", List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(evaluation)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Compliant", "No findings", "Integrity").doesNotContain(FINDINGS_HEADER);
        }
    }

    private static int firstPageWith(PDDocument pdf, String text, int from) throws IOException {
        for (int p = from; p <= pdf.getNumberOfPages(); p++) {
            String page = pageText(pdf, p);
            if (page.contains(text) || page.replace("\n", " ").contains(text)) {
                return p;
            }
        }
        throw new AssertionError("no page shows " + text);
    }

    static String pageText(PDDocument pdf, int page) throws IOException {
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
