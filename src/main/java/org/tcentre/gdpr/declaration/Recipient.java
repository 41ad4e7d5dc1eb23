package org.tcentre.gdpr.declaration;

import java.util.List;

/**
 * Someone personal data is disclosed to, declared once and referenced by id from activities.
 *
 * @param country                 where the recipient processes the data (ISO 3166-1 alpha-2)
 * @param art28Contract           a processor contract with the Art. 28(3) terms is in place
 * @param usesSubProcessors       the processor engages sub-processors
 * @param subProcessingAuthorised the controller authorised them in writing (Art. 28(2))
 * @param dpfCertified            certified under the EU-US Data Privacy Framework
 * @param remoteAccessFrom        countries from which the recipient's staff can access the data remotely
 * @param jointArrangement        an Art. 26 arrangement allocates the joint controllers' responsibilities
 */
public record Recipient(
        String id,
        String name,
        RecipientRole role,
        String country,
        boolean art28Contract,
        boolean usesSubProcessors,
        boolean subProcessingAuthorised,
        boolean dpfCertified,
        List<String> remoteAccessFrom,
        boolean jointArrangement) {

    public Recipient {
        remoteAccessFrom = Lists.of(remoteAccessFrom);
    }

    /**
     * Identity, not value: this is a fact the rule engine joins on ({@code activity == $activity}), and a
     * value-based hash would walk the whole record on every join. Ids are unique within a declaration, so two
     * equal-looking entries are never the same declared entry anyway.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
