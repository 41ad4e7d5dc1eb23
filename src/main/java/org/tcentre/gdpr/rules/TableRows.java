package org.tcentre.gdpr.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global ({@code tables}) that the rules generated from a decision table write into: every data row of a
 * table is one rule, and each of its cells one call {@code tables.cell(drools, "max", "P30D")}. The rules are
 * fired once, when the rule set is loaded; {@link DecisionTables} then validates the collected rows and turns
 * them into sections of {@link Parameters}.
 *
 * <p>Drools names each generated rule after its table and spreadsheet row ({@code "Retention ceilings_12"}), and
 * puts it in the package the table's {@code RuleSet} cell names, which is the section it defines: that is how a
 * value finds its way back to its row for an error message.
 */
public final class TableRows {

    /** section (the table's RuleSet) -> spreadsheet row -> column field -> cell text. */
    private final Map<String, Map<Integer, Map<String, String>>> rows = new LinkedHashMap<>();

    /** Called by a generated rule's consequence, once per non-empty cell of its row. */
    public void cell(RuleContext drools, String field, String value) {
        String section = drools.getRule().getPackageName();
        int row = rowOf(drools.getRule().getName());
        rows.computeIfAbsent(section, s -> new TreeMap<>())
                .computeIfAbsent(row, r -> new LinkedHashMap<>())
                .put(field, value);
    }

    /** The rows of a section in spreadsheet order: row number -> field -> text. */
    Map<Integer, Map<String, String>> of(String section) {
        return rows.getOrDefault(section, Map.of());
    }

    /** Drools names a table's rules "{table name}_{spreadsheet row}" (1-based, as the spreadsheet shows it). */
    static int rowOf(String ruleName) {
        int underscore = ruleName.lastIndexOf('_');
        try {
            return Integer.parseInt(ruleName.substring(underscore + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("not a rule generated from a decision-table row: " + ruleName, e);
        }
    }
}
