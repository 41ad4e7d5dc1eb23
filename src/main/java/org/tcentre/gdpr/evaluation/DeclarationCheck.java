package org.tcentre.gdpr.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;

/**
 * The use case in the middle of the product: check a validated declaration against a rule set. The CLI,
 * the API and batch re-evaluation all call this; none re-implements a piece of it.
 */
public final class DeclarationCheck {

    private final Clock clock;

    public DeclarationCheck(Clock clock) {
        this.clock = clock;
    }

    public Evaluation check(DeclarationDocument declaration, RuleSet ruleSet) {
        return run(declaration, ruleSet, null);
    }

    /** Runs only the named rules: how a rule's own test cases isolate it from the rest of the set. */
    public Evaluation checkOnly(DeclarationDocument declaration, RuleSet ruleSet, Set<String> ruleIds) {
        return run(declaration, ruleSet, Set.copyOf(ruleIds));
    }

    private Evaluation run(DeclarationDocument declaration, RuleSet ruleSet, Set<String> only) {
        var findings = new Findings(ruleSet, declaration.tree());
        Instant now = clock.instant();
        KieSession session = ruleSet.newSession();
        try {
            session.setGlobal("findings", findings);
            session.setGlobal("params", ruleSet.parameters());
            // Date-based rules (test ages, review periods) judge against the evaluation's own date, in UTC.
            session.setGlobal("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
            DeclarationFacts.insert(declaration.model(), session, findings);
            if (only == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(match -> only.contains(match.getRule().getName()));
            }
        } finally {
            session.dispose();
        }
        List<RuleInfo> evaluated = only == null ? ruleSet.rules()
                : ruleSet.rules().stream().filter(r -> only.contains(r.id())).toList();
        return new Evaluation(declaration, ruleSet.identity(), evaluated, findings.list(), now);
    }
}
