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
import org.tcentre.gdpr.rules.RuleProfile;
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

    /**
     * Checks the declaration under the first profile of the rule set that selects itself for it ({@code appliesTo}
     * in ruleset.yaml), or under the rule set as its files define it when none does.
     */
    public Evaluation check(DeclarationDocument declaration, RuleSet ruleSet) {
        return check(declaration, ruleSet, null);
    }

    /**
     * Checks the declaration under the named profile ({@value RuleProfile#NONE} for none), or as
     * {@link #check(DeclarationDocument, RuleSet)} does when {@code profile} is {@code null}.
     *
     * @throws IllegalArgumentException when the rule set has no such profile
     */
    public Evaluation check(DeclarationDocument declaration, RuleSet ruleSet, String profile) {
        RuleSet applied = profile != null ? ruleSet.withProfile(profile) : ruleSet.forDeclaration(declaration.model());
        return run(declaration, applied, null);
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
            if (only == null && ruleSet.allInForce()) {
                session.fireAllRules();
            } else if (only == null) {
                session.fireAllRules(match -> ruleSet.inForce(match.getRule().getName()));
            } else {
                session.fireAllRules(match -> only.contains(match.getRule().getName()));
            }
        } finally {
            session.dispose();
        }
        List<RuleInfo> evaluated = only == null ? ruleSet.rules()
                : only.stream().map(ruleSet::rule).filter(java.util.Objects::nonNull)
                        .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        return new Evaluation(declaration, ruleSet.identity(), evaluated, findings.list(), now);
    }
}
