package org.tcentre.gdpr.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcentre.gdpr.declaration.DataKind;

/**
 * {@code ruleset.yaml}: the rule set's name and version, as privacy officers publish it, and how it may be applied.
 *
 * @param testDate the date the rule set's own test cases are evaluated on (so that date-based rules give the
 *                 same result whenever the tests run); a case may set its own {@code today}
 * @param disabled rules switched off unless a profile enables them
 * @param profiles named profiles, in file order (the order automatic selection tries them in)
 */
record RuleSetManifest(String name, String version, LocalDate testDate, List<String> disabled,
                       LinkedHashMap<String, Profile> profiles) {

    static final String FILE = "ruleset.yaml";

    /** A profile as written under {@code profiles:}; its name is the key. */
    record Profile(String description, List<DataKind> appliesTo, List<String> enable, List<String> disable,
                   Map<String, Severity> severity) {
    }

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
        disabled = disabled == null ? List.of() : List.copyOf(disabled);
        profiles = profiles == null ? new LinkedHashMap<>() : profiles;
        if (profiles.containsKey(RuleProfile.NONE)) {
            throw new IllegalArgumentException("a profile may not be called '" + RuleProfile.NONE
                    + "': that name asks for the rule set with no profile applied");
        }
        profiles.forEach((key, profile) -> {
            if (profile == null || profile.description() == null || profile.description().isBlank()) {
                throw new IllegalArgumentException("the profile '" + key + "' needs a description (what it is for)");
            }
        });
    }

    List<RuleProfile> ruleProfiles() {
        List<RuleProfile> list = new ArrayList<>();
        profiles.forEach((key, p) -> list.add(new RuleProfile(key, p.description(), p.appliesTo(), p.enable(),
                p.disable(), p.severity())));
        return list;
    }
}
