package org.tcentre.gdpr.declaration;

import java.time.Period;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The period in days, or -1 if no period is declared. See {@link #days(String)}. */
    public long periodDays() {
        return period == null || period.isBlank() ? -1 : days(period);
    }

    /**
     * An ISO-8601 period in days, counting a year as 365.25 days and a month as a twelfth of that, so that
     * P1Y, P12M and P365D compare as equal and a period exactly at a ceiling is never "over" it.
     */
    public static long days(String isoPeriod) {
        Long known = DAYS.get(isoPeriod);
        if (known != null) {
            return known;
        }
        Period p = Period.parse(isoPeriod);
        long days = Math.round(p.getYears() * 365.25 + p.getMonths() * (365.25 / 12) + p.getDays());
        if (DAYS.size() < 4096) {
            DAYS.put(isoPeriod, days);
        }
        return days;
    }

    /** Rules ask for the same few periods over and over; parsing each once is enough (bounded: periods are input). */
    private static final Map<String, Long> DAYS = new ConcurrentHashMap<>();
}
