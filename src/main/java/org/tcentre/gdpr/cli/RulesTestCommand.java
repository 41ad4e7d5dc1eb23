package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.rulecases.RuleCase;
import org.tcentre.gdpr.rulecases.RuleCaseResult;
import org.tcentre.gdpr.rulecases.RuleTestRun;
import org.tcentre.gdpr.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gdpr-checker rules test}: runs every rule's cases.yaml and prints a pass/fail table. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the test cases beside every rule (cases.yaml), each against its own rule alone.")
final class RulesTestCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rule-set directory (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet ruleSet = RuleSets.load(rules, err);
        if (ruleSet == null) {
            return ExitCodes.RULE_SET_ERROR;
        }
        RuleTestRun run = RuleTestRun.of(rules, ruleSet);
        if (!run.problems().isEmpty()) {
            err.println("The rule tests cannot be read:");
            run.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.RULE_SET_ERROR;
        }
        for (RuleCaseResult result : run.results()) {
            RuleCase ruleCase = result.ruleCase();
            out.println(String.format(Locale.ROOT, "%-4s  %-9s %s", result.passed() ? "PASS" : "FAIL",
                    String.join(",", ruleCase.ruleIds()), ruleCase.name()));
            if (!result.passed()) {
                out.println("        " + ruleCase.file() + ", case " + (ruleCase.index() + 1));
                result.differences().forEach(d -> out.println("        " + d));
            }
        }
        out.println();
        out.println(run.summary());
        return run.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
