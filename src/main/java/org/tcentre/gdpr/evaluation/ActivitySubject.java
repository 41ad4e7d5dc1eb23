package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataSubjectCategory;

/** Fact: an activity concerns a category of data subjects. Located at /activities/i/dataSubjects/j. */
public record ActivitySubject(Activity activity, DataSubjectCategory subject) {
}
