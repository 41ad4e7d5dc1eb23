package org.tcentre.gdpr.report.pdf;

import java.util.List;
import org.tcentre.gdpr.report.Report;

/** One row per practice area P1–P6: how many findings, the worst, and the verdict they alone would give. */
final class PracticeAreaSection implements ReportSection {

    static final String TITLE = "Summary by practice area";

    @Override
    public void render(Report report, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        pdf.paragraph("Every practice area, with its number of findings, the most severe of them, and the "
                + "verdict its findings alone would give.");
        Table table = Table.of(
                Table.boldColumn("Area", 0.6f),
                Table.column("Title", 3.3f),
                Table.column("Findings", 0.9f),
                Table.column("Worst", 1),
                Table.column("Status", 2.1f));
        for (Report.AreaSummary area : report.areas()) {
            table.row(area.worst() == null ? null : ReportStyle.colour(area.worst()),
                    List.of(area.area().name(), area.title(), Integer.toString(area.findings()),
                            area.worst() == null ? ReportStyle.ABSENT : area.worst().name(), area.status()),
                    List.of());
        }
        pdf.table(table);
    }
}
