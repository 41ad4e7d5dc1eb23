package org.tcentre.gdpr.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as an RFC 9457 problem, like every other error of the API. It answers
 * what never reaches a controller: requests the firewall rejects (a {@code ;} or an encoded {@code ..} in the path),
 * a method Tomcat refuses, a failure below Spring MVC. It never shows an exception's message.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side; nothing was stored. The service log has the details."
                : status == HttpStatus.BAD_REQUEST
                ? "The request was rejected before it reached the API (for example a ';' or an encoded '..' in the path)."
                : "The request cannot be answered: " + status.getReasonPhrase() + ".";
        ProblemDetail problem = Problems.of(status, status.is5xxServerError() ? "internal-error"
                : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), status.getReasonPhrase(), detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isBlank()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // A path that is not a valid URI is what got the request rejected: leave instance out.
            }
        }
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
