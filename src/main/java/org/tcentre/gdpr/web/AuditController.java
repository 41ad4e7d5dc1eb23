package org.tcentre.gdpr.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.audit.AuditEntry;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.audit.AuditVerification;

/** The audit trail and its verification (privacy officers and regulators). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private static final int MAX_PAGE = 1000;
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** One page of entries; {@code next} is the query for the following page, {@code null} at the end. */
    @JsonPropertyOrder({"entries", "next"})
    record AuditPage(List<AuditEntry> entries, String next) {
    }

    @Operation(summary = "Audit entries after a sequence number, oldest first (at most 1000 per page)")
    @GetMapping
    AuditPage entries(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<AuditEntry> entries = audit.entries(Math.max(0, after), size);
        String next = entries.size() < size ? null
                : "/api/v1/audit?after=" + entries.get(entries.size() - 1).sequence() + "&limit=" + size;
        return new AuditPage(entries, next);
    }

    @Operation(summary = "Recompute the whole hash chain; names the first broken entry")
    @GetMapping("/verify")
    AuditVerification verify() {
        return audit.verify();
    }
}
