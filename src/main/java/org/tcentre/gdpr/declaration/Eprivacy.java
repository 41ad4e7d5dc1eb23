package org.tcentre.gdpr.declaration;

/**
 * Facts for the ePrivacy pack: storing or reading information on the user's device (Directive 2002/58/EC Art. 5(3)).
 *
 * @param nonEssentialTrackers non-essential cookies, SDKs or similar trackers are used
 * @param priorConsent         they are only set after the user consented
 */
public record Eprivacy(boolean nonEssentialTrackers, boolean priorConsent) {
    static final Eprivacy EMPTY = new Eprivacy(false, false);
}
