package org.tcentre.gdpr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.impact.DeclarationFolder;
import org.tcentre.gdpr.impact.DeclarationSource;
import org.tcentre.gdpr.impact.ImpactPreview;
import org.tcentre.gdpr.impact.ImpactReport;
import org.tcentre.gdpr.impact.ImpactReportWriter;
import org.tcentre.gdpr.impact.StoredDeclarations;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.system.AdminContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code gdpr-checker rules diff --candidate DIR}: what a candidate rule set would change, before it is rolled out.
 * Re-evaluates the stored declarations (or a folder of them) under the current and the candidate rule set and
 * prints, per product, the findings that would appear, disappear or change severity.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Previews what a candidate rule set would change: re-evaluates the declarations stored by the "
                + "service (the latest of each product; --all-versions for every one) or a folder of declarations under "
                + "the current and the candidate rule set, and prints per product the findings that would appear (+), "
                + "disappear (-) or change severity (~).",
            "Exit codes: 0 it ran (changes or not), 2 bad command line or declarations source, 3 a rule set does not load."})
final class RulesDiffCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    @Option(names = "--candidate", paramLabel = "DIR", required = true, description = "The candidate rule-set directory.")
    Path candidate;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "The current rule-set directory (default: ${DEFAULT-VALUE}).")
    Path rules;

    @ArgGroup(exclusive = true)
    Declarations declarations = new Declarations();

    static final class Declarations {
        @Option(names = "--declarations", paramLabel = "FOLDER",
                description = "Every .json/.yaml/.yml declaration below FOLDER instead of the service's database.")
        Path folder;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "The service's embedded database, as for serve (default: data); "
                        + "--spring.datasource.url=... names another database.")
        Path dataDir;
    }

    @Option(names = "--all-versions", description = "Every stored version of each product, not only the latest.")
    boolean allVersions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (the summary line still goes to the console).")
    Path out;

    @Option(names = "--quiet", description = "No progress lines on the error stream.")
    boolean quiet;

    @Option(names = "--workers", paramLabel = "N", hidden = true, description = "Evaluating threads (default: the processors).")
    Integer workers;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (declarations.folder != null && (allVersions || !springArguments.isEmpty())) {
            err.println("--all-versions and database options apply to stored declarations, not to --declarations " + declarations.folder);
            return ExitCodes.INVALID_INPUT;
        }
        List<String> unknown = springArguments.stream().filter(a -> !a.startsWith("--spring.")).toList();
        if (!unknown.isEmpty()) {
            err.println("Unknown option: " + String.join(" ", unknown));
            return ExitCodes.INVALID_INPUT;
        }
        if (declarations.folder != null && !Files.isDirectory(declarations.folder)) {
            err.println("The declarations folder " + declarations.folder + " does not exist.");
            return ExitCodes.INVALID_INPUT;
        }
        Path dataDir = declarations.dataDir == null ? Path.of("data") : declarations.dataDir;
        boolean embedded = springArguments.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="));
        if (declarations.folder == null && embedded && !Files.isRegularFile(dataDir.resolve("gdpr-checker.mv.db"))) {
            err.println("There is no service database in " + dataDir + " (give --data-dir DIR, where serve keeps it, "
                    + "or --declarations FOLDER).");
            return ExitCodes.INVALID_INPUT;
        }

        CompletableFuture<RuleSet> loadingCandidate = RuleSets.loadInBackground(candidate, true);
        RuleSet current = RuleSets.load(rules, err);
        RuleSet next = RuleSets.await(loadingCandidate, candidate, err);
        if (current == null || next == null) {
            return ExitCodes.RULE_SET_ERROR;
        }

        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, workers);
        var preview = new ImpactPreview(current, next, Clock.systemUTC(), threads);
        ImpactReport report;
        if (declarations.folder != null) {
            report = preview.run(new DeclarationFolder(declarations.folder, new DeclarationReader()), progress(err));
        } else {
            List<String> arguments = new ArrayList<>();
            arguments.add("--gdpr.data-dir=" + dataDir.toAbsolutePath().normalize());
            arguments.addAll(springArguments);
            try (ConfigurableApplicationContext context = AdminContext.open(arguments.toArray(String[]::new))) {
                DeclarationSource stored = new StoredDeclarations(context.getBean(DataSource.class), allVersions);
                report = preview.run(stored, progress(err));
            }
        }

        String rendered = format == Format.JSON ? ImpactReportWriter.json(report) : ImpactReportWriter.text(report);
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("The report cannot be written to " + out + ": " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            }
            stdout.println(ImpactReportWriter.summaryLine(report.summary()));
            stdout.println("Report written to " + out);
        } else {
            stdout.print(rendered);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** {@code 12,345 / 100,000 declarations (4,100/s)} about once a second on the error stream, unless --quiet. */
    private java.util.function.Consumer<ImpactPreview.Progress> progress(PrintWriter err) {
        if (quiet) {
            return p -> { };
        }
        return p -> {
            err.println(String.format(Locale.ROOT, "%,d / %,d declarations (%,d/s)", p.done(), p.total(), p.perSecond()));
            err.flush();
        };
    }
}
