package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Recipient;

/** Fact: an activity discloses data to a recipient. Located at /activities/i/recipients/j. */
public record ActivityRecipient(Activity activity, Recipient recipient) {

    /** Whether the activity declares a transfer to this recipient. */
    public boolean transferDeclared() {
        return activity.transfers().stream().anyMatch(t -> recipient.id().equals(t.recipient()));
    }
}
