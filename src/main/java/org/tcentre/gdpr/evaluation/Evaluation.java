package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.rules.Severity;
import java.time.Instant;
import java.util.List;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSetIdentity;

/**
 * The result of checking one declaration against one rule set: immutable, and enough to reproduce.
 *
 * @param rulesEvaluated every rule that ran, whether or not it fired
 * @param findings       in {@link Finding#REPORT_ORDER}
 */
public record Evaluation(
        DeclarationDocument declaration,
        RuleSetIdentity ruleSet,
        List<RuleInfo> rulesEvaluated,
        List<Finding> findings,
        Instant evaluatedAt) {

    public Evaluation {
        rulesEvaluated = List.copyOf(rulesEvaluated);
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
    }

    public Verdict verdict() {
        return Verdict.of(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether any finding is at or above the threshold: the CLI's exit code 1. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
