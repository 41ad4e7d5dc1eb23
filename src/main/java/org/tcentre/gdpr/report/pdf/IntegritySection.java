package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import org.tcentre.gdpr.report.Report;

/** What identifies this report's inputs exactly, and how a reader checks them. */
final class IntegritySection implements ReportSection {

    static final String TITLE = "Integrity";

    @Override
    public void render(Report report, PdfDocumentBuilder pdf) {
        pdf.space(12);
        pdf.keepSpace(270); // heading, six rows and the paragraph: one short section, kept on one page
        pdf.section(TITLE);
        Report.DeclarationRef declaration = report.declaration();
        Report.RuleSetRef ruleSet = report.ruleSet();
        // The value column is wide enough for a 64-digit SHA-256 on one line, so it can be copied whole.
        pdf.table(Table.of(Table.boldColumn("", 1.15f), Table.column("", 3.85f))
                .withoutHeader()
                .row("Declaration", text(declaration.id()) + " (" + text(declaration.source()) + ", "
                        + text(declaration.format()) + ")")
                .row("Declaration SHA-256", text(declaration.sha256()))
                .row("Rule set", text(ruleSet.name()) + " " + text(ruleSet.version()))
                .row("Rule-set SHA-256", text(ruleSet.sha256()))
                .row("Report id", text(report.reportId()))
                .row("Evaluated", ReportStyle.dateTime(report.generatedAt())));
        pdf.paragraph("To verify this report, compute the SHA-256 of the declaration file exactly as it was "
                + "submitted (for example with sha256sum) and compare it with the declaration SHA-256 above; "
                + "the rule-set SHA-256 is computed over every file of the rule-set directory (relative path "
                + "and content, in path order), so a rule set with the same hash is the same rule set. "
                + "Checking that declaration against that rule set again gives the same findings. The report "
                + "id is derived from both hashes and the evaluation time, so it changes if any of them does.");
    }
}
