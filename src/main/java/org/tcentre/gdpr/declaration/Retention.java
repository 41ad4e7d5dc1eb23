package org.tcentre.gdpr.declaration;

import java.time.Period;

/**
 * How long the activity keeps the data (Art. 30(1)(f)): an ISO-8601 {@code period} such as {@code P6M},
 * counted from the {@code trigger} event if one is given ("after the account is closed"), or a trigger alone.
 * {@code untilNoLongerNeeded} records the common non-answer, which the rules report.
 */
public record Retention(String period, String trigger, boolean untilNoLongerNeeded, String description) {

    static final Retention EMPTY = new Retention(null, null, false, null);

    /** Whether a concrete time limit or erasure event is stated. */
    public boolean hasLimit() {
        return (period != null && !period.isBlank()) || (trigger != null && !trigger.isBlank());
    }

    /** The period in days (years count 365, months 30), or -1 if no period is declared. */
    public long periodDays() {
        if (period == null || period.isBlank()) {
            return -1;
        }
        Period p = Period.parse(period);
        return p.getYears() * 365L + p.getMonths() * 30L + p.getDays();
    }
}
