package org.tcentre.gdpr.rulecases;

import java.util.List;

/** Whether a case passed, and if not, each difference between what it expected and what the rule reported. */
public record RuleCaseResult(RuleCase ruleCase, List<String> differences) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
