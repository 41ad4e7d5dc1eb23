package org.tcentre.gdpr.rules;

/**
 * What makes a rule set reproducible: its declared name and version, and the SHA-256 over every file in
 * its directory (relative path and content, in path order), so two directories with the same content
 * have the same identity wherever they are.
 *
 * @param profile the profile the rule set was applied through (defined in ruleset.yaml, so covered by the
 *                hash), or {@code null} when applied as its files define it
 */
public record RuleSetIdentity(String name, String version, String sha256, String profile) {

    public RuleSetIdentity(String name, String version, String sha256) {
        this(name, version, sha256, null);
    }
}
