package org.tcentre.gdpr.declaration;

import java.time.LocalDate;
import java.util.List;

/**
 * Product-wide technical and organisational security measures (Art. 32).
 *
 * @param description           the general description required by Art. 30(1)(g)
 * @param encryptionAtRest      the default for data stores and categories that do not say otherwise
 * @param stores                data stores, each with the categories it holds and its own encryption at rest
 * @param roleBasedAccess       role-based access control enforcing least privilege
 * @param adminMfa              multi-factor authentication for administrative access to personal data
 * @param lastSecurityTest      date of the last penetration test or equivalent
 * @param restoreTested         restoring from backup has been tested
 * @param sbom                  third-party components are inventoried in a software bill of materials
 * @param componentsVetted      third-party components are vetted before use
 */
public record Security(
        String description,
        boolean encryptionInTransit,
        boolean encryptionAtRest,
        List<DataStore> stores,
        boolean roleBasedAccess,
        boolean adminMfa,
        CredentialHashing credentialHashing,
        boolean pseudonymisation,
        LocalDate lastSecurityTest,
        boolean backups,
        boolean restoreTested,
        AccessLogging accessLogging,
        boolean sbom,
        boolean componentsVetted) {

    static final Security EMPTY = new Security(null, false, false, null, false, false, null, false, null, false, false, null, false, false);

    public Security {
        stores = Lists.of(stores);
        credentialHashing = credentialHashing == null ? CredentialHashing.NOT_DECLARED : credentialHashing;
        accessLogging = accessLogging == null ? AccessLogging.EMPTY : accessLogging;
    }

    /** Whether a data category is encrypted at rest: its own setting, else its stores', else the default. */
    public boolean encryptedAtRest(DataCategory category) {
        if (category.encryptedAtRest() != null) {
            return category.encryptedAtRest();
        }
        List<DataStore> holding = stores.stream().filter(s -> s.categories().contains(category.id())).toList();
        if (!holding.isEmpty()) {
            return holding.stream().allMatch(DataStore::encryptedAtRest);
        }
        return encryptionAtRest;
    }

    /** A data store and the categories it holds. */
    public record DataStore(String id, String name, List<String> categories, boolean encryptedAtRest) {
        public DataStore {
            categories = Lists.of(categories);
        }
    }

    /**
     * Logging of access to personal data.
     *
     * @param specialCategoryAccessLogged access to special-category data is logged
     * @param lastLogReview               when the access logs were last reviewed
     * @param lastAccessRecertification   when access rights were last recertified
     */
    public record AccessLogging(boolean specialCategoryAccessLogged, LocalDate lastLogReview, LocalDate lastAccessRecertification) {
        static final AccessLogging EMPTY = new AccessLogging(false, null, null);
    }
}
