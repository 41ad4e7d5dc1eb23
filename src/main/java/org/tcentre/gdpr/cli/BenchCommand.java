package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gdpr-checker bench DECLARATION}: warm-JVM timings of each step of a check, printed as medians over
 * rounds so that a noisy, shared machine still gives comparable figures. Not a unit test: run on demand and
 * record the figures in docs/performance.md.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Measures read+validate, evaluate and report rendering in a warm JVM (medians over rounds).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DECLARATION")
    Path declarationFile;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules")
    Path rules;

    @Option(names = "--rounds", defaultValue = "15", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--per-round", defaultValue = "200", description = "Operations per round (default: ${DEFAULT-VALUE}).")
    int perRound;

    @Option(names = "--warmup-rounds", defaultValue = "5")
    int warmupRounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet ruleSet = RuleSets.load(rules, spec.commandLine().getErr());
        if (ruleSet == null) {
            return ExitCodes.RULE_SET_ERROR;
        }
        byte[] bytes = Files.readAllBytes(declarationFile);
        String name = declarationFile.getFileName().toString();
        var reader = new DeclarationReader();
        var check = new DeclarationCheck(Clock.systemUTC());
        DeclarationDocument document = reader.read(bytes, name);
        Evaluation evaluation = check.check(document, ruleSet);
        Report report = Report.of(evaluation);

        out.println("Declaration " + name + ": " + bytes.length + " bytes, " + document.model().activities().size()
                + " activities; rule set " + ruleSet.rules().size() + " rules; " + evaluation.findings().size() + " findings");
        out.println(String.format(Locale.ROOT, "%-26s %12s %12s %14s", "step", "median µs", "min µs", "ops/s (median)"));
        measure(out, "read + validate", () -> reader.read(bytes, name));
        measure(out, "evaluate (rules)", () -> check.check(document, ruleSet));
        measure(out, "JSON report", () -> new JsonReportWriter().write(report));
        int pdfPerRound = perRound;
        perRound = Math.max(1, perRound / 10);
        measure(out, "PDF report", () -> new PdfReportWriter().write(report));
        perRound = pdfPerRound;
        return ExitCodes.OK;
    }

    interface Step {
        Object run() throws Exception;
    }

    private void measure(PrintWriter out, String label, Step step) throws Exception {
        double[] microsPerOp = new double[rounds];
        Object sink = null;
        for (int r = -warmupRounds; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink = step.run();
            }
            long elapsed = System.nanoTime() - start;
            if (r >= 0) {
                microsPerOp[r] = elapsed / 1000.0 / perRound;
            }
        }
        if (sink == null) {
            throw new IllegalStateException("nothing measured");
        }
        Arrays.sort(microsPerOp);
        double median = microsPerOp[rounds / 2];
        out.println(String.format(Locale.ROOT, "%-26s %12.1f %12.1f %14.0f", label, median, microsPerOp[0], 1_000_000 / median));
    }
}
