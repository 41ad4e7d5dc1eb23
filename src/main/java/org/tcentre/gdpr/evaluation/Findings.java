package org.tcentre.gdpr.evaluation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import tools.jackson.databind.JsonNode;

/**
 * The one way rules report: {@code findings.report(drools, $fact, "field")}. It turns the rule's metadata,
 * the fact's place in the declaration and the declared value into a {@link Finding}, so every rule reports
 * in the same shape and no rule computes a pointer or copies its own metadata.
 *
 * <p>One instance per evaluation (it is a session global); not thread-safe, like the session itself.
 */
public final class Findings {

    /**
     * Where a fact sits in the declaration, and the activity it belongs to, if any. The pointer is {@code at}, or
     * {@code at + list + "/" + index} for an entry of a list; it is only put together for facts that are reported.
     */
    record Location(String at, String list, int index, String activityId, String activityName) {
        String pointer() {
            return index < 0 ? at : at + list + "/" + index;
        }
    }

    private final RuleSet ruleSet;
    private final JsonNode tree;
    // Sized for a declaration of a few dozen activities, so that locating ~200 facts does not grow the table.
    private final Map<Object, Location> locations = new IdentityHashMap<>(512);
    private final Map<String, Reported> reported = new LinkedHashMap<>();

    Findings(RuleSet ruleSet, JsonNode tree) {
        this.ruleSet = ruleSet;
        this.tree = tree;
    }

    void locate(Object fact, String pointer, String activityId, String activityName) {
        locate(fact, pointer, "", -1, activityId, activityName);
    }

    /** Locates an entry of a list: at {@code at + list + "/" + index}, e.g. "/activities/3" "/purposes" 0. */
    void locate(Object fact, String at, String list, int index, String activityId, String activityName) {
        locations.put(fact, new Location(at, list, index, activityId, activityName));
    }

    /**
     * Reports that the firing rule found something at {@code field} of {@code fact}.
     *
     * @param field a pointer relative to the fact, such as "legalBasis" or "consent/recorded"; "" for the fact itself
     */
    public Reported report(RuleContext drools, Object fact, String field) {
        RuleInfo rule = ruleSet.rule(drools.getRule().getName());
        Location location = locations.get(fact);
        if (rule == null || location == null) {
            throw new IllegalStateException("rule " + drools.getRule().getName() + " reported on "
                    + (location == null ? "a fact that is not part of the declaration" : "an unknown rule"));
        }
        String at = location.pointer();
        String pointer = field == null || field.isEmpty() ? at : at + "/" + field;
        // A rule matching the same field twice (e.g. through two joins) still yields one finding.
        return reported.computeIfAbsent(rule.id() + "\u0000" + pointer, key -> new Reported(rule, location, pointer));
    }

    /** The findings so far; {@link Evaluation} puts them in report order. */
    public List<Finding> list() {
        List<Finding> all = new ArrayList<>();
        reported.values().forEach(r -> all.add(r.toFinding()));
        return List.copyOf(all);
    }

    /** A finding being reported; a rule may add a specific explanation or a co-citation that depends on the facts. */
    public final class Reported {
        private final RuleInfo rule;
        private final Location location;
        private final String pointer;
        private final List<String> articles;
        private String explanation;

        private Reported(RuleInfo rule, Location location, String pointer) {
            this.rule = rule;
            this.location = location;
            this.pointer = pointer;
            this.articles = new ArrayList<>(rule.articles());
        }

        /** Explains this finding in the rule's own words, instead of the rule's generic explanation. */
        public Reported because(String explanation) {
            this.explanation = explanation;
            return this;
        }

        /** Also cites {@code article}, but only when {@code applies} (e.g. Art. 9(1) when consent is the Art. 9 condition). */
        public Reported alsoCiting(String article, boolean applies) {
            if (applies && !articles.contains(article)) {
                articles.add(article);
            }
            return this;
        }

        private Finding toFinding() {
            String evidence = Evidence.at(tree, pointer);
            String text = explanation != null ? explanation
                    : rule.explanation() != null ? fill(rule.explanation(), evidence)
                    : rule.title() + ".";
            return new Finding(rule.id(), rule.title(), rule.law(), articles, rule.practiceArea(), rule.severity(),
                    location.activityId(), pointer, evidence, text, rule.remediation(), rule.guidance());
        }

        private String fill(String template, String evidence) {
            String activity = location.activityName() != null ? location.activityName()
                    : location.activityId() != null ? location.activityId() : "the product";
            return template.replace("{activity}", activity).replace("{value}", evidence);
        }
    }
}
