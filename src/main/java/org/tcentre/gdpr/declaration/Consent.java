package org.tcentre.gdpr.declaration;

/**
 * How consent is collected and managed, for activities relying on consent (Arts 4(11), 7, 8, 9(2)(a)).
 *
 * @param recorded               the controller keeps a record of who consented, when and to what (Art. 7(1))
 * @param withdrawal             how withdrawing compares with giving consent (Art. 7(3))
 * @param conditionOfService     the service is refused to people who do not consent
 * @param bundledWithTerms       consent is part of accepting the terms and conditions
 * @param preTicked              a pre-ticked box, silence or inactivity counts as consent
 * @param explicit               an express statement of consent (needed for Art. 9(2)(a) and 22(2)(c))
 * @param parentalAuthorisation  consent is given or authorised by the holder of parental responsibility
 * @param ageVerification        reasonable efforts verify the age of the user (Art. 8(2))
 */
public record Consent(
        boolean recorded,
        Withdrawal withdrawal,
        boolean conditionOfService,
        boolean bundledWithTerms,
        boolean preTicked,
        boolean explicit,
        boolean parentalAuthorisation,
        boolean ageVerification) {

    static final Consent EMPTY = new Consent(false, null, false, false, false, false, false, false);

    public Consent {
        withdrawal = withdrawal == null ? Withdrawal.NOT_DECLARED : withdrawal;
    }

    /** Withdrawing consent is not possible, not declared, or harder than giving it. */
    public boolean withdrawalDeficient() {
        return withdrawal != Withdrawal.AS_EASY_AS_GIVING;
    }
}
