package org.tcentre.gdpr.rules;

/**
 * What makes a rule set reproducible: its declared name and version, and the SHA-256 over every file in
 * its directory (relative path and content, in path order), so two directories with the same content
 * have the same identity wherever they are.
 */
public record RuleSetIdentity(String name, String version, String sha256) {
}
