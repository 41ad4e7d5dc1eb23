package org.tcentre.gdpr.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details: the one shape of every error the API answers. Each kind of problem has a type URI
 * under {@link #BASE}, documented in docs/api.md.
 */
final class Problems {

    static final String BASE = "https://tcentre.org/gdpr-checker/problems/";
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A rule set's problems as a problem's {@code errors}: file, line, column and what is wrong, in order. */
    static java.util.List<Map<String, Object>> ruleSetErrors(java.util.List<org.tcentre.gdpr.rules.RuleSetProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", p.file());
            error.put("line", p.line());
            error.put("column", p.column());
            error.put("detail", p.message());
            return error;
        }).toList();
    }

    /** Writes a problem outside Spring MVC: from the security filters (401, 403). */
    static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                      String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
