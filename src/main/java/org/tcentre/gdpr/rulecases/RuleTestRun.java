package org.tcentre.gdpr.rulecases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetProblem;

/**
 * Every test case of a rule set ({@code cases.yaml} beside each rule) run against that rule set: what
 * {@code rules test} prints and what a reload demands before a rule set goes into service.
 *
 * @param problems cases files that cannot be read (then no case ran)
 * @param results  one per case, in file order
 */
public record RuleTestRun(List<RuleSetProblem> problems, List<RuleCaseResult> results) {

    public RuleTestRun {
        problems = List.copyOf(problems);
        results = List.copyOf(results);
    }

    /** Reads and runs every case below {@code directory} against {@code ruleSet} (loaded from that directory). */
    public static RuleTestRun of(Path directory, RuleSet ruleSet) {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleCase> cases = RuleCaseLoader.load(directory, ruleSet, problems);
        if (!problems.isEmpty()) {
            return new RuleTestRun(problems, List.of());
        }
        var runner = new RuleCaseRunner(directory, ruleSet, new DeclarationReader());
        return new RuleTestRun(List.of(), cases.stream().map(runner::run).toList());
    }

    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(RuleCaseResult::passed);
    }

    public List<RuleCaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** "593 passed, 0 failed", the last line of {@code rules test}. */
    public String summary() {
        int failed = failures().size();
        return (results.size() - failed) + " passed, " + failed + " failed";
    }
}
