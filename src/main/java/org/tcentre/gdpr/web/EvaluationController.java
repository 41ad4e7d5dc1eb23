package org.tcentre.gdpr.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.submission.RenderedReport;
import org.tcentre.gdpr.submission.ReportFormat;
import org.tcentre.gdpr.submission.StoredEvaluation;
import org.tcentre.gdpr.submission.Submissions;

/** An evaluation and its reports. A product team reaching for another team's evaluation gets 404, as for none. */
@RestController
@RequestMapping("/api/v1/evaluations/{id}")
class EvaluationController {

    private final Submissions submissions;

    EvaluationController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "An evaluation: verdict, counts, findings, the declaration it evaluated, report links")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    StoredEvaluation evaluation(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return submissions.evaluation(uuid(id), caller).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "The PDF report (PDF/A-3b, with the declaration and the JSON report embedded)")
    @GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return report(id, ReportFormat.PDF, caller);
    }

    @Operation(summary = "The JSON report (docs/report-format.md)")
    @GetMapping(path = "/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return report(id, ReportFormat.JSON, caller);
    }

    @Operation(summary = "The SARIF 2.1.0 report, for code-scanning tools")
    @GetMapping(path = "/report.sarif", produces = {"application/sarif+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> sarif(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return report(id, ReportFormat.SARIF, caller);
    }

    private ResponseEntity<byte[]> report(String id, ReportFormat format, Caller caller) {
        RenderedReport report = submissions.report(uuid(id), format, caller).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .header(HttpHeaders.ETAG, "\"" + report.sha256() + "\"")
                .body(report.content());
    }

    /** Not a UUID: answered like an id that does not exist. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiExceptionHandler.NotFoundException notFound(String id) {
        return new ApiExceptionHandler.NotFoundException("evaluation " + id);
    }
}
