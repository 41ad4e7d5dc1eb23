package org.tcentre.gdpr.rules;

/** {@code ruleset.yaml}: the rule set's name and version, as privacy officers publish it. */
record RuleSetManifest(String name, String version) {

    static final String FILE = "ruleset.yaml";

    RuleSetManifest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the key 'name' is missing");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the key 'version' is missing");
        }
    }
}
