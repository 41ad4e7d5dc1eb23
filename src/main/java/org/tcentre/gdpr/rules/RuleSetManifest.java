package org.tcentre.gdpr.rules;

import java.time.LocalDate;

/**
 * {@code ruleset.yaml}: the rule set's name and version, as privacy officers publish it.
 *
 * @param testDate the date the rule set's own test cases are evaluated on (so that date-based rules give the
 *                 same result whenever the tests run); a case may set its own {@code today}
 */
record RuleSetManifest(String name, String version, LocalDate testDate) {

    static final String FILE = "ruleset.yaml";

    RuleSetManifest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the key 'name' is missing");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the key 'version' is missing");
        }
        if (testDate == null) {
            throw new IllegalArgumentException("the key 'testDate' is missing (the date rule test cases are evaluated on)");
        }
    }
}
