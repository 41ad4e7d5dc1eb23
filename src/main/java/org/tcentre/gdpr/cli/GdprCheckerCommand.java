package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code gdpr-checker <sub-command>}. */
@Command(name = "gdpr-checker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks a product's declaration of personal-data processing against a GDPR rule set.",
        subcommands = {CheckCommand.class, VerifyCommand.class, RulesCommand.class, BenchCommand.class, ServeCommand.class, UsersCommand.class, AuditCommand.class, WaiversCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on (or failing rule tests)",
            "2:invalid declaration or command line; nothing evaluated",
            "3:rule set error (compile errors, metadata, parameters)",
            "4:internal error (e.g. the output folder cannot be written)"})
public final class GdprCheckerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code; never lets a stack trace reach the user. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GdprCheckerCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INVALID_INPUT);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.INVALID_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("internal error: " + e);
            return ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
