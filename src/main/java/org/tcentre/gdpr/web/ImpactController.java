package org.tcentre.gdpr.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.impact.CandidateArchive;
import org.tcentre.gdpr.impact.ImpactPreview;
import org.tcentre.gdpr.impact.ImpactReport;
import org.tcentre.gdpr.impact.StoredDeclarations;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.system.ActiveRuleSet;

/**
 * The impact preview over HTTP (privacy officers only): a candidate rule set uploaded as a zip archive, evaluated
 * against the stored declarations beside the rule set in service, answered with what would change. Synchronous,
 * and one preview at a time per instance (a second gets 429): a preview keeps every core busy while it runs.
 */
@RestController
class ImpactController {

    private final ActiveRuleSet active;
    private final DataSource dataSource;
    private final Clock clock;
    private final Semaphore oneAtATime = new Semaphore(1);

    ImpactController(ActiveRuleSet active, DataSource dataSource, Clock clock) {
        this.active = active;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The candidate does not load: answered as 422 with every problem's file and line. */
    static final class CandidateRejected extends Exception {
        final RuleSetException problems;

        CandidateRejected(RuleSetException problems) {
            super(problems.getMessage());
            this.problems = problems;
        }
    }

    /** Another preview is running on this instance. */
    static final class Busy extends RuntimeException {
    }

    @Operation(summary = "Preview a candidate rule set (zip of the rules directory) against the stored declarations: "
            + "per product, the findings that would appear, disappear or change severity")
    @PostMapping(path = "/api/v1/rules/impact", consumes = "application/zip", produces = MediaType.APPLICATION_JSON_VALUE)
    ImpactReport impact(InputStream body, @RequestParam(name = "allVersions", defaultValue = "false") boolean allVersions)
            throws IOException, InterruptedException, CandidateRejected, CandidateArchive.InvalidArchiveException {
        byte[] zip = body.readNBytes(CandidateArchive.MAX_ARCHIVE_BYTES + 1);
        if (zip.length > CandidateArchive.MAX_ARCHIVE_BYTES) {
            throw new CandidateArchive.InvalidArchiveException("the archive is larger than "
                    + CandidateArchive.MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB", true);
        }
        if (!oneAtATime.tryAcquire()) {
            throw new Busy();
        }
        try (CandidateArchive archive = CandidateArchive.unpack(new ByteArrayInputStream(zip))) {
            RuleSet current = active.get();
            RuleSet candidate;
            try {
                candidate = new RuleSetLoader().load(archive.ruleSet());
            } catch (RuleSetException e) {
                throw new CandidateRejected(e);
            }
            var preview = new ImpactPreview(current, candidate, clock, Runtime.getRuntime().availableProcessors());
            return preview.run(new StoredDeclarations(dataSource, allVersions), progress -> { });
        } finally {
            oneAtATime.release();
        }
    }

    @ExceptionHandler(CandidateRejected.class)
    ResponseEntity<ProblemDetail> rejected(CandidateRejected e, HttpServletRequest request) {
        var problems = e.problems.problems();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rule-set",
                "The candidate rule set does not load", problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + " in the candidate rule set; nothing was evaluated.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", Problems.ruleSetErrors(problems));
        return ResponseEntity.unprocessableContent().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(CandidateArchive.InvalidArchiveException.class)
    ResponseEntity<ProblemDetail> invalidArchive(CandidateArchive.InvalidArchiveException e, HttpServletRequest request) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = Problems.of(status, e.tooLarge() ? "too-large" : "invalid-archive",
                e.tooLarge() ? "The archive is too large" : "The archive cannot be used", e.getMessage() + ".");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Busy.class)
    ResponseEntity<ProblemDetail> busy(Busy e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "busy", "An impact preview is already running",
                "This instance runs one impact preview at a time; try again when it has answered.");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
