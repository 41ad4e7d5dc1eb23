package org.tcentre.gdpr.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.tcentre.gdpr.declaration.Declaration;

/**
 * A compiled, validated rule set: immutable and shared by every evaluation that runs on it. Replacing the
 * rule set in service means building a new one, never changing this one.
 *
 * <p>A rule set is applied either as its files define it or through one of its {@link RuleProfile profiles}
 * ({@link #withProfile}); a profiled rule set is a view that shares the compiled rules and the session pool, and
 * differs only in which rules are in force and at which severity.
 */
public final class RuleSet {

    private final RuleSetIdentity identity;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byId;
    private final Set<String> inForce;
    private final boolean allInForce;
    private final Parameters parameters;
    private final KieBase kieBase;
    private final LocalDate testDate;
    private final KieSessionsPool sessions;
    private final List<String> disabled;
    private final Map<String, RuleProfile> profiles;
    private final RuleProfile profile;
    private final List<RuleInfo> asWritten;
    private final List<RuleInfo> allRules;
    private final RuleSet base;
    private final Map<String, RuleSet> views = new java.util.concurrent.ConcurrentHashMap<>();

    RuleSet(RuleSetIdentity identity, List<RuleInfo> rules, Parameters parameters, KieBase kieBase, LocalDate testDate,
            List<String> disabled, List<RuleProfile> profiles) {
        this(identity, rules, parameters, kieBase, testDate, kieBase.newKieSessionsPool(2), disabled,
                profiles.stream().collect(Collectors.toMap(RuleProfile::name, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new)), null, null);
    }

    /** @param allRules every rule as its file declares it, ordered by id */
    private RuleSet(RuleSetIdentity identity, List<RuleInfo> allRules, Parameters parameters, KieBase kieBase,
                    LocalDate testDate, KieSessionsPool sessions, List<String> disabled,
                    Map<String, RuleProfile> profiles, RuleProfile profile, RuleSet base) {
        this.identity = identity;
        this.parameters = parameters;
        this.kieBase = kieBase;
        this.testDate = testDate;
        this.sessions = sessions;
        this.disabled = List.copyOf(disabled);
        this.profiles = profiles;
        this.profile = profile;
        this.base = base;
        this.asWritten = List.copyOf(allRules);
        Set<String> off = new HashSet<>(disabled);
        List<RuleInfo> effective = new ArrayList<>(allRules.size());
        for (RuleInfo rule : allRules) {
            Severity severity = profile == null ? null : profile.severity().get(rule.id());
            effective.add(severity == null ? rule : new RuleInfo(rule.id(), rule.title(), rule.law(), rule.articles(),
                    rule.practiceArea(), severity, rule.remediation(), rule.explanation(), rule.guidance(), rule.file()));
        }
        if (profile != null) {
            off.removeAll(profile.enable());
            off.addAll(profile.disable());
        }
        this.allRules = List.copyOf(effective);
        this.byId = effective.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));
        this.rules = effective.stream().filter(r -> !off.contains(r.id())).toList();
        this.inForce = rules.stream().map(RuleInfo::id).collect(Collectors.toUnmodifiableSet());
        this.allInForce = rules.size() == effective.size();
    }

    /**
     * The rule set applied through the named profile; {@value RuleProfile#NONE} names the rule set as its files
     * define it.
     *
     * @throws IllegalArgumentException naming the profiles there are, when there is no such profile
     */
    public RuleSet withProfile(String name) {
        if (RuleProfile.NONE.equals(name)) {
            return profile == null ? this : base();
        }
        RuleProfile chosen = profiles.get(name);
        if (chosen == null) {
            throw new IllegalArgumentException("the rule set has no profile '" + name + "'; its profiles: "
                    + String.join(", ", profileNames()));
        }
        if (chosen.equals(profile)) {
            return this;
        }
        RuleSet root = base();
        // One view per profile, made once: evaluations select a profile for every declaration.
        return root.views.computeIfAbsent(name, key -> new RuleSet(
                new RuleSetIdentity(identity.name(), identity.version(), identity.sha256(), key),
                asWritten, parameters, kieBase, testDate, sessions, disabled, profiles, chosen, root));
    }

    /** The first profile (in ruleset.yaml order) whose {@code appliesTo} matches the declaration, or this rule set as is. */
    public RuleSet forDeclaration(Declaration declaration) {
        for (RuleProfile candidate : profiles.values()) {
            if (candidate.selects(declaration)) {
                return withProfile(candidate.name());
            }
        }
        return this;
    }

    /** The rule set as its files define it, that this one is a view of (or this one). */
    private RuleSet base() {
        return base == null ? this : base;
    }

    /** The profile applied, or {@code null} when the rule set is applied as its files define it. */
    public RuleProfile profile() {
        return profile;
    }

    /** Every profile ruleset.yaml defines, in file order. */
    public List<RuleProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    public List<String> profileNames() {
        List<String> names = new ArrayList<>();
        names.add(RuleProfile.NONE);
        names.addAll(profiles.keySet());
        return names;
    }

    /** Rules switched off for the whole rule set unless a profile enables them ({@code disabled} in ruleset.yaml). */
    public List<String> disabled() {
        return disabled;
    }

    /** The date the rule set's own test cases are evaluated on ({@code testDate} in ruleset.yaml). */
    public LocalDate testDate() {
        return testDate;
    }

    public RuleSetIdentity identity() {
        return identity;
    }

    /** Every rule in force, ordered by id, at the severity this rule set (and its profile, if any) gives it. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** Every rule of the set, in force or not, ordered by id, at its effective severity. */
    public List<RuleInfo> allRules() {
        return allRules;
    }

    /** Any rule of the set by id, in force or not, at its effective severity; {@code null} if there is none. */
    public RuleInfo rule(String id) {
        return byId.get(id);
    }

    /** Whether the rule runs in an ordinary evaluation under this rule set (and profile). */
    public boolean inForce(String id) {
        return inForce.contains(id);
    }

    /** Whether every rule is in force, so an evaluation need not filter the agenda. */
    public boolean allInForce() {
        return allInForce;
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
