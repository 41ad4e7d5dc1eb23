package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * The data protection officer (Arts 37–39).
 *
 * @param contactPublished whether the DPO's contact details are published (Art. 37(7))
 * @param otherRoles       other positions the DPO holds, e.g. "CISO" or "Head of HR" (Art. 38(6))
 */
public record Dpo(boolean designated, Contact contact, boolean contactPublished, List<String> otherRoles) {

    static final Dpo EMPTY = new Dpo(false, null, false, null);

    public Dpo {
        contact = contact == null ? Contact.EMPTY : contact;
        otherRoles = Lists.of(otherRoles);
    }
}
