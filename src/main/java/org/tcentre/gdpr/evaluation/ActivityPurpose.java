package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Purpose;

/** Fact: a purpose of an activity. Located at /activities/i/purposes/k. */
public record ActivityPurpose(Activity activity, Purpose purpose) {
}
