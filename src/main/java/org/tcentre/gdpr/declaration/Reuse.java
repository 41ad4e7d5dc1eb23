package org.tcentre.gdpr.declaration;

/**
 * Data reused from another activity (Art. 6(4)).
 *
 * @param fromActivity            id of the activity the data was first collected for
 * @param compatibilityAssessment reference to the documented compatibility assessment
 */
public record Reuse(String fromActivity, String compatibilityAssessment) {
    static final Reuse EMPTY = new Reuse(null, null);
}
