package org.tcentre.gdpr.report.pdf;

import java.util.List;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * The article coverage matrix: every article the rule set checks (or a finding cites), whether a finding
 * cites it, and the rules that check it — what shows that an article without findings was looked at.
 */
final class ArticleCoverageSection implements ReportSection {

    static final String TITLE = "Article coverage";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        List<Report.ArticleCoverage> coverage = report.articleCoverage();
        if (coverage.isEmpty()) {
            pdf.paragraph("No rule ran, so no article was checked.");
            return;
        }
        long withFindings = coverage.stream().filter(a -> a.status() == Report.CoverageStatus.FINDING).count();
        pdf.paragraph(ReportStyle.count(coverage.size(), "article", "articles") + " checked; "
                + withFindings + " of them cited by a finding. "
                + Report.CoverageStatus.FINDING.label() + ": at least one finding cites the article; the rules that "
                + "found it are marked \"(finding)\" and the mark on the left shows the most severe finding. "
                + Report.CoverageStatus.CHECKED.label() + ": the rules citing it ran and found nothing. A rule that "
                + "found nothing may have had nothing to check in this declaration — rules do not declare when they "
                + "apply — so no article is reported as \"not applicable\".");
        Table table = Table.of(
                Table.boldColumn("Article", 2.3f),
                Table.column("Status", 0.85f),
                Table.column("Findings", 0.8f),
                Table.column("Rules", 3.3f));
        for (Report.ArticleCoverage article : coverage) {
            table.row(article.worst() == null ? null : ReportStyle.colour(article.worst()),
                    List.of(article.article(), article.status().label(),
                            article.findings() == 0 ? ReportStyle.ABSENT : Integer.toString(article.findings()),
                            String.join(", ", article.rules().stream()
                                    .map(id -> article.foundBy().contains(id) ? id + " (finding)" : id).toList())),
                    List.of());
        }
        pdf.table(table);
    }
}
