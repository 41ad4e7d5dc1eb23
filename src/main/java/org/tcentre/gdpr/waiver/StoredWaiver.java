package org.tcentre.gdpr.waiver;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import org.tcentre.gdpr.evaluation.Waiver;

/**
 * A waiver as the service keeps it: what the API answers. A revoked waiver stays in the table, with who revoked
 * it and when, and no longer applies.
 *
 * @param status "ACTIVE", "EXPIRED" (past its expiry date) or "REVOKED", as on the day it was read
 */
@JsonPropertyOrder({"id", "productId", "ruleId", "activityId", "justification", "approver", "expires", "status",
        "createdBy", "createdAt", "revokedBy", "revokedAt"})
public record StoredWaiver(String id, String productId, String ruleId, String activityId, String justification,
                           String approver, LocalDate expires, String status, String createdBy, Instant createdAt,
                           String revokedBy, Instant revokedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String EXPIRED = "EXPIRED";
    public static final String REVOKED = "REVOKED";

    /** The waiver itself, as evaluations apply it. */
    public Waiver waiver() {
        return new Waiver(id, productId, ruleId, activityId, justification, approver, expires, createdBy, createdAt);
    }
}
