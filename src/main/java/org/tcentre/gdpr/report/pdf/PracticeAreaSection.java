package org.tcentre.gdpr.report.pdf;

import java.util.List;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * One row per practice area P1–P6: its status (the verdict its findings alone would give), number of
 * findings and the worst of them, and under it what the area covers, in the privacy office's words.
 */
final class PracticeAreaSection implements ReportSection {

    static final String TITLE = "Results by practice area";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.space(14);
        pdf.keepSpace(330);
        pdf.section(TITLE);
        pdf.paragraph("The centre organises its work in six practice areas. Each area's status is the verdict its "
                + "findings alone would give; the mark on the left shows its most severe finding.");
        Table table = Table.of(
                Table.boldColumn("Area", 0.55f),
                Table.column("Practice area", 3.1f),
                Table.column("Status", 2.2f),
                Table.column("Findings", 0.85f),
                Table.column("Worst", 0.95f));
        for (Report.AreaSummary area : report.areas()) {
            table.row(area.worst() == null ? null : ReportStyle.colour(area.worst()),
                    List.of(area.area().name(), area.title(), area.status(), Integer.toString(area.findings()),
                            area.worst() == null ? ReportStyle.ABSENT : area.worst().name()),
                    List.of(Table.Note.plain(wording.practiceArea(area.area()))));
        }
        pdf.table(table);
    }
}
