package org.tcentre.gdpr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gdpr-checker rules ...}: work on a rule set itself. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Validate, list and test a rule set.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
