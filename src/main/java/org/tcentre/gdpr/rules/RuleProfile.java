package org.tcentre.gdpr.rules;

import java.util.List;
import java.util.Map;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.Declaration;

/**
 * A named way of applying the rule set, defined in {@code ruleset.yaml} under {@code profiles}: which rules are
 * switched on or off and which severities change, without editing any rule file. A stricter profile for products
 * handling health data, say, raises the severity of security findings.
 *
 * @param appliesTo the data kinds that select this profile automatically for a declaration processing any of
 *                  them (empty: only chosen by name); the first matching profile in file order wins
 * @param enable    rules switched off for the whole rule set ({@code disabled} in ruleset.yaml) that this profile
 *                  switches back on
 * @param disable   rules this profile switches off
 * @param severity  severities this profile sets, by rule id
 */
public record RuleProfile(
        String name,
        String description,
        List<DataKind> appliesTo,
        List<String> enable,
        List<String> disable,
        Map<String, Severity> severity) {

    /** The name that asks for the rule set as its files define it, with no profile applied. */
    public static final String NONE = "default";

    public RuleProfile {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        enable = enable == null ? List.of() : List.copyOf(enable);
        disable = disable == null ? List.of() : List.copyOf(disable);
        severity = severity == null ? Map.of() : Map.copyOf(severity);
    }

    /** Whether the declaration processes any data kind this profile applies to. */
    boolean selects(Declaration declaration) {
        if (appliesTo.isEmpty()) {
            return false;
        }
        for (DataCategory category : declaration.dataCategories()) {
            if (appliesTo.contains(category.kind())) {
                return true;
            }
        }
        return false;
    }
}
