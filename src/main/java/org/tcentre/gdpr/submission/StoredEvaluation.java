package org.tcentre.gdpr.submission;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.rules.Severity;

/**
 * An evaluation as stored, with the declaration it evaluated: what the API answers to a submission and to
 * {@code GET /api/v1/evaluations/{id}}.
 *
 * @param id       the evaluation's id
 * @param counts   findings per severity, most severe first, zeros included
 * @param findings most severe first
 * @param reports  where to download the reports
 */
@JsonPropertyOrder({"id", "verdict", "counts", "evaluatedAt", "ruleSet", "declaration", "findings", "reports"})
public record StoredEvaluation(
        UUID id,
        Verdict verdict,
        Map<Severity, Long> counts,
        Instant evaluatedAt,
        RuleSetRef ruleSet,
        StoredDeclaration declaration,
        List<Finding> findings,
        Map<String, String> reports) {

    /** The rule set that evaluated the declaration, and the profile of ruleset.yaml it was applied through (or null). */
    public record RuleSetRef(String name, String version, String sha256, String profile) {
    }

    /**
     * A declaration as submitted.
     *
     * @param id            the stored declaration's id (one per submission)
     * @param declarationId the {@code id} field inside the declaration
     * @param sha256        SHA-256 of the exact bytes submitted
     */
    @JsonPropertyOrder({"id", "declarationId", "productId", "productName", "productVersion", "team", "source", "format",
            "size", "sha256", "submittedBy", "submittedAt"})
    public record StoredDeclaration(UUID id, String declarationId, String productId, String productName,
                                    String productVersion, String team, String source, String format, int size,
                                    String sha256, String submittedBy, Instant submittedAt) {
    }
}
