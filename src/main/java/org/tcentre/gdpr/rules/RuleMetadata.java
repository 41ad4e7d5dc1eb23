package org.tcentre.gdpr.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks the metadata every rule must carry:
 * {@code @title @articles @practice @severity @remediation}, optionally {@code @explanation @guidance @law}.
 * Articles are separated by ";" and written as the catalogue writes them ("Art. 6(1)(f)", "Recital 43").
 */
final class RuleMetadata {

    static final List<String> REQUIRED = List.of("title", "articles", "practice", "severity", "remediation");
    private static final Pattern RULE_ID = Pattern.compile("^[A-Z]{2,5}-\\d{3}$");
    private static final Pattern CITATION = Pattern.compile("^(Art\\. \\d+.*|Recital \\d+|ePrivacy Directive Art\\. \\d+.*)$");

    private RuleMetadata() {
    }

    /** The rule's metadata, or {@code null} after adding what is wrong with it to {@code problems}. */
    static RuleInfo read(String id, Map<String, Object> meta, String file, Integer line, List<RuleSetProblem> problems) {
        int before = problems.size();
        if (!RULE_ID.matcher(id).matches()) {
            problems.add(new RuleSetProblem(file, line, null,
                    "the rule name '" + id + "' is not a rule id such as LAW-002 (letters, a dash, three digits)"));
        }
        for (String key : REQUIRED) {
            if (text(meta, key) == null) {
                problems.add(new RuleSetProblem(file, line, null, "rule " + id + " has no @" + key + "(\"...\")"));
            }
        }
        PracticeArea area = PracticeArea.parse(text(meta, "practice"));
        if (text(meta, "practice") != null && area == null) {
            problems.add(new RuleSetProblem(file, line, null,
                    "rule " + id + ": @practice(\"" + text(meta, "practice") + "\") is not one of P1..P6"));
        }
        Severity severity = Severity.parse(text(meta, "severity"));
        if (text(meta, "severity") != null && severity == null) {
            problems.add(new RuleSetProblem(file, line, null, "rule " + id + ": @severity(\"" + text(meta, "severity")
                    + "\") is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO"));
        }
        List<String> articles = text(meta, "articles") == null ? List.of()
                : Arrays.stream(text(meta, "articles").split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (String article : articles) {
            if (!CITATION.matcher(article).matches()) {
                problems.add(new RuleSetProblem(file, line, null, "rule " + id + ": '" + article
                        + "' is not an article citation such as \"Art. 6(1)(f)\" or \"Recital 43\""));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String law = text(meta, "law") == null ? "GDPR" : text(meta, "law");
        return new RuleInfo(id, text(meta, "title"), law, articles, area, severity, text(meta, "remediation"),
                text(meta, "explanation"), text(meta, "guidance"), file);
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        // Drools keeps the quotes of some metadata values; the rule author never means them.
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }
}
