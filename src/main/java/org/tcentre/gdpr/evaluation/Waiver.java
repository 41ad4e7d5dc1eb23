package org.tcentre.gdpr.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An accepted risk: the privacy office has decided that one rule's findings about one product (and, optionally,
 * one of its activities) may stand until a date, for a stated reason. A waived finding is still reported, in
 * its own bucket, with this waiver beside it; it no longer counts towards the verdict or the CLI's exit code.
 *
 * @param id            stable identifier, printed in every report that shows the waiver
 * @param productId     the declaration's {@code product.id} the waiver is for
 * @param ruleId        the rule whose findings it waives, e.g. {@code DPIA-001}
 * @param activityId    the activity whose findings it waives; {@code null} for every activity and the product-wide ones
 * @param justification why the risk is accepted
 * @param approver      who accepted it (a person or body, e.g. "J. Novak, DPO")
 * @param expires       the last day it applies, inclusive: on the next day (UTC) it no longer does
 * @param createdBy     who recorded it; {@code null} where unknown (a waiver file)
 * @param createdAt     when it was recorded; {@code null} where unknown
 */
public record Waiver(
        String id,
        String productId,
        String ruleId,
        String activityId,
        String justification,
        String approver,
        LocalDate expires,
        String createdBy,
        Instant createdAt) {

    /** The rule ids a rule set may define (as {@code rules.RuleMetadata} requires). */
    public static final Pattern RULE_ID = Pattern.compile("^[A-Z]{2,5}-\\d{3}$");
    public static final int MAX_ID = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_JUSTIFICATION = 4000;

    /** One thing wrong with a waiver: the field (as a JSON property name) and what is wrong with it. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** @throws IllegalArgumentException listing every problem, when {@link #problems} finds any */
    public Waiver {
        List<Problem> problems = problems(id, productId, ruleId, activityId, justification, approver, expires);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid waiver: " + problems);
        }
    }

    /** A waiver as recorded by hand (a waiver file): nobody and no time recorded. */
    public Waiver(String id, String productId, String ruleId, String activityId, String justification, String approver,
                  LocalDate expires) {
        this(id, productId, ruleId, activityId, justification, approver, expires, null, null);
    }

    /**
     * Everything wrong with these values, field by field, in the order of the record: blank texts, a rule id
     * that is no rule id, a missing expiry date. Empty when they make a valid waiver.
     */
    public static List<Problem> problems(String id, String productId, String ruleId, String activityId,
                                         String justification, String approver, LocalDate expires) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "id", id, MAX_ID);
        text(problems, "productId", productId, MAX_NAME);
        if (ruleId == null || ruleId.isBlank()) {
            problems.add(new Problem("ruleId", "is required"));
        } else if (!RULE_ID.matcher(ruleId).matches()) {
            problems.add(new Problem("ruleId", "'" + ruleId + "' is not a rule id such as DPIA-001 (2 to 5 capital "
                    + "letters, a dash, three digits)"));
        }
        if (activityId != null) {
            if (activityId.isBlank()) {
                problems.add(new Problem("activityId", "must not be blank; leave it out to waive the rule for every activity"));
            } else if (activityId.length() > MAX_NAME) {
                problems.add(new Problem("activityId", "is longer than " + MAX_NAME + " characters"));
            }
        }
        text(problems, "justification", justification, MAX_JUSTIFICATION);
        text(problems, "approver", approver, MAX_NAME);
        if (expires == null) {
            problems.add(new Problem("expires", "is required: the last day the waiver applies (YYYY-MM-DD)"));
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required and must not be blank"));
        } else if (value.length() > max) {
            problems.add(new Problem(field, "is longer than " + max + " characters"));
        }
    }

    /** Whether the waiver still applies on {@code date}: up to and including its expiry date. */
    public boolean activeOn(LocalDate date) {
        return !expires.isBefore(date);
    }

    /** Whether the waiver names this finding of this product, whatever its expiry. */
    public boolean matches(String declaredProductId, Finding finding) {
        return productId.equals(declaredProductId) && ruleId.equals(finding.ruleId())
                && (activityId == null || activityId.equals(finding.activityId()));
    }
}
