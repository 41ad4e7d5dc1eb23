package org.tcentre.gdpr.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tcentre.gdpr.declaration.DeclarationProblem;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.rules.RuleSetException;

/**
 * Every error as RFC 9457 {@code application/problem+json}. Bad input is never a 500: an unreadable body is
 * 400, a readable but invalid declaration 422 (every problem listed by JSON pointer), too large 413, a media
 * type the API does not take 415 (all from Spring MVC's own handling in the superclass, plus the cases below).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** 404, the same whether the thing does not exist or belongs to a team the caller is not in. */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String what) {
            super(what);
        }
    }

    /** A body above {@code gdpr.max-declaration-size}. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidDeclarationException.class)
    ResponseEntity<ProblemDetail> invalidDeclaration(InvalidDeclarationException e, HttpServletRequest request) {
        boolean unreadable = unreadable(e.problems());
        HttpStatus status = unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        int n = e.problems().size();
        ProblemDetail problem = Problems.of(status, unreadable ? "unreadable-declaration" : "invalid-declaration",
                unreadable ? "The declaration cannot be read" : "The declaration is not valid",
                n + " problem" + (n == 1 ? "" : "s") + " in the declaration; nothing was stored or evaluated.");
        problem.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, Object>> errors = e.problems().stream().map(ApiExceptionHandler::error).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /**
     * Unreadable: not UTF-8, empty, binary, a syntax error (those carry a line), or not an object at all; every
     * such problem is about the whole document. Anything else was read and is invalid.
     */
    private static boolean unreadable(List<DeclarationProblem> problems) {
        return problems.size() == 1 && problems.get(0).pointer().isEmpty();
    }

    private static Map<String, Object> error(DeclarationProblem p) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("pointer", p.pointer());
        error.put("detail", p.message());
        if (p.line() != null) {
            error.put("line", p.line());
            error.put("column", p.column());
        }
        return error;
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The declaration is too large", e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no " + e.getMessage() + " that you may see.");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(RuleSetException.class)
    ResponseEntity<ProblemDetail> ruleSet(RuleSetException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rule-set",
                "The rule set does not load", e.problems().size() + " problem(s) in the rule set; the rule set in service is unchanged.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", Problems.ruleSetErrors(e.problems()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /** A malformed multipart body (no boundary, truncated) is the client's, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The multipart upload cannot be read: " + e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e, HttpServletRequest request) {
        LOG.error("Internal error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on our side; nothing was changed. The error is logged.");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.internalServerError().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /** Spring MVC's own problems (405, 406, 415, 413 for uploads, ...) get this API's problem types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(Problems.BASE + switch (response.getStatusCode().value()) {
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                default -> response.getStatusCode().is4xxClientError() ? "bad-request" : "internal-error";
            }));
        }
        return response;
    }
}
