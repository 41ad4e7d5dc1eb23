package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * Every finding, most severe first, as one table row: the identifiers a reader looks up (rule, severity,
 * articles, activity, JSON pointer) in columns, and under them the title, evidence, explanation,
 * remediation and guidance as full-width text, which is what the reader acts on.
 *
 * <p>Waived findings (a planned feature) get their own table after the open ones, drawn by
 * {@link #findingsTable} with {@code waived} set, so they are reported and never hidden; the report model
 * has no waivers yet, so nothing is printed for them today.
 */
final class FindingsSection implements ReportSection {

    static final String TITLE = "Findings in detail";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            pdf.paragraph("No findings: no rule of the rule set found anything wrong with the declaration.");
            return;
        }
        pdf.paragraph(ReportStyle.count(findings.size(), "finding", "findings")
                + ", most severe first, then by rule id. The activity is " + ReportStyle.ABSENT + " for findings "
                + "about the product as a whole; the JSON pointer names the declaration field that triggered the "
                + "finding, and the evidence is the value declared there.");
        pdf.table(findingsTable(findings, false));
        // HOOK(waivers): when the model carries waived findings (with who waived them, why, until when),
        // print them here under pdf.subheading("Waived findings") with findingsTable(waived, true).
    }

    /** The findings table; a waived finding's row says so first and carries the waiver in its notes. */
    static Table findingsTable(List<Finding> findings, boolean waived) {
        Table table = Table.of(
                Table.boldColumn("Rule", 0.95f),
                Table.column("Severity", 0.85f),
                Table.column("Articles", 2),       // "ePrivacy Directive Art. 5(3)" on one line
                Table.column("Activity", 1.35f),
                Table.column("JSON pointer", 2.35f));
        for (Finding finding : findings) {
            table.row(waived ? TextStyle.MUTED : ReportStyle.colour(finding.severity()),
                    List.of(finding.ruleId(), finding.severity().name() + (waived ? "\n(waived)" : ""),
                            ReportStyle.articles(finding.articles()), text(finding.activityId()), text(finding.pointer())),
                    notes(finding));
        }
        return table;
    }

    private static List<Table.Note> notes(Finding finding) {
        List<Table.Note> notes = new ArrayList<>();
        notes.add(Table.Note.emphasised(text(finding.title())));
        notes.add(Table.Note.labelled("Evidence", text(finding.evidence())));
        notes.add(Table.Note.labelled("Explanation", text(finding.explanation())));
        notes.add(Table.Note.labelled("Remediation", text(finding.remediation())));
        if (finding.guidance() != null && !finding.guidance().isBlank()) {
            notes.add(Table.Note.labelled("Guidance", finding.guidance()));
        }
        return notes;
    }
}
