package org.tcentre.gdpr.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit trail: every submission, evaluation, report download, rule-set change
 * and user provisioned is appended here.
 *
 * <p>An append locks the one row of {@code audit_chain_head} for the rest of the caller's transaction (an
 * {@code UPDATE} that changes nothing, then the read), so appends are serialised by the database itself: several
 * threads, or several instances sharing one PostgreSQL, still extend a single linear chain. An append joins the caller's
 * transaction when there is one (a submission's entries commit, or roll back, with the submission) and runs
 * in its own otherwise. Callers append last in their transaction, to hold the lock briefly.
 */
@Component
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int VERIFY_PAGE = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Something to record: who did what to what, with further facts written as a JSON object in the order given. */
    public record Event(String actor, String action, String subject, Map<String, ?> details) {
    }

    /**
     * Appends an entry and returns it.
     *
     * @param actor   the user name, or {@code system} / {@code cli:<os user>} for the service and operators
     * @param action  what happened, e.g. {@code declaration.submitted}
     * @param subject what it happened to, e.g. {@code evaluation/<id>}
     * @param details further facts, written as a JSON object in the order given
     */
    public AuditEntry append(String actor, String action, String subject, Map<String, ?> details) {
        return append(List.of(new Event(actor, action, subject, details))).get(0);
    }

    /** Appends several entries, one after the other, under one lock of the chain head. */
    public List<AuditEntry> append(List<Event> events) {
        List<String> detailsJson = events.stream()
                .map(e -> JSON.writeValueAsString(e.details() == null ? Map.of() : e.details())).toList();
        return transaction.execute(status -> {
            // Lock, then read: H2 parses a SELECT ... FOR UPDATE anew on every call (it never caches one), an UPDATE
            // it caches. In both databases the UPDATE waits for the lock and the read then sees the head it locked.
            jdbc.sql("update audit_chain_head set last_sequence = last_sequence where id = 1").update();
            var head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1")
                    .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2).strip()))
                    .single();
            // The database keeps microseconds; hashing the same precision keeps the stored entry verifiable.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long sequence = head.sequence();
            String previous = head.hash();
            List<AuditEntry> appended = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                sequence++;
                String hash = AuditEntry.hashOf(sequence, now, event.actor(), event.action(), event.subject(),
                        detailsJson.get(i), previous);
                jdbc.sql("""
                        insert into audit_log (sequence, recorded_at, actor, action, subject, details, previous_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(sequence, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), event.actor(), event.action(),
                                event.subject(), detailsJson.get(i), previous, hash)
                        .update();
                appended.add(new AuditEntry(sequence, now, event.actor(), event.action(), event.subject(),
                        detailsJson.get(i), previous, hash));
                previous = hash;
            }
            jdbc.sql("update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1")
                    .params(sequence, previous)
                    .update();
            return appended;
        });
    }

    /** Entries with a sequence number above {@code after}, oldest first, at most {@code limit}. */
    public List<AuditEntry> entries(long after, int limit) {
        return jdbc.sql("""
                select sequence, recorded_at, actor, action, subject, details, previous_hash, hash
                from audit_log where sequence > ? order by sequence limit ?""")
                .params(after, limit)
                .query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7).strip(), rs.getString(8).strip()))
                .list();
    }

    /**
     * Recomputes the chain from the first entry: sequence numbers without gaps, each entry's previous hash equal
     * to the hash before it, each hash equal to the recomputed one, and the chain head equal to the last entry
     * (which catches entries removed from the end). Names the first entry that fails.
     */
    public AuditVerification verify() {
        long checked = 0;
        String previous = AuditEntry.GENESIS;
        long expected = 1;
        List<AuditEntry> page;
        do {
            page = entries(expected - 1, VERIFY_PAGE);
            for (AuditEntry entry : page) {
                if (entry.sequence() != expected) {
                    return AuditVerification.broken(checked, previous, expected,
                            "entry " + expected + " is missing (the next entry is " + entry.sequence() + ")");
                }
                if (!entry.previousHash().equals(previous)) {
                    return AuditVerification.broken(checked, previous, entry.sequence(),
                            "its previous hash does not match the hash of entry " + (expected - 1));
                }
                if (!entry.expectedHash().equals(entry.hash())) {
                    return AuditVerification.broken(checked, previous, entry.sequence(),
                            "its content does not match its hash (the entry was changed after it was written)");
                }
                previous = entry.hash();
                checked++;
                expected++;
            }
        } while (page.size() == VERIFY_PAGE);
        Head head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2).strip()))
                .single();
        if (head.sequence() != checked || !head.hash().equals(previous)) {
            return AuditVerification.broken(checked, previous, checked + 1, "the chain head records "
                    + head.sequence() + " entries ending in " + head.hash() + ": entries after " + checked
                    + " were removed, or the head was changed");
        }
        return AuditVerification.intact(checked, previous);
    }

    private record Head(long sequence, String hash) {
    }
}
