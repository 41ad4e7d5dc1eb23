package org.tcentre.gdpr.declaration;

import java.time.LocalDate;
import java.util.List;

/**
 * One processing activity: a row of the Art. 30 record, with the facts the checks need.
 *
 * @param data        the data categories used, each with the purposes that justify it
 * @param dataSubjects ids of the data-subject categories concerned
 * @param recipients  ids of recipients; {@code null} means "not stated", an empty list means "none"
 * @param core        the activity is one of the controller's core activities (Art. 37(1)(b)–(c))
 * @param lastChanged when the activity last changed materially (for DPIA review)
 * @param publicByDefault a default setting makes the data visible to an indefinite number of people
 * @param pseudonymised direct identifiers are replaced by pseudonyms before processing
 */
public record Activity(
        String id,
        String name,
        String description,
        List<Purpose> purposes,
        LegalBasis legalBasis,
        LegalBasisEvidence legalBasisEvidence,
        Art9Condition art9Condition,
        String art9Law,
        String criminalDataAuthority,
        List<DataUse> data,
        List<String> dataSubjects,
        DataSource source,
        List<String> recipients,
        List<Transfer> transfers,
        Retention retention,
        Consent consent,
        AutomatedDecision automatedDecision,
        RiskIndicators risk,
        Dpia dpia,
        Notice notice,
        Reuse reuse,
        List<Sensor> sensors,
        boolean core,
        LocalDate lastChanged,
        boolean publicByDefault,
        boolean pseudonymised,
        boolean publicSpaceBeyondPremises,
        GuardianLinking guardianLinking,
        DirectMarketing directMarketing) {

    public Activity {
        purposes = Lists.of(purposes);
        legalBasisEvidence = legalBasisEvidence == null ? LegalBasisEvidence.EMPTY : legalBasisEvidence;
        data = Lists.of(data);
        dataSubjects = Lists.of(dataSubjects);
        recipients = recipients == null ? null : List.copyOf(recipients);
        transfers = Lists.of(transfers);
        retention = retention == null ? Retention.EMPTY : retention;
        consent = consent == null ? Consent.EMPTY : consent;
        automatedDecision = automatedDecision == null ? AutomatedDecision.EMPTY : automatedDecision;
        risk = risk == null ? RiskIndicators.EMPTY : risk;
        dpia = dpia == null ? Dpia.EMPTY : dpia;
        notice = notice == null ? Notice.EMPTY : notice;
        reuse = reuse == null ? Reuse.EMPTY : reuse;
        sensors = Lists.of(sensors);
        guardianLinking = guardianLinking == null ? GuardianLinking.EMPTY : guardianLinking;
        directMarketing = directMarketing == null ? DirectMarketing.EMPTY : directMarketing;
    }

    public boolean hasPurposeOfKind(PurposeKind kind) {
        for (Purpose purpose : purposes) {
            if (purpose.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    public boolean reliesOn(LegalBasis basis) {
        return legalBasis == basis;
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
