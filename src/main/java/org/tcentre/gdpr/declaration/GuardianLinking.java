package org.tcentre.gdpr.declaration;

/** Parent or guardian accounts linked to a child's account, and whether the link is verified. */
public record GuardianLinking(boolean linked, boolean guardianVerified) {
    static final GuardianLinking EMPTY = new GuardianLinking(false, false);
}
