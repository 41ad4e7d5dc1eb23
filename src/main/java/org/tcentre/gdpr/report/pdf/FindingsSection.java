package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.rules.Severity;
import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.Report;

/**
 * Every finding, most severe first, as one table row: the identifiers a reader looks up (rule, severity,
 * articles, activity, JSON pointer) in columns, and under them the title, evidence, explanation,
 * remediation and guidance as full-width text, which is what the reader acts on.
 */
final class FindingsSection implements ReportSection {

    static final String TITLE = "Findings";

    @Override
    public void render(Report report, PdfDocumentBuilder pdf) {
        pdf.space(12);
        pdf.section(TITLE);
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            pdf.paragraph("No findings: no rule of the rule set found anything wrong with the declaration.");
            return;
        }
        pdf.paragraph((findings.size() == 1 ? "One finding" : findings.size() + " findings")
                + ", most severe first. The activity is " + ReportStyle.ABSENT + " for findings about the "
                + "product as a whole; the JSON pointer names the declaration field that triggered the finding.");
        Table table = Table.of(
                Table.boldColumn("Rule", 0.95f),
                Table.column("Severity", 0.85f),
                Table.column("Articles", 2),       // "ePrivacy Directive Art. 5(3)" on one line
                Table.column("Activity", 1.35f),
                Table.column("JSON pointer", 2.35f));
        for (Finding finding : findings) {
            table.row(ReportStyle.colour(finding.severity()),
                    List.of(finding.ruleId(), finding.severity().name(), ReportStyle.articles(finding.articles()),
                            text(finding.activityId()), text(finding.pointer())),
                    notes(finding));
        }
        pdf.table(table);
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
