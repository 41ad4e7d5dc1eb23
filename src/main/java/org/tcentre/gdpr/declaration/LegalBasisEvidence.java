package org.tcentre.gdpr.declaration;

/**
 * What backs the legal basis.
 *
 * @param legitimateInterestsAssessment reference to the documented balancing test (LIA) for Art. 6(1)(f)
 * @param law the Union or Member-State law relied on for Art. 6(1)(c) or (e) (Art. 6(3))
 * @param contract the contract the processing is necessary for, for Art. 6(1)(b)
 */
public record LegalBasisEvidence(String legitimateInterestsAssessment, String law, String contract) {
    static final LegalBasisEvidence EMPTY = new LegalBasisEvidence(null, null, null);
}
