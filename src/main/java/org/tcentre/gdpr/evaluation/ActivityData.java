package org.tcentre.gdpr.evaluation;

import java.util.List;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.Purpose;

/** Fact: an activity uses a data category, justified by these of its purposes. Located at /activities/i/data/j. */
public record ActivityData(Activity activity, DataCategory category, List<Purpose> purposes) {
}
