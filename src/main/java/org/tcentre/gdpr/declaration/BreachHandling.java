package org.tcentre.gdpr.declaration;

/**
 * Personal-data breach handling (Arts 33–34).
 *
 * @param authorityNotification72h a procedure notifies the supervisory authority within 72 hours
 * @param register                 breaches are documented in a register (Art. 33(5))
 * @param dataSubjectCommunication a procedure informs data subjects of high-risk breaches (Art. 34)
 */
public record BreachHandling(boolean authorityNotification72h, boolean register, boolean dataSubjectCommunication) {
    static final BreachHandling EMPTY = new BreachHandling(false, false, false);
}
