package org.tcentre.gdpr.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.submission.StoredEvaluation;
import org.tcentre.gdpr.submission.Submissions;
import org.tcentre.gdpr.system.ServiceProperties;

/** {@code POST /api/v1/declarations}: submit a declaration (JSON or YAML body, or a multipart upload). */
@RestController
@RequestMapping("/api/v1/declarations")
class DeclarationController {

    static final String[] BODY_TYPES = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml",
        "text/yaml", "text/x-yaml"};

    private final Submissions submissions;
    private final long limit;

    DeclarationController(Submissions submissions, ServiceProperties properties) {
        this.submissions = submissions;
        this.limit = properties.maxDeclarationSize().toBytes();
    }

    @Operation(summary = "Submit a declaration as the request body",
            description = "Validates, stores and evaluates it for the caller's team. JSON (application/json) or YAML "
                    + "(application/yaml, application/x-yaml, text/yaml). Product teams only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string"))}))
    @ApiResponse(responseCode = "201", description = "Stored and evaluated; Location is the evaluation")
    @ApiResponse(responseCode = "400", description = "Not JSON or YAML, or not UTF-8", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Larger than gdpr.max-declaration-size", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Neither JSON, YAML nor multipart", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Invalid: every problem by JSON pointer", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredEvaluation> submit(HttpServletRequest request, @AuthenticationPrincipal Caller caller)
            throws IOException, InvalidDeclarationException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(request.getContentLengthLong());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(Math.toIntExact(limit + 1));
        }
        if (body.length > limit) {
            throw tooLarge(-1);
        }
        MediaType type = MediaType.parseMediaType(request.getContentType());
        String source = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? "declaration.json" : "declaration.yaml";
        return created(submissions.submit(body, source, caller));
    }

    @Operation(summary = "Submit a declaration as a file upload",
            description = "multipart/form-data with the file in the part named 'file'; its name (.json, .yaml, .yml) "
                    + "decides the format. Product teams only.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredEvaluation> upload(@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Caller caller)
            throws IOException, InvalidDeclarationException {
        if (file.getSize() > limit) {
            throw tooLarge(file.getSize());
        }
        return created(submissions.submit(file.getBytes(), sourceName(file), caller));
    }

    /** The upload's file name without directories; when it names no format, the part's content type does. */
    static String sourceName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return name;
        }
        String base = name.isEmpty() ? "declaration" : name;
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        return base + (type.contains("json") ? ".json" : type.contains("yaml") ? ".yaml" : "");
    }

    private ApiExceptionHandler.TooLargeException tooLarge(long size) {
        String limitText = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit + " bytes";
        return new ApiExceptionHandler.TooLargeException((size > 0 ? "The declaration is " + size + " bytes; " : "The declaration is larger than the limit; ")
                + "the limit is " + limitText + ".");
    }

    private static ResponseEntity<StoredEvaluation> created(StoredEvaluation evaluation) {
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + evaluation.id())).body(evaluation);
    }
}
