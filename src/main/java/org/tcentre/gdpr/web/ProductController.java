package org.tcentre.gdpr.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.submission.FindingsDiff;
import org.tcentre.gdpr.submission.ProductHistory;
import org.tcentre.gdpr.submission.Submissions;

/** A product's history: every version submitted, and what changed in the findings between two of them. */
@RestController
@RequestMapping(path = "/api/v1/products/{productId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    private final Submissions submissions;

    ProductController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Every submitted version of the product (the caller's team's only, for product teams), oldest first")
    @GetMapping("/history")
    ProductHistory history(@PathVariable String productId, @AuthenticationPrincipal Caller caller) {
        return submissions.history(productId, caller)
                .orElseThrow(() -> new ApiExceptionHandler.NotFoundException("product " + productId));
    }

    @Operation(summary = "Findings new, resolved and unchanged between two evaluations of the product (default: the two latest)")
    @GetMapping("/diff")
    FindingsDiff diff(@PathVariable String productId,
                      @Parameter(description = "the older evaluation's id") @RequestParam(required = false) String from,
                      @Parameter(description = "the newer evaluation's id") @RequestParam(required = false) String to,
                      @AuthenticationPrincipal Caller caller) {
        if ((from != null && EvaluationController.uuid(from) == null) || (to != null && EvaluationController.uuid(to) == null)) {
            throw new ApiExceptionHandler.NotFoundException("such evaluation of product " + productId);
        }
        return submissions.diff(productId, from == null ? null : EvaluationController.uuid(from),
                        to == null ? null : EvaluationController.uuid(to), caller)
                .orElseThrow(() -> new ApiExceptionHandler.NotFoundException("such evaluation of product " + productId));
    }
}
