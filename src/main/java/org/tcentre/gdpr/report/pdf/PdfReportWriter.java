package org.tcentre.gdpr.report.pdf;

import java.util.List;
import org.tcentre.gdpr.report.Report;

/**
 * Renders a {@link Report} as a PDF: cover, summary by practice area, findings, integrity. Each section
 * is a {@link ReportSection} that only calls the layout layer ({@link PdfDocumentBuilder}); adding a
 * section means adding a class and listing it here.
 */
public final class PdfReportWriter {

    static final String AUTHOR = "GDPR checker";

    // Sections hold no state, so one list serves every report and thread.
    private static final List<ReportSection> SECTIONS = List.of(
            new CoverSection(),
            new PracticeAreaSection(),
            new FindingsSection(),
            new IntegritySection());

    public byte[] write(Report report) {
        Report.Subject subject = report.subject();
        String product = ReportStyle.productLine(subject.productName(), subject.productVersion());
        var properties = new PdfDocumentBuilder.Properties(
                CoverSection.TITLE + " — " + product,
                AUTHOR,
                "GDPR compliance of " + product + " against rule set " + ReportStyle.text(report.ruleSet().name())
                        + " " + ReportStyle.text(report.ruleSet().version()) + ": " + report.verdict().label(),
                report.generatedAt());
        var furniture = new PageFurniture(product, "Report " + report.reportId(), CoverSection.TITLE);
        try (var pdf = new PdfDocumentBuilder(properties, furniture)) {
            SECTIONS.forEach(section -> section.render(report, pdf));
            return pdf.finish();
        }
    }
}
