package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * Every finding, most severe first, as one table row: the identifiers a reader looks up (rule, severity,
 * articles, activity, JSON pointer) in columns, and under them the title, evidence, explanation,
 * remediation and guidance as full-width text, which is what the reader acts on.
 *
 * <p>Waived findings get their own table after the open ones, under "Waived findings", each marked WAIVED with
 * the waiver's id, approver, expiry and justification: reported, never hidden. Expired waivers that would
 * otherwise have applied are listed last, so a reader sees why a finding accepted before is open again.
 */
final class FindingsSection implements ReportSection {

    static final String TITLE = "Findings in detail";
    static final String WAIVED_TITLE = "Waived findings";
    static final String EXPIRED_TITLE = "Expired waivers";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        List<Finding> findings = report.openFindings();
        List<Finding> waived = report.waivedFindings();
        if (findings.isEmpty()) {
            pdf.paragraph(waived.isEmpty()
                    ? "No findings: no rule of the rule set found anything wrong with the declaration."
                    : "No open findings: every finding of the rule set is waived (see " + WAIVED_TITLE + " below).");
        } else {
            pdf.paragraph(ReportStyle.count(findings.size(), waived.isEmpty() ? "finding" : "open finding",
                    waived.isEmpty() ? "findings" : "open findings")
                    + ", most severe first, then by rule id. The activity is " + ReportStyle.ABSENT + " for findings "
                    + "about the product as a whole; the JSON pointer names the declaration field that triggered the "
                    + "finding, and the evidence is the value declared there.");
            pdf.table(findingsTable(findings, false));
        }
        if (!waived.isEmpty()) {
            pdf.subheading(WAIVED_TITLE + " (" + waived.size() + ")");
            pdf.paragraph(wording.waiversIntro());
            pdf.table(findingsTable(waived, true));
        }
        if (!report.expiredWaivers().isEmpty()) {
            pdf.subheading(EXPIRED_TITLE + " (" + report.expiredWaivers().size() + ")");
            pdf.paragraph(wording.waiversExpired());
            for (Waiver waiver : report.expiredWaivers()) {
                pdf.bullet(new Span("EXPIRED " + waiver.expires() + "  ", TextStyle.BODY.asBold()),
                        new Span(waiver.id() + ": " + waiver.ruleId()
                                + (waiver.activityId() == null ? ", every activity" : ", activity " + waiver.activityId())
                                + "; approved by " + waiver.approver() + ": " + waiver.justification(), TextStyle.BODY));
            }
        }
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
                    List.of(finding.ruleId(), finding.severity().name() + (waived ? "\nWAIVED" : ""),
                            ReportStyle.articles(finding.articles()), text(finding.activityId()), text(finding.pointer())),
                    notes(finding));
        }
        return table;
    }

    private static List<Table.Note> notes(Finding finding) {
        List<Table.Note> notes = new ArrayList<>();
        notes.add(Table.Note.emphasised(text(finding.title())));
        Waiver waiver = finding.waiver();
        if (waiver != null) {
            notes.add(Table.Note.labelled("WAIVED", waiver.id() + ", approved by " + waiver.approver()
                    + ", until " + waiver.expires() + " inclusive"));
            notes.add(Table.Note.labelled("Justification", waiver.justification()));
        }
        notes.add(Table.Note.labelled("Evidence", text(finding.evidence())));
        notes.add(Table.Note.labelled("Explanation", text(finding.explanation())));
        notes.add(Table.Note.labelled("Remediation", text(finding.remediation())));
        if (finding.guidance() != null && !finding.guidance().isBlank()) {
            notes.add(Table.Note.labelled("Guidance", finding.guidance()));
        }
        return notes;
    }
}
