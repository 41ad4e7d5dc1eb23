package org.tcentre.gdpr.audit;

import org.tcentre.gdpr.declaration.Sha256;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One entry of the audit trail. {@code hash} is the SHA-256 of the entry's canonical form, which includes
 * {@code previousHash}, the hash of the entry before it: changing, removing or reordering any entry breaks
 * every hash after it.
 *
 * <p>The canonical form is {@code gdpr-audit-v1} followed by sequence, time (ISO-8601 UTC, microseconds),
 * actor, action, subject, details (the JSON text exactly as stored) and previous hash, each written as
 * {@code <UTF-8 byte length>:<value>;} so that no choice of field values can make two entries read alike.
 *
 * @param details a JSON object, written into API answers as JSON (not as a string)
 */
public record AuditEntry(
        long sequence,
        Instant recordedAt,
        String actor,
        String action,
        String subject,
        @JsonRawValue String details,
        String previousHash,
        String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** What this entry's hash must be, recomputed from its fields. */
    public String expectedHash() {
        return hashOf(sequence, recordedAt, actor, action, subject, details, previousHash);
    }

    static String hashOf(long sequence, Instant recordedAt, String actor, String action, String subject,
                         String details, String previousHash) {
        StringBuilder canonical = new StringBuilder("gdpr-audit-v1;");
        for (String field : new String[] {Long.toString(sequence), DateTimeFormatter.ISO_INSTANT.format(recordedAt),
                actor, action, subject, details, previousHash}) {
            String value = field == null ? "" : field;
            canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(';');
        }
        return Sha256.hex(canonical.toString());
    }
}
