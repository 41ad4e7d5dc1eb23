package org.tcentre.gdpr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.ReportWordingException;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gdpr-checker check DECLARATION}: the main job, a declaration in, findings and reports out. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a declaration (JSON or YAML) against the rule set, prints a summary and writes",
            "<declaration-id>-<UTC timestamp>.pdf and .json into the output folder."})
final class CheckCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Parameters(paramLabel = "DECLARATION", description = "The declaration file (.json, .yaml or .yml).")
    Path declarationFile;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rule-set directory (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/out", description = "Where reports are written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report-wording", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory holding wording.yaml, the PDF report's texts (default: ${DEFAULT-VALUE}).")
    Path reportWording;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "HIGH",
            description = "Exit with 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluate as on this date (YYYY-MM-DD, UTC), e.g. to reproduce an earlier report; default: now.")
    LocalDate asOf;

    @Option(names = "--no-report", description = "Print the summary only; write no report files.")
    boolean noReport;

    @Option(names = "--no-cache", description = "Compile the rule set even if an identical one was compiled before.")
    boolean noCache;

    @Option(names = "--timings", hidden = true, description = "Print how long each phase took (for performance work).")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        var clock = new PhaseClock(timings, stderr);
        // Compiling the rules is the largest cold cost and does not depend on the declaration: overlap the two.
        CompletableFuture<RuleSet> ruleSetLoading = RuleSets.loadInBackground(rules, !noCache);
        DeclarationDocument declaration;
        try {
            declaration = new DeclarationReader().read(declarationFile);
            clock.lap("read and validate declaration");
        } catch (InvalidDeclarationException e) {
            stderr.println(declarationFile + " is not a valid declaration (" + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + "); nothing was evaluated:");
            e.problems().forEach(p -> stderr.println("  " + p));
            return ExitCodes.INVALID_INPUT;
        }
        ReportWording wording = null;
        if (!noReport) {
            try {
                wording = ReportWording.load(reportWording);
            } catch (ReportWordingException e) {
                stderr.println("the report wording cannot be used; nothing was evaluated:");
                e.problems().forEach(p -> stderr.println("  " + p));
                return ExitCodes.INVALID_INPUT;
            }
        }
        RuleSet ruleSet = RuleSets.await(ruleSetLoading, rules, stderr);
        if (ruleSet == null) {
            return ExitCodes.RULE_SET_ERROR;
        }
        clock.lap("load and compile rule set (rest of)");
        Evaluation evaluation = new DeclarationCheck(asOf == null ? Clock.systemUTC()
                : Clock.fixed(asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)).check(declaration, ruleSet);
        clock.lap("evaluate");
        Report report = Report.of(evaluation);
        Summary.print(report, failOn, stdout);
        if (!noReport) {
            try {
                writeReports(report, wording, stdout, clock);
            } catch (IOException e) {
                stderr.println("cannot write the reports to " + out + ": " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        return evaluation.hasFindingsAtOrAbove(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void writeReports(Report report, ReportWording wording, PrintWriter stdout, PhaseClock clock) throws IOException {
        Files.createDirectories(out);
        String base = safeFileName(report.declaration().id()) + "-" + STAMP.format(report.generatedAt());
        Path pdf = out.resolve(base + ".pdf");
        Path json = out.resolve(base + ".json");
        Files.write(pdf, new PdfReportWriter(wording).write(report));
        clock.lap("write PDF");
        Files.write(json, new JsonReportWriter().write(report));
        clock.lap("write JSON");
        stdout.println();
        stdout.println("Reports written:");
        stdout.println("  " + pdf);
        stdout.println("  " + json);
    }

    /** Declaration ids are schema-checked, but a file name must never escape the output folder. */
    static String safeFileName(String id) {
        String name = id == null ? "declaration" : id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name : name;
    }
}
