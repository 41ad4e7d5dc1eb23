package org.tcentre.gdpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.rulecases.RuleCase;
import org.tcentre.gdpr.rulecases.RuleCaseLoader;
import org.tcentre.gdpr.rulecases.RuleCaseResult;
import org.tcentre.gdpr.rulecases.RuleCaseRunner;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetProblem;
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
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleCase> cases = RuleCaseLoader.load(rules, ruleSet, problems);
        if (!problems.isEmpty()) {
            err.println("The rule tests cannot be read:");
            problems.forEach(p -> err.println("  " + p));
            return ExitCodes.RULE_SET_ERROR;
        }
        var runner = new RuleCaseRunner(rules, ruleSet, new DeclarationReader());
        int failed = 0;
        for (RuleCase ruleCase : cases) {
            RuleCaseResult result = runner.run(ruleCase);
            out.println(String.format(Locale.ROOT, "%-4s  %-9s %s", result.passed() ? "PASS" : "FAIL",
                    String.join(",", ruleCase.ruleIds()), ruleCase.name()));
            if (!result.passed()) {
                failed++;
                out.println("        " + ruleCase.file() + ", case " + (ruleCase.index() + 1));
                result.differences().forEach(d -> out.println("        " + d));
            }
        }
        out.println();
        out.println((cases.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
