package org.tcentre.gdpr.declaration;

/**
 * A transfer of personal data to a third country or international organisation.
 *
 * @param recipient   id of the recipient, if the transfer goes to a declared one
 * @param country     the destination (ISO 3166-1 alpha-2)
 * @param derogation  for {@link TransferMechanism#DEROGATION}: which Art. 49(1) point, e.g. "explicit-consent"
 * @param systematic  the transfer is systematic or repeated rather than occasional
 * @param transferImpactAssessment reference to the documented transfer impact assessment
 */
public record Transfer(
        String recipient,
        String country,
        TransferMechanism mechanism,
        String derogation,
        boolean systematic,
        String transferImpactAssessment) {
}
