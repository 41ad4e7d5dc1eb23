package org.tcentre.gdpr.system;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tcentre.gdpr.rules.RuleSetException;

/** A rule set that does not load stops the service with its problems listed (file and line), not a stack trace. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        return new FailureAnalysis(cannotBeUsed("The rule set", cause.problems()),
                "Fix the rule set (check it with: gdpr-checker rules check --rules DIR), or point --rules at another one.",
                cause);
    }

    /** "WHAT cannot be used (N problems):" and the problems, one to a line: the description of a start-up failure. */
    static String cannotBeUsed(String what, List<?> problems) {
        return what + " cannot be used (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
