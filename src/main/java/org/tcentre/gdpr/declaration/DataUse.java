package org.tcentre.gdpr.declaration;

import java.util.List;

/** A data category used by an activity, and the ids of the activity's purposes that justify it. */
public record DataUse(String category, List<String> purposes) {
    public DataUse {
        purposes = Lists.of(purposes);
    }
}
