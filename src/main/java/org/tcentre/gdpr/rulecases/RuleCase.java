package org.tcentre.gdpr.rulecases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One test case a privacy officer writes in a rule's {@code cases.yaml}: a declaration (inline, or a named
 * base from {@code test-bases/} patched with {@code set} and {@code remove}) and exactly the findings the
 * rule must report on it. {@code expect: []} says the rule must report nothing.
 *
 * @param file   the cases file, relative to the rule-set directory
 * @param ruleIds the rules declared beside the cases file: the only ones the case runs
 * @param today   the evaluation date for this case, or {@code null} for the rule set's testDate
 * @param profile the ruleset.yaml profile the case is evaluated under (its severities; rules it switches off report
 *                nothing), or {@code null} for the rule set as its files define it
 */
public record RuleCase(
        String file,
        int index,
        String name,
        List<String> ruleIds,
        String base,
        JsonNode declaration,
        Map<String, JsonNode> set,
        List<String> remove,
        LocalDate today,
        String profile,
        List<ExpectedFinding> expect) {

    /** A finding the case expects: rule, pointer, severity and activity exactly; articles when given. */
    public record ExpectedFinding(String rule, String activity, String pointer, String severity, List<String> articles) {
    }
}
