package org.tcentre.gdpr.declaration;

/**
 * A category of data subjects, declared once and referenced by id from activities.
 *
 * @param minimumAge the youngest age of people in this category, if the product can reach minors
 * @param vulnerable other vulnerable people (patients, the elderly, asylum seekers...) in WP248's sense
 */
public record DataSubjectCategory(String id, String name, SubjectKind kind, Integer minimumAge, boolean vulnerable) {

    public boolean children() {
        return kind == SubjectKind.CHILDREN || (minimumAge != null && minimumAge < 18);
    }

    public boolean employees() {
        return kind == SubjectKind.EMPLOYEES || kind == SubjectKind.JOB_APPLICANTS;
    }

    /** Vulnerable in the sense of the EDPB's DPIA criteria: children, employees, or declared vulnerable. */
    public boolean vulnerableForDpia() {
        return vulnerable || children() || employees() || kind == SubjectKind.PATIENTS;
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
