package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.util.List;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * What identifies this report's inputs exactly, the files embedded in it, and how a reader checks them:
 * with the {@code gdpr-checker verify} command, or by hand.
 */
final class IntegritySection implements ReportSection {

    static final String TITLE = "Integrity and verification";

    private static final TextStyle CODE = new TextStyle(false, 8.5f, TextStyle.INK);
    private static final TextStyle SMALL = new TextStyle(false, 8, TextStyle.MUTED);

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        Report.DeclarationRef declaration = report.declaration();
        Report.RuleSetRef ruleSet = report.ruleSet();
        // The value column is wide enough for a 64-digit SHA-256 on one line, so it can be copied whole.
        pdf.table(Table.of(Table.boldColumn("", 1.15f), Table.column("", 3.85f))
                .withoutHeader()
                .row("Declaration", text(declaration.id()) + " (" + text(declaration.source()) + ", "
                        + text(declaration.format()) + ")")
                .row("Declaration SHA-256", text(declaration.sha256()))
                .row("Rule set", text(ruleSet.name()) + " " + text(ruleSet.version())
                        + (ruleSet.profile() == null ? "" : ", profile " + text(ruleSet.profile())))
                .row("Rule-set SHA-256", text(ruleSet.sha256()))
                .row("Report id", text(report.reportId()))
                .row("Evaluated", ReportStyle.dateTime(report.generatedAt()))
                .row("Report wording", wording.file() + ", SHA-256 " + wording.sha256()));
        pdf.paragraph("The declaration SHA-256 is computed over the declaration file exactly as submitted. The "
                + "rule-set SHA-256 is computed over every file of the rule-set directory (relative path and "
                + "content, in path order), so a rule set with the same hash is the same rule set. The report id is "
                + "derived from both hashes and the evaluation time, so it changes if any of them does. The report "
                + "wording (the centre's texts in this PDF) does not affect findings or verdict.");

        List<Attachment> files = pdf.attachments();
        if (!files.isEmpty()) {
            pdf.subheading("Embedded files");
            pdf.paragraph("This PDF is a PDF/A-3b archival file. It carries its inputs and its machine-readable "
                    + "form as associated files, so it is enough on its own to repeat and verify the check:");
            Table table = Table.of(Table.boldColumn("File", 2.9f), Table.column("Relationship", 1.05f),
                    Table.column("Type", 1.2f), Table.column("Size", 1.6f));
            for (Attachment file : files) {
                table.row(null, List.of(file.name(), file.relationship().pdfName(), file.mimeType(),
                                ReportStyle.size(file.size())),
                        List.of(Table.Note.plain(text(file.description())), Table.Note.labelled("SHA-256", file.sha256())));
            }
            pdf.table(table);
        }

        pdf.subheading("How to verify this report");
        pdf.paragraph(new Span("With the checker: ", TextStyle.BODY.asBold()),
                new Span("gdpr-checker verify report.pdf --rules DIR", CODE.asBold()),
                new Span(" checks the digital signature if the file carries one (that it verifies and covers the "
                        + "whole file; who signed and when), recomputes the SHA-256 of the embedded declaration and "
                        + "compares it with the one above and the one in the embedded JSON report, and evaluates the "
                        + "declaration again with the rule set in DIR at the evaluation time above, comparing the "
                        + "findings with the embedded JSON report; it says whether DIR holds the rule set with the "
                        + "SHA-256 above. It prints PASS or FAIL per check and exits with 0 only when every check "
                        + "passed.", TextStyle.BODY));
        pdf.paragraph(new Span("Signature: ", TextStyle.BODY.asBold()),
                new Span("where the issuer signs its reports, the signature is added after this page was rendered, as "
                        + "an incremental update that leaves the archival file and its embedded files as they are; "
                        + "this page therefore cannot say whether the file is signed: verify, or a PDF viewer's "
                        + "signature panel, shows it. Whether to trust the signer's certificate is the reader's "
                        + "decision.", TextStyle.BODY));
        pdf.paragraph(new Span("By hand: ", TextStyle.BODY.asBold()),
                new Span("extract the embedded files, for example with ", TextStyle.BODY),
                new Span("pdfdetach -saveall report.pdf", CODE.asBold()),
                new Span(" (poppler-utils); compare ", TextStyle.BODY),
                new Span("sha256sum " + report.submitted().name(), CODE.asBold()),
                new Span(" with the declaration SHA-256 above; then check that file again with ", TextStyle.BODY),
                new Span("gdpr-checker check " + report.submitted().name() + " --rules DIR --as-of "
                        + (report.generatedAt() == null ? "DATE" : report.generatedAt().toString().substring(0, 10)),
                        CODE.asBold()),
                new Span(" against a rule set with the rule-set SHA-256 above: it gives the same findings as the "
                        + "embedded JSON report and as this document.", TextStyle.BODY));

        pdf.space(8);
        pdf.paragraph(SMALL, wording.disclaimer());
        pdf.paragraph(SMALL, "Issued by " + wording.centreName() + ". Contact: " + wording.centreContact());
    }
}
