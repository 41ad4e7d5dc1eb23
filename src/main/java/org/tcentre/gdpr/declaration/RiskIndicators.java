package org.tcentre.gdpr.declaration;

/**
 * The high-risk indicators of WP248 rev.01 (endorsed by the EDPB) that a team declares for an activity.
 * Sensitive data, vulnerable data subjects and automated decisions are derived from the rest of the
 * declaration, not declared here.
 */
public record RiskIndicators(
        boolean largeScale,
        boolean systematicMonitoring,
        boolean publiclyAccessibleArea,
        boolean innovativeTechnology,
        boolean datasetMatching,
        boolean evaluationOrScoring,
        boolean preventsExerciseOfRight) {

    static final RiskIndicators EMPTY = new RiskIndicators(false, false, false, false, false, false, false);
}
