package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Recipient;
import org.tcentre.gdpr.declaration.Transfer;
import org.tcentre.gdpr.declaration.TransferMechanism;

/**
 * Fact: an activity transfers data to a country, to a declared recipient or {@code recipient == null}.
 * Located at /activities/i/transfers/k.
 */
public record ActivityTransfer(Activity activity, Transfer transfer, Recipient recipient) {

    public String country() {
        return transfer.country();
    }

    public TransferMechanism mechanism() {
        return transfer.mechanism() == null ? TransferMechanism.NONE : transfer.mechanism();
    }

    /** The recipient is certified under the EU-US Data Privacy Framework. */
    public boolean dpfCertified() {
        return recipient != null && recipient.dpfCertified();
    }
}
