package org.tcentre.gdpr.submission;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcentre.gdpr.evaluation.Verdict;

/** Every version of a product's declaration the caller may see, oldest first, each with its evaluation. */
@JsonPropertyOrder({"productId", "versions"})
public record ProductHistory(String productId, List<Version> versions) {

    /**
     * One submission and its evaluation.
     *
     * @param evaluationId the id to read the evaluation, its reports, or to compare it with another version
     */
    @JsonPropertyOrder({"evaluationId", "declarationId", "productVersion", "team", "sha256", "submittedBy", "submittedAt",
            "ruleSetVersion", "verdict", "findings"})
    public record Version(UUID evaluationId, UUID declarationId, String productVersion, String team, String sha256,
                          String submittedBy, Instant submittedAt, String ruleSetVersion, Verdict verdict, int findings) {
    }
}
