package org.tcentre.gdpr.rules;

import java.util.List;

/** A rule set that cannot be used, with every problem found in it. */
public class RuleSetException extends Exception {

    private final List<RuleSetProblem> problems;

    public RuleSetException(List<RuleSetProblem> problems) {
        super(problems.size() + " problem(s) in the rule set, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public RuleSetException(RuleSetProblem problem) {
        this(List.of(problem));
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
