package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * One part of the PDF report. A section reads the report model and the privacy office's wording and tells
 * the layout layer ({@link PdfDocumentBuilder}) what to print; it decides nothing about compliance and draws
 * nothing itself. A new section is a new implementation added to {@link PdfReportWriter}'s list.
 */
interface ReportSection {

    void render(Report report, ReportWording wording, PdfDocumentBuilder pdf);
}
