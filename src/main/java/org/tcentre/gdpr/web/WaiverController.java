package org.tcentre.gdpr.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.waiver.StoredWaiver;
import org.tcentre.gdpr.waiver.Waivers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waivers: accepted-risk exceptions for a product and rule. Privacy officers grant and revoke them; regulators read
 * them all; a product team reads those of the products its team has submitted (anything else is answered as not
 * found, or as an empty list). Revoking keeps the waiver, stamped. See docs/waivers.md.
 */
@RestController
class WaiverController {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("productId", "ruleId", "activityId", "justification", "approver", "expires");

    private final Waivers waivers;

    WaiverController(Waivers waivers) {
        this.waivers = waivers;
    }

    /** A body that is not a JSON object: 400, with what is wrong. */
    static final class UnreadableWaiverException extends RuntimeException {
        UnreadableWaiverException(String message) {
            super(message);
        }
    }

    @Operation(summary = "Every waiver the caller may see (revoked and expired ones included, with their status)")
    @GetMapping(path = "/api/v1/waivers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<StoredWaiver> list(@AuthenticationPrincipal Caller caller) {
        return waivers.list(caller);
    }

    @Operation(summary = "The waivers of one product (an empty list when there is none the caller may see)")
    @GetMapping(path = "/api/v1/products/{productId}/waivers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<StoredWaiver> forProduct(@PathVariable String productId, @AuthenticationPrincipal Caller caller) {
        return waivers.forProduct(productId, caller);
    }

    @Operation(summary = "One waiver")
    @GetMapping(path = "/api/v1/waivers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    StoredWaiver get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return waivers.find(id, caller).orElseThrow(() -> new ApiExceptionHandler.NotFoundException("waiver " + id));
    }

    @Operation(summary = "Grant a waiver (privacy officers): productId, ruleId, activityId (optional), justification, "
            + "approver, expires (YYYY-MM-DD, inclusive); audited as waiver.added")
    @ApiResponse(responseCode = "201", description = "Granted; Location is the waiver")
    @PostMapping(path = "/api/v1/waivers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredWaiver> add(@RequestBody byte[] body, @AuthenticationPrincipal Caller caller) {
        StoredWaiver added = waivers.add(request(body), caller.name());
        return ResponseEntity.created(URI.create("/api/v1/waivers/" + added.id())).body(added);
    }

    @Operation(summary = "Revoke a waiver (privacy officers): it stays, stamped as revoked, and no longer applies; "
            + "audited as waiver.revoked")
    @DeleteMapping(path = "/api/v1/waivers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    StoredWaiver revoke(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return waivers.revoke(id, caller.name()).orElseThrow(() -> new ApiExceptionHandler.NotFoundException("waiver " + id));
    }

    /** The body as a request, every field problem collected (by JSON pointer) before any is reported. */
    private static Waivers.Request request(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new UnreadableWaiverException("The body is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableWaiverException("The body must be a JSON object with the fields productId, ruleId, "
                    + "activityId (optional), justification, approver and expires.");
        }
        List<Waiver.Problem> problems = new ArrayList<>();
        for (String name : tree.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(new Waiver.Problem(name, "is not a waiver field (the server chooses the id)"));
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String field : List.of("productId", "ruleId", "activityId", "justification", "approver", "expires")) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull()) {
                if (value.isString()) {
                    text.put(field, value.asString());
                } else {
                    problems.add(new Waiver.Problem(field, "must be a string"));
                }
            }
        }
        LocalDate expires = null;
        if (text.get("expires") != null) {
            try {
                expires = LocalDate.parse(text.get("expires"));
            } catch (DateTimeParseException e) {
                problems.add(new Waiver.Problem("expires", "'" + text.get("expires") + "' is not a date written YYYY-MM-DD"));
            }
        }
        if (!problems.isEmpty()) {
            // Report the rest too, so one answer lists everything (the id is the server's, so not checked here).
            boolean expiresReported = problems.stream().anyMatch(p -> p.field().equals("expires"));
            Waiver.problems("W-0", text.get("productId"), text.get("ruleId"), text.get("activityId"),
                            text.get("justification"), text.get("approver"), expires).stream()
                    .filter(p -> !(expiresReported && p.field().equals("expires")))
                    .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                    .forEach(problems::add);
            throw new Waivers.InvalidWaiverException(problems);
        }
        return new Waivers.Request(text.get("productId"), text.get("ruleId"), text.get("activityId"),
                text.get("justification"), text.get("approver"), expires);
    }

    @ExceptionHandler(Waivers.InvalidWaiverException.class)
    ResponseEntity<ProblemDetail> invalid(Waivers.InvalidWaiverException e, HttpServletRequest request) {
        int n = e.problems().size();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-waiver", "The waiver is not valid",
                n + " problem" + (n == 1 ? "" : "s") + " in the waiver; nothing was granted.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("pointer", "/" + p.field().replace("~", "~0").replace("/", "~1"));
            error.put("detail", p.message());
            return error;
        }).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(UnreadableWaiverException.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableWaiverException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-waiver", "The waiver cannot be read",
                e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
