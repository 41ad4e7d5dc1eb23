package org.tcentre.gdpr.report.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * Renders a {@link Report} as an archival PDF (PDF/A-3b): the sections below in order, each a
 * {@link ReportSection} that only calls the layout layer ({@link PdfDocumentBuilder}), with the declaration
 * as submitted and the JSON report embedded as associated files, so the PDF alone is enough to reproduce
 * and verify the result ({@link ReportAttachments} reads them back).
 *
 * <p>The output is deterministic: the same report and wording give the same bytes (dates are the
 * evaluation time; the file identifier is derived from the content).
 */
public final class PdfReportWriter {

    static final String AUTHOR = "GDPR checker";

    // Sections hold no state, so one list serves every report and thread.
    private static final List<ReportSection> SECTIONS = List.of(
            new CoverSection(),
            new ScopeSection(),
            new ExecutiveSummarySection(),
            new PracticeAreaSection(),
            new ArticleCoverageSection(),
            new FindingsSection(),
            new AppendixSection(),
            new IntegritySection());

    /** The wording read from {@link ReportWording#DEFAULT_DIRECTORY} by the no-argument constructor, once. */
    private static volatile ReportWording defaultWording;

    private final ReportWording wording;
    private final JsonReportWriter json = new JsonReportWriter();

    public PdfReportWriter(ReportWording wording) {
        this.wording = wording;
    }

    /**
     * With the wording in {@code reports/wording.yaml} under the working directory, the CLI's default, read
     * on first use and kept for the JVM. Callers that know the directory pass {@link ReportWording} instead.
     *
     * @throws org.tcentre.gdpr.report.ReportWordingException when that file is missing or invalid
     */
    public PdfReportWriter() {
        this(defaultWording());
    }

    private static ReportWording defaultWording() {
        ReportWording loaded = defaultWording;
        if (loaded == null) {
            loaded = ReportWording.load(ReportWording.DEFAULT_DIRECTORY);
            defaultWording = loaded;
        }
        return loaded;
    }

    public byte[] write(Report report) {
        Report.Subject subject = report.subject();
        String product = ReportStyle.productLine(subject.productName(), subject.productVersion());
        Report.SubmittedFile submitted = report.submitted();
        byte[] jsonReport = json.write(report);
        List<Attachment> attachments = List.of(
                new Attachment(submitted.name(), mimeType(submitted.format()), Attachment.Relationship.SOURCE,
                        "The declaration exactly as submitted for this report", submitted.bytes()),
                new Attachment(jsonName(report, submitted.name()), "application/json", Attachment.Relationship.DATA,
                        "This report as JSON (reportFormatVersion " + JsonReportWriter.FORMAT_VERSION + ")", jsonReport));

        var properties = new PdfDocumentBuilder.Properties(
                CoverSection.TITLE + " — " + product,
                AUTHOR,
                "GDPR compliance of " + product + " against rule set " + ReportStyle.text(report.ruleSet().name())
                        + " " + ReportStyle.text(report.ruleSet().version()) + ": " + report.verdict().label(),
                report.generatedAt(),
                documentId(report, attachments));
        var furniture = new PageFurniture(product, "Report " + report.reportId(),
                CoverSection.TITLE + " · " + wording.centreName());
        try (var pdf = new PdfDocumentBuilder(properties, furniture)) {
            attachments.forEach(pdf::attach);
            SECTIONS.forEach(section -> section.render(report, wording, pdf));
            return pdf.finish();
        }
    }

    static String mimeType(String format) {
        return "json".equals(format) ? "application/json" : "yaml".equals(format) ? "application/yaml" : "text/plain";
    }

    /** "gdpr-report-<reportId>.json", unless the declaration itself has that name. */
    private static String jsonName(Report report, String declarationName) {
        String name = "gdpr-report-" + report.reportId() + ".json";
        return name.equals(declarationName) ? "report-of-" + name : name;
    }

    /** 16 bytes of SHA-256 over the report id, the wording and every embedded file: the content, not the clock. */
    private byte[] documentId(Report report, List<Attachment> attachments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((report.reportId() + "|" + wording.sha256()).getBytes(StandardCharsets.UTF_8));
            for (Attachment attachment : attachments) {
                digest.update(("|" + attachment.name() + "|" + attachment.sha256()).getBytes(StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(digest.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
