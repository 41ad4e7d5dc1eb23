package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * Direct marketing done by the activity.
 *
 * @param unconditionalOptOut people can object at any time, free of charge, with no conditions (Art. 21(2)–(3))
 * @param electronicChannels  e.g. "email", "sms", "push"; these fall under the ePrivacy Directive Art. 13
 * @param consentOrSoftOptIn  prior consent, or the soft opt-in for existing customers, is in place for them
 */
public record DirectMarketing(boolean used, boolean unconditionalOptOut, List<String> electronicChannels, boolean consentOrSoftOptIn) {
    static final DirectMarketing EMPTY = new DirectMarketing(false, false, null, false);

    public DirectMarketing {
        electronicChannels = Lists.of(electronicChannels);
    }
}
