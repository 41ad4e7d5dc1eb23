package org.tcentre.gdpr.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcentre.gdpr.TestDatabases;
import org.tcentre.gdpr.TestDatabases.TestDatabase;

/** The hash-chained audit trail, on the embedded database and on PostgreSQL alike. */
class AuditLogTest {

    private static AuditLog audit(TestDatabase db) {
        return new AuditLog(db.jdbc(), db.transactions(), Clock.systemUTC());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void entries_chain_to_each_other_and_verify(String kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            AuditLog audit = audit(db);
            AuditEntry first = audit.append("alice", "declaration.submitted", "declaration/1", Map.of("sha256", "ab"));
            AuditEntry second = audit.append("olga", "ruleset.reloaded", "ruleset/x", Map.of());

            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS);
            assertThat(second.previousHash()).isEqualTo(first.hash());
            assertThat(audit.entries(0, 10)).containsExactly(first, second);
            assertThat(audit.verify()).isEqualTo(new AuditVerification(true, 2, second.hash(), null, null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_row_changed_in_the_database_is_detected_and_named(String kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            AuditLog audit = audit(db);
            for (int i = 1; i <= 5; i++) {
                audit.append("alice", "report.downloaded", "evaluation/" + i, Map.of("format", "pdf"));
            }
            db.jdbc().sql("update audit_log set actor = 'mallory' where sequence = 3").update();

            AuditVerification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(3);
            assertThat(result.entries()).isEqualTo(2);
            assertThat(result.problem()).contains("does not match its hash");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_rehashed_change_still_breaks_the_link_to_the_next_entry(String kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            AuditLog audit = audit(db);
            for (int i = 1; i <= 4; i++) {
                audit.append("alice", "report.downloaded", "evaluation/" + i, Map.of());
            }
            AuditEntry second = audit.entries(1, 1).get(0);
            String forged = AuditEntry.hashOf(2, second.recordedAt(), "mallory", second.action(), second.subject(),
                    second.details(), second.previousHash());
            db.jdbc().sql("update audit_log set actor = 'mallory', hash = ? where sequence = 2").param(forged).update();

            AuditVerification result = audit.verify();
            assertThat(result.firstBroken()).isEqualTo(3);
            assertThat(result.problem()).contains("previous hash");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void removed_entries_are_detected_in_the_middle_and_at_the_end(String kind) {
        try (TestDatabase db = TestDatabases.of(kind)) {
            AuditLog audit = audit(db);
            for (int i = 1; i <= 5; i++) {
                audit.append("alice", "report.downloaded", "evaluation/" + i, Map.of());
            }
            db.jdbc().sql("delete from audit_log where sequence = 5").update();
            assertThat(audit.verify().firstBroken()).isEqualTo(5);
            assertThat(audit.verify().problem()).contains("removed");

            db.jdbc().sql("delete from audit_log where sequence = 2").update();
            assertThat(audit.verify().firstBroken()).isEqualTo(2);
            assertThat(audit.verify().problem()).contains("entry 2 is missing");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrent_writers_extend_one_linear_chain(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            // Two AuditLog objects on separate pools would be two instances; one pool with many threads is the
            // same contention on the chain head's row lock.
            AuditLog audit = audit(db);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.append("writer-" + writer, "report.downloaded", "evaluation/" + i, Map.of());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();

            AuditVerification result = audit.verify();
            assertThat(result.intact()).as(result.toString()).isTrue();
            assertThat(result.entries()).isEqualTo(200);
        }
    }
}
