package org.tcentre.gdpr.rulecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.rules.RuleSetProblem;

/**
 * Runs every case in every {@code cases.yaml} of the shipped rule set, each against its own rule alone:
 * the rules' specifications, written as data by privacy officers.
 */
class RuleCasesTest {

    static final Path RULES = Path.of("rules");
    static RuleSet ruleSet;
    static List<RuleCase> cases;
    static List<RuleSetProblem> problems = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        ruleSet = new RuleSetLoader().load(RULES);
        cases = RuleCaseLoader.load(RULES, ruleSet, problems);
    }

    @Test
    void every_cases_file_is_readable() {
        assertThat(problems).isEmpty();
    }

    @Test
    void every_rule_has_a_case_that_triggers_it_and_one_that_does_not() {
        for (RuleInfo rule : ruleSet.rules()) {
            List<RuleCase> own = cases.stream().filter(c -> c.ruleIds().contains(rule.id())).toList();
            assertThat(own).as("cases of %s", rule.id())
                    .anySatisfy(c -> assertThat(c.expect()).anySatisfy(e -> assertThat(e.rule()).isEqualTo(rule.id())));
            assertThat(own).as("cases of %s", rule.id())
                    .anySatisfy(c -> assertThat(c.expect()).noneSatisfy(e -> assertThat(e.rule()).isEqualTo(rule.id())));
        }
    }

    @TestFactory
    Stream<DynamicTest> every_case_passes() {
        var runner = new RuleCaseRunner(RULES, ruleSet, new DeclarationReader());
        return cases.stream().map(c -> dynamicTest(c.ruleIds() + " " + c.name(), () -> {
            RuleCaseResult result = runner.run(c);
            assertThat(result.differences()).as(c.file() + " case " + (c.index() + 1) + ": " + c.name()).isEmpty();
        }));
    }
}
