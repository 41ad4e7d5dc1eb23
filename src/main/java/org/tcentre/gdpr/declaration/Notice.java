package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * The privacy notice given to data subjects (Arts 12–14).
 *
 * @param reference          where the notice is (URL or document id)
 * @param covers             the Art. 13/14 topics it covers
 * @param art14Exemption     an Art. 14(5) exemption claimed for data not obtained from the data subject
 * @param contactDetailsHeld the controller holds postal, e-mail or phone contact details of the people concerned
 */
public record Notice(String reference, List<NoticeTopic> covers, Art14Exemption art14Exemption, boolean contactDetailsHeld) {

    static final Notice EMPTY = new Notice(null, null, null, false);

    public Notice {
        covers = Lists.of(covers);
        art14Exemption = art14Exemption == null ? Art14Exemption.NONE : art14Exemption;
    }

    public boolean referenced() {
        return reference != null && !reference.isBlank();
    }
}
