package org.tcentre.gdpr.access;

/**
 * The three roles, each with the least it needs:
 * <ul>
 * <li>{@link #PRODUCT_TEAM}: submits declarations and reads its own team's evaluations and reports, nobody else's;</li>
 * <li>{@link #PRIVACY_OFFICER}: everything about rules (reads and reloads the rule set), reads every evaluation,
 *     the audit trail and the metrics;</li>
 * <li>{@link #REGULATOR}: reads evaluations, reports, the rule set and the audit trail; never submits or changes.</li>
 * </ul>
 */
public enum Role {
    PRODUCT_TEAM,
    PRIVACY_OFFICER,
    REGULATOR;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
