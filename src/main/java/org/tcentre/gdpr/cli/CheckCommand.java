package org.tcentre.gdpr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.evaluation.WaiverFile;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.ReportWordingException;
import org.tcentre.gdpr.report.SarifReportWriter;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.report.pdf.PdfSigner;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gdpr-checker check DECLARATION}: the main job, a declaration in, findings and reports out. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a declaration (JSON or YAML) against the rule set, prints a summary and writes "
                + "<declaration-id>-<UTC timestamp>.pdf and .json (or what --format asks for) into the output folder.",
            "The PDF is signed when GDPR_CHECKER_SIGNING_KEYSTORE (a PKCS#12 file) and GDPR_CHECKER_SIGNING_PASSWORD "
                + "are set (GDPR_CHECKER_SIGNING_ALIAS picks a key from several)."})
final class CheckCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The PKCS#12 keystore to sign the PDF with; signing is off when it is not set. */
    static final String SIGNING_KEYSTORE = "GDPR_CHECKER_SIGNING_KEYSTORE";
    /** The keystore's password (also the key's). */
    static final String SIGNING_PASSWORD = "GDPR_CHECKER_SIGNING_PASSWORD";
    /** Which key entry to sign with, when the keystore holds more than one. */
    static final String SIGNING_ALIAS = "GDPR_CHECKER_SIGNING_ALIAS";

    /** The report files {@code --format} can ask for, written in this order. */
    enum ReportFormat { PDF, JSON, SARIF }

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

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waivers to apply (a YAML or JSON list; see docs/waivers.md): a waived finding is reported as "
                    + "waived and counts towards neither the verdict nor --fail-on.")
    Path waiversFile;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "pdf,json",
            description = "Which reports to write, comma-separated: pdf, json, sarif (default: ${DEFAULT-VALUE}).")
    List<ReportFormat> formats;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Apply this profile of ruleset.yaml (rules switched on or off, severities changed); "
                    + "'default' applies none. Without it, the first profile whose appliesTo matches the declaration's "
                    + "data is applied, if any.")
    String profile;

    @Option(names = "--no-report", description = "Print the summary only; write no report files.")
    boolean noReport;

    @Option(names = "--no-cache", description = "Compile the rule set even if an identical one was compiled before.")
    boolean noCache;

    @Option(names = "--timings", hidden = true, description = "Print how long each phase took (for performance work).")
    boolean timings;

    @Spec
    CommandSpec spec;

    /** Where the signing settings come from: the process environment (tests put a map here). */
    Map<String, String> environment = System.getenv();

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
        List<Waiver> waivers = List.of();
        if (waiversFile != null) {
            try {
                waivers = WaiverFile.read(waiversFile);
            } catch (WaiverFile.InvalidWaiverFileException e) {
                stderr.println(waiversFile + " is not a valid waiver file (" + e.problems().size() + " problem"
                        + (e.problems().size() == 1 ? "" : "s") + "); nothing was evaluated:");
                e.problems().forEach(p -> stderr.println("  " + p));
                return ExitCodes.INVALID_INPUT;
            }
        }
        Set<ReportFormat> writing = noReport ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        ReportWording wording = null;
        if (writing.contains(ReportFormat.PDF)) {
            try {
                wording = ReportWording.load(reportWording);
            } catch (ReportWordingException e) {
                stderr.println("the report wording cannot be used; nothing was evaluated:");
                e.problems().forEach(p -> stderr.println("  " + p));
                return ExitCodes.INVALID_INPUT;
            }
        }
        PdfSigner signer = null;
        if (writing.contains(ReportFormat.PDF) && signingRequested()) {
            signer = signer(stderr);
            if (signer == null) {
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        RuleSet ruleSet = RuleSets.await(ruleSetLoading, rules, stderr);
        if (ruleSet == null) {
            return ExitCodes.RULE_SET_ERROR;
        }
        clock.lap("load and compile rule set (rest of)");
        Evaluation evaluation;
        try {
            evaluation = new DeclarationCheck(asOf == null ? Clock.systemUTC()
                    : Clock.fixed(asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
                    .check(declaration, ruleSet, profile).withWaivers(waivers);
        } catch (IllegalArgumentException e) {
            stderr.println("--profile " + profile + ": " + e.getMessage() + "; nothing was evaluated");
            return ExitCodes.INVALID_INPUT;
        }
        clock.lap("evaluate");
        Report report = Report.of(evaluation);
        Summary.print(report, failOn, stdout);
        if (!writing.isEmpty()) {
            try {
                writeReports(report, declaration, writing, wording, signer, stdout, clock);
            } catch (IOException e) {
                stderr.println("cannot write the reports to " + out + ": " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        return evaluation.hasFindingsAtOrAbove(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void writeReports(Report report, DeclarationDocument declaration, Set<ReportFormat> writing,
                              ReportWording wording, PdfSigner signer, PrintWriter stdout, PhaseClock clock) throws IOException {
        Files.createDirectories(out);
        String base = safeFileName(report.declaration().id()) + "-" + STAMP.format(report.generatedAt());
        List<String> written = new ArrayList<>();
        if (writing.contains(ReportFormat.PDF)) {
            Path pdf = out.resolve(base + ".pdf");
            byte[] bytes = new PdfReportWriter(wording).write(report);
            clock.lap("write PDF");
            if (signer != null) {
                try {
                    bytes = signer.sign(bytes, now());
                } catch (IOException e) {
                    throw new IOException("cannot sign the PDF report: " + e.getMessage(), e);
                }
                clock.lap("sign PDF");
            }
            Files.write(pdf, bytes);
            written.add(pdf + (signer == null ? "" : "  (signed: " + signer.certificate().getSubjectX500Principal().getName() + ")"));
        }
        if (writing.contains(ReportFormat.JSON)) {
            Path json = out.resolve(base + ".json");
            Files.write(json, new JsonReportWriter().write(report));
            clock.lap("write JSON");
            written.add(json.toString());
        }
        if (writing.contains(ReportFormat.SARIF)) {
            Path sarif = out.resolve(base + ".sarif");
            // Relative to the working directory: run from the repository root, and code scanning finds the file.
            Files.write(sarif, new SarifReportWriter().write(report, declaration,
                    SarifReportWriter.artifactUri(declarationFile, Path.of(""))));
            clock.lap("write SARIF");
            written.add(sarif.toString());
        }
        stdout.println();
        stdout.println("Reports written:");
        written.forEach(file -> stdout.println("  " + file));
    }

    private static Calendar now() {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(Clock.systemUTC().millis() / 1000 * 1000);
        return calendar;
    }

    private String env(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Whether either of the two signing settings is given: then both must be, and must work. */
    private boolean signingRequested() {
        return env(SIGNING_KEYSTORE) != null || environment.get(SIGNING_PASSWORD) != null;
    }

    /** The signer the environment names, or {@code null} after saying why it cannot be used. */
    private PdfSigner signer(PrintWriter stderr) {
        String keystore = env(SIGNING_KEYSTORE);
        String password = environment.get(SIGNING_PASSWORD);
        if (keystore == null || password == null) {
            stderr.println((keystore == null ? SIGNING_PASSWORD + " is set but " + SIGNING_KEYSTORE + " is not"
                    : SIGNING_KEYSTORE + " is set but " + SIGNING_PASSWORD + " is not")
                    + ": both are needed to sign the PDF report; nothing was evaluated, no report written");
            return null;
        }
        try {
            return PdfSigner.fromPkcs12(Path.of(keystore), password.toCharArray(), env(SIGNING_ALIAS));
        } catch (PdfSigner.KeyStoreProblem e) {
            String variable = switch (e.setting()) {
                case KEYSTORE -> SIGNING_KEYSTORE;
                case PASSWORD -> SIGNING_PASSWORD;
                case ALIAS -> SIGNING_ALIAS;
            };
            stderr.println("cannot sign the PDF report, check " + variable + ": " + e.getMessage()
                    + "; nothing was evaluated, no report written");
            return null;
        } catch (InvalidPathException e) {
            stderr.println("cannot sign the PDF report, check " + SIGNING_KEYSTORE + ": '" + keystore
                    + "' is not a file path; nothing was evaluated, no report written");
            return null;
        }
    }

    /** Declaration ids are schema-checked, but a file name must never escape the output folder. */
    static String safeFileName(String id) {
        String name = id == null ? "declaration" : id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name : name;
    }
}
