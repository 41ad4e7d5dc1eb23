package org.tcentre.gdpr.rules;

import java.util.List;
import java.util.Map;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.declaration.PurposeKind;
import org.tcentre.gdpr.declaration.Retention;
import org.tcentre.gdpr.declaration.SubjectKind;

/**
 * A retention ceiling (Art. 5(1)(e)): the longest a kind of data, or data kept for a kind of purpose, or
 * about a kind of people, should be kept. An entry applies when all the kinds it names match; unnamed kinds
 * match anything. {@code memberStates} sets stricter (or looser) national ceilings.
 *
 * @param max  an ISO-8601 period, e.g. P30D
 * @param note what the period counts from or why, shown in findings (e.g. "after the last contact")
 */
public record RetentionCeiling(
        DataKind dataKind,
        PurposeKind purposeKind,
        SubjectKind subjectKind,
        String max,
        Map<String, String> memberStates,
        String note) {

    public RetentionCeiling {
        if (dataKind == null && purposeKind == null && subjectKind == null) {
            throw new IllegalArgumentException("a retention ceiling must name a dataKind, a purposeKind or a subjectKind");
        }
        checkPeriod(max, "max");
        memberStates = memberStates == null ? Map.of() : Map.copyOf(memberStates);
        memberStates.forEach((state, period) -> {
            Parameters.checkCountry(state);
            checkPeriod(period, "the ceiling for " + state);
        });
    }

    /** The ceiling in the strictest of these Member States, or the general one where none sets its own. */
    public String maxIn(List<String> states) {
        String strictest = max;
        for (String state : states) {
            String national = memberStates.get(state);
            if (national != null && Retention.days(national) < Retention.days(strictest)) {
                strictest = national;
            }
        }
        return strictest;
    }

    static void checkPeriod(String period, String what) {
        try {
            if (period == null || Retention.days(period) <= 0) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must be an ISO-8601 period such as P30D, P6M or P3Y (found " + period + ")");
        }
    }
}
