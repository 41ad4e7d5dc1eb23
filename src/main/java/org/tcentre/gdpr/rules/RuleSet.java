package org.tcentre.gdpr.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, validated rule set: immutable and shared by every evaluation that runs on it. Replacing the
 * rule set in service means building a new one, never changing this one.
 */
public final class RuleSet {

    private final RuleSetIdentity identity;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byId;
    private final Parameters parameters;
    private final KieBase kieBase;
    private final LocalDate testDate;
    private final KieSessionsPool sessions;

    RuleSet(RuleSetIdentity identity, List<RuleInfo> rules, Parameters parameters, KieBase kieBase, LocalDate testDate) {
        this.identity = identity;
        this.rules = List.copyOf(rules);
        this.byId = this.rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));
        this.parameters = parameters;
        this.kieBase = kieBase;
        this.testDate = testDate;
        this.sessions = kieBase.newKieSessionsPool(2);
    }

    /** The date the rule set's own test cases are evaluated on ({@code testDate} in ruleset.yaml). */
    public LocalDate testDate() {
        return testDate;
    }

    public RuleSetIdentity identity() {
        return identity;
    }

    /** Every rule, ordered by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public RuleInfo rule(String id) {
        return byId.get(id);
    }

    public Parameters parameters() {
        return parameters;
    }

    /**
     * A working session from the rule set's pool; the caller disposes it, which resets it and returns it to the
     * pool. Reusing sessions saves rebuilding the engine's working memory for every evaluation.
     */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
