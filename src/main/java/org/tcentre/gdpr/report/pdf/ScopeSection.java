package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;

import java.util.List;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/** What was evaluated, against which rules, and how: the facts a reader needs to trust or repeat the check. */
final class ScopeSection implements ReportSection {

    static final String TITLE = "Scope and method";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        Report.DeclarationRef declaration = report.declaration();
        Report.RuleSetRef ruleSet = report.ruleSet();
        Report.SubmittedFile submitted = report.submitted();
        List<String> packs = report.packs().stream()
                .map(p -> p.law() + " (" + ReportStyle.count(p.rules(), "rule", "rules") + ")").toList();
        pdf.table(Table.of(Table.boldColumn("", 1.35f), Table.column("", 3.65f))
                .withoutHeader()
                .row("Declaration", text(declaration.id()))
                .row("Declaration file", submitted.name() + " (" + text(declaration.format()) + ", "
                        + ReportStyle.size(submitted.size()) + ")")
                .row("Declaration SHA-256", text(declaration.sha256()))
                .row("Rule set", text(ruleSet.name()))
                .row("Rule-set version", text(ruleSet.version()))
                .row("Rule-set SHA-256", text(ruleSet.sha256()))
                .row("Profile", ruleSet.profile() == null ? "none (the rule set as its files define it)"
                        : text(ruleSet.profile()) + " (defined in the rule set's ruleset.yaml)")
                .row("Rules evaluated", Integer.toString(ruleSet.rules()))
                .row("Articles evaluated", Integer.toString(report.articlesEvaluated().size()))
                .row("Rule packs", ReportStyle.list(packs, "none"))
                .row("Evaluation date", ReportStyle.dateTime(report.generatedAt())));

        pdf.subheading("Method");
        pdf.paragraph("Every rule of the rule set was run against the declaration as submitted — the product "
                + "team's record of processing and the further facts the rules need. A rule reports a finding when "
                + "the declared processing departs from the article(s) it checks; each finding names its rule, the "
                + "articles it rests on (with the principles supervisory authorities co-cite), the processing "
                + "activity concerned, the declaration field that triggered it and the value declared there.");
        pdf.paragraph("Findings are graded CRITICAL (processing unlawful as declared), HIGH (a clear infringement "
                + "or a missing mandatory safeguard), MEDIUM (a likely infringement or missing evidence), LOW (good "
                + "practice or a documentation gap) and INFO (an observation), and grouped by the centre's practice "
                + "areas P1–P6 as well as by article. The overall verdict follows from the most severe finding alone.");
        pdf.paragraph("The assessment covers what the declaration says, not how the product behaves: processing "
                + "that is not declared is not assessed. The declaration file and this report in JSON are embedded "
                + "in this PDF (see " + IntegritySection.TITLE + "), so the check can be repeated exactly.");
    }
}
