package org.tcentre.gdpr.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.rules.Severity;

/** The verdict in one paragraph and the most severe findings in plain language, one sentence each. */
final class ExecutiveSummarySection implements ReportSection {

    static final String TITLE = "Executive summary";

    /** How many findings the summary spells out; the rest are counted and left to the detail. */
    static final int MOST_SEVERE = 5;

    /** A sentence ends at ".", "!" or "?" followed by a space and a capital ("Art. 5" does not end one). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.space(14);
        pdf.section(TITLE);
        List<Finding> findings = report.openFindings();
        String product = ReportStyle.productLine(report.subject().productName(), report.subject().productVersion());
        if (findings.isEmpty()) {
            pdf.paragraph("The declaration of " + product + " is " + report.verdict().label().toLowerCase(Locale.ROOT)
                    + (report.waivedFindings().isEmpty()
                        ? ": none of the " + ReportStyle.count(report.ruleSet().rules(), "rule", "rules")
                            + " of the rule set found anything to report. "
                        : ": no finding is open. ")
                    + wording.verdict(report.verdict()));
            waivers(report, pdf);
            return;
        }
        pdf.paragraph(new Span("The declaration of " + product + " is ", TextStyle.BODY),
                new Span(report.verdict().label().toLowerCase(Locale.ROOT), TextStyle.BODY.asBold()),
                new Span(", with " + ReportStyle.count(findings.size(), report.waivedFindings().isEmpty() ? "finding"
                        : "open finding", report.waivedFindings().isEmpty() ? "findings" : "open findings")
                        + counts(report.countsBySeverity()) + ". " + wording.verdict(report.verdict()), TextStyle.BODY));
        waivers(report, pdf);

        List<Finding> top = report.mostSevere(MOST_SEVERE);
        pdf.paragraph(TextStyle.BODY.asBold(), top.size() == findings.size()
                ? (top.size() == 1 ? "The finding:" : "The findings, most severe first:")
                : "The " + top.size() + " most severe findings:");
        for (Finding finding : top) {
            pdf.bullet(new Span(finding.severity().name() + "  ", TextStyle.BODY.asBold()
                            .withColor(ReportStyle.colour(finding.severity()))),
                    new Span(ReportStyle.text(finding.title()), TextStyle.BODY.asBold()),
                    new Span(" " + where(finding) + " (" + finding.ruleId() + ", "
                            + String.join(", ", finding.articles()) + "): " + firstSentence(finding.explanation()),
                            TextStyle.BODY));
        }
        int rest = findings.size() - top.size();
        if (rest > 0) {
            pdf.paragraph("… and " + ReportStyle.count(rest, "further finding", "further findings") + ". Every "
                    + "finding is listed with its evidence and remediation in " + FindingsSection.TITLE + ".");
        } else {
            pdf.paragraph("Evidence and remediation for each are in " + FindingsSection.TITLE + ".");
        }
    }

    /**
     * Waived findings counted in their own sentence, and expired waivers named: the summary never lets an
     * accepted risk pass unmentioned.
     */
    private static void waivers(Report report, PdfDocumentBuilder pdf) {
        int waived = report.waivedFindings().size();
        if (waived > 0) {
            pdf.paragraph(new Span(ReportStyle.count(waived, "further finding is", "further findings are")
                    + " ", TextStyle.BODY),
                    new Span("waived", TextStyle.BODY.asBold()),
                    new Span(counts(report.waivedCountsBySeverity()) + ": accepted as a risk by the privacy office "
                            + "until an expiry date, and not counted in the verdict. Each is listed with its waiver under "
                            + FindingsSection.WAIVED_TITLE + ".", TextStyle.BODY));
        }
        int expired = report.expiredWaivers().size();
        if (expired > 0) {
            pdf.paragraph(ReportStyle.count(expired, "waiver has", "waivers have") + " expired and no longer "
                    + "applies (" + String.join(", ", report.expiredWaivers().stream().map(w -> w.id()).toList())
                    + "): the findings it covered count again. See " + FindingsSection.EXPIRED_TITLE + ".");
        }
    }

    /** ": 1 critical, 2 high and 1 medium" — only the severities that occur. */
    private static String counts(java.util.Map<Severity, Long> bySeverity) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = bySeverity.getOrDefault(severity, 0L);
            if (n > 0) {
                parts.add(n + " " + severity.name().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : " (" + parts.get(0) + ")";
        }
        return " (" + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1) + ")";
    }

    private static String where(Finding finding) {
        return finding.activityId() == null ? "for the product as a whole" : "in activity " + finding.activityId();
    }

    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return ReportStyle.ABSENT;
        }
        String[] sentences = SENTENCE_END.split(text.strip(), 2);
        return sentences[0];
    }
}
