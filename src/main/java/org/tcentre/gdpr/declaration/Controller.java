package org.tcentre.gdpr.declaration;

/**
 * The controller (Art. 4(7)) and the facts about it that decide which obligations apply.
 *
 * @param establishedInEea         whether the controller has an establishment in the EU/EEA (Art. 3(1))
 * @param targetsEeaIndividuals    offers goods or services to, or monitors, people in the EU/EEA (Art. 3(2))
 * @param euRepresentative         the Art. 27 representative, if any
 * @param educationalInstitution   a school or university (Recital 43 imbalance of power)
 * @param clearPowerImbalance      any other clear imbalance of power over the data subjects
 * @param actsAsProcessor          the controller also processes personal data on behalf of others
 * @param processorContractsHaveArt28Terms those contracts contain the Art. 28(3) terms
 */
public record Controller(
        String name,
        Contact contact,
        String country,
        boolean establishedInEea,
        boolean targetsEeaIndividuals,
        Representative euRepresentative,
        boolean publicAuthority,
        boolean educationalInstitution,
        boolean clearPowerImbalance,
        boolean actsAsProcessor,
        boolean processorContractsHaveArt28Terms) {

    static final Controller EMPTY = new Controller(null, null, null, false, false, null, false, false, false, false, false);

    public Controller {
        contact = contact == null ? Contact.EMPTY : contact;
    }

    /** Whether a contact channel is declared at all. */
    public boolean hasContact() {
        return contact.isPresent();
    }
}
