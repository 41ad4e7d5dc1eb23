package org.tcentre.gdpr.system;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tcentre.gdpr.rules.RuleSetException;

/** A rule set that does not load stops the service with its problems listed (file and line), not a stack trace. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        String problems = cause.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
        return new FailureAnalysis("The rule set cannot be used (" + cause.problems().size() + " problem"
                + (cause.problems().size() == 1 ? "" : "s") + "):\n" + problems,
                "Fix the rule set (check it with: gdpr-checker rules check --rules DIR), or point --rules at another one.",
                cause);
    }
}
