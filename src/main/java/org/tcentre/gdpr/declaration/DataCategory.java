package org.tcentre.gdpr.declaration;

/**
 * A category of personal data, declared once and referenced by id from activities.
 *
 * @param kind             what kind of data it is; decides Art. 9 / Art. 10 status and retention ceilings
 * @param directIdentifier set when the kind alone does not say the data identifies someone directly
 * @param anonymised       the team labels this data anonymous or anonymised
 * @param proxyFor         a protected characteristic this data stands in for (e.g. "nationality" for a
 *                         passport-issuing country), as used in profiling
 * @param encryptedAtRest  overrides the product-wide {@link Security#encryptionAtRest()} for this category
 */
public record DataCategory(
        String id,
        String name,
        DataKind kind,
        boolean directIdentifier,
        boolean anonymised,
        String proxyFor,
        Boolean encryptedAtRest) {

    public boolean special() {
        return kind != null && kind.special();
    }

    public boolean criminal() {
        return kind != null && kind.criminal();
    }

    public boolean biometric() {
        return kind == DataKind.BIOMETRIC;
    }

    /** Identifies a person directly, by its kind or as declared. */
    public boolean identifiesDirectly() {
        return directIdentifier || (kind != null && kind.directIdentifier());
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
