package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.rules.Severity;

/**
 * The first page: what was checked, against what, when and by whom; the verdict with what it means and its
 * counts by severity; the disclaimer.
 */
final class CoverSection implements ReportSection {

    static final String TITLE = "GDPR compliance report";

    private static final TextStyle PRODUCT = new TextStyle(true, 17, TextStyle.INK);
    private static final TextStyle LABEL = new TextStyle(true, 9, TextStyle.MUTED);
    private static final TextStyle VERDICT = new TextStyle(true, 24, Color.WHITE);
    private static final TextStyle SMALL = new TextStyle(false, 8, TextStyle.MUTED);

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        Report.Subject subject = report.subject();
        pdf.bookmark("Cover");
        pdf.paragraph(TextStyle.TITLE, TITLE);
        pdf.paragraph(PRODUCT, ReportStyle.productLine(subject.productName(), subject.productVersion()));
        pdf.paragraph(TextStyle.BODY.withColor(TextStyle.MUTED), "Issued by " + wording.centreName());
        pdf.space(6);

        Report.RuleSetRef ruleSet = report.ruleSet();
        pdf.table(Table.of(Table.boldColumn("", 1.3f), Table.column("", 4))
                .withoutHeader()
                .row("Product", ReportStyle.productLine(subject.productName(), subject.productVersion())
                        + " (id " + text(subject.productId()) + ")")
                .row("Owning team", text(subject.owningTeam()))
                .row("Controller", controller(subject))
                .row("Declaration", text(report.declaration().id()) + source(report.declaration()))
                .row("Evaluated", ReportStyle.dateTime(report.generatedAt()))
                .row("Rule set", text(ruleSet.name()) + " " + text(ruleSet.version())
                        + (ruleSet.profile() == null ? "" : ", profile " + text(ruleSet.profile()))
                        + " (" + ReportStyle.count(ruleSet.rules(), "rule", "rules") + ")"));

        pdf.space(14);
        pdf.paragraph(LABEL, "VERDICT");
        pdf.band(report.verdict().label(), VERDICT, ReportStyle.colour(report.verdict()));
        pdf.paragraph(wording.verdict(report.verdict()));
        pdf.paragraph(TextStyle.BODY.withColor(TextStyle.MUTED),
                "The verdict rule: any CRITICAL or HIGH finding makes a declaration non-compliant; otherwise any "
                        + "MEDIUM or LOW finding makes it compliant with observations; INFO findings alone leave it "
                        + "compliant.");

        pdf.space(8);
        pdf.paragraph(LABEL, "FINDINGS BY SEVERITY");
        List<Table.Column> columns = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        long total = 0;
        for (Severity severity : Severity.values()) {
            long count = report.countsBySeverity().getOrDefault(severity, 0L);
            columns.add(Table.column(severity.name(), 1));
            counts.add(Long.toString(count));
            total += count;
        }
        columns.add(Table.boldColumn("Total", 1));
        counts.add(Long.toString(total));
        pdf.table(Table.of(columns.toArray(Table.Column[]::new)).row(null, counts, List.of()));

        pdf.space(10);
        pdf.paragraph(SMALL, wording.disclaimer());
        pdf.paragraph(SMALL, "Contact: " + wording.centreContact());
    }

    static String controller(Report.Subject subject) {
        String country = subject.controllerCountry();
        return text(subject.controllerName()) + (country == null || country.isBlank() ? "" : " (" + country + ")");
    }

    private static String source(Report.DeclarationRef declaration) {
        return declaration.source() == null ? "" : ", from " + declaration.source();
    }
}
