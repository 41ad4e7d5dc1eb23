package org.tcentre.gdpr.waiver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.evaluation.Waiver;

/**
 * The service's waivers: granted and revoked by privacy officers (over the API or with {@code gdpr-checker waivers}),
 * read by regulators, and by a product team for the products its team has submitted. A waiver is never deleted
 * or changed: revoking it stamps who and when. Every grant and revocation is appended to the audit trail in the
 * same transaction ({@code waiver.added}, {@code waiver.revoked}).
 *
 * <p>As elsewhere in the service, what a product team may not see is answered exactly like what does not exist.
 */
@Component
public class Waivers {

    private static final String COLUMNS = """
            w.id, w.product_id, w.rule_id, w.activity_id, w.justification, w.approver, w.expires, w.created_by,
            w.created_at, w.revoked_by, w.revoked_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    public Waivers(JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /** What is asked for: a waiver without its id and record keeping. */
    public record Request(String productId, String ruleId, String activityId, String justification, String approver,
                          LocalDate expires) {
    }

    /** A waiver that cannot be granted, with every problem by field (a JSON property name). */
    public static final class InvalidWaiverException extends RuntimeException {
        private final List<Waiver.Problem> problems;

        public InvalidWaiverException(List<Waiver.Problem> problems) {
            super(String.join("; ", problems.stream().map(Waiver.Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Waiver.Problem> problems() {
            return problems;
        }
    }

    /** The day waivers are judged by (UTC), as evaluations judge them. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Grants a waiver and audits it.
     *
     * @param actor who grants it: the caller's name, or {@code cli:<os user>}
     * @throws InvalidWaiverException when a field is missing or wrong, or the expiry date is already past
     */
    public StoredWaiver add(Request request, String actor) {
        String id = "W-" + UUID.randomUUID();
        List<Waiver.Problem> problems = new ArrayList<>(Waiver.problems(id, request.productId(), request.ruleId(),
                request.activityId(), request.justification(), request.approver(), request.expires()));
        if (request.expires() != null && request.expires().isBefore(today())) {
            problems.add(new Waiver.Problem("expires", request.expires() + " is already past: a waiver must apply "
                    + "at least until today (" + today() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWaiverException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var waiver = new StoredWaiver(id, request.productId(), request.ruleId(), request.activityId(),
                request.justification(), request.approver(), request.expires(), StoredWaiver.ACTIVE, actor, now, null, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("productId", waiver.productId());
        details.put("ruleId", waiver.ruleId());
        details.put("activityId", waiver.activityId());
        details.put("approver", waiver.approver());
        details.put("expires", waiver.expires().toString());
        details.put("justification", waiver.justification());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into waivers (id, product_id, rule_id, activity_id, justification, approver, expires,
                        created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, waiver.productId(), waiver.ruleId(), waiver.activityId(), waiver.justification(),
                            waiver.approver(), waiver.expires(), actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            audit.append(actor, "waiver.added", "waiver/" + id, details); // last: holds the chain lock briefly
        });
        return waiver;
    }

    /**
     * Revokes a waiver (it stays in the table, stamped) and audits it. Revoking one already revoked changes nothing
     * and appends nothing.
     *
     * @return the waiver as it now is; empty when there is no such waiver
     */
    public Optional<StoredWaiver> revoke(String id, String actor) {
        return transaction.execute(status -> {
            Optional<StoredWaiver> found = jdbc.sql("select " + COLUMNS + " from waivers w where w.id = ? for update")
                    .param(id).query((rs, n) -> row(rs)).optional();
            if (found.isEmpty() || found.get().revokedAt() != null) {
                return found;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("update waivers set revoked_by = ?, revoked_at = ? where id = ?")
                    .params(actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id).update();
            StoredWaiver before = found.get();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("productId", before.productId());
            details.put("ruleId", before.ruleId());
            details.put("activityId", before.activityId());
            audit.append(actor, "waiver.revoked", "waiver/" + id, details);
            return Optional.of(new StoredWaiver(before.id(), before.productId(), before.ruleId(), before.activityId(),
                    before.justification(), before.approver(), before.expires(), StoredWaiver.REVOKED,
                    before.createdBy(), before.createdAt(), actor, now));
        });
    }

    /** The waiver, if it exists and the caller may see it. */
    public Optional<StoredWaiver> find(String id, Caller caller) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from waivers w where w.id = ?");
        List<Object> params = new ArrayList<>(List.of(id));
        scope(sql, params, caller);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).optional();
    }

    /** Every waiver the caller may see, revoked and expired ones included, by product, rule and id. */
    public List<StoredWaiver> list(Caller caller) {
        return query(null, caller);
    }

    /** The waivers of one product the caller may see, revoked and expired ones included. */
    public List<StoredWaiver> forProduct(String productId, Caller caller) {
        return query(productId, caller);
    }

    /**
     * The waivers an evaluation of the product applies: not revoked. Expired ones are included, so that the
     * evaluation can list those that would have applied; {@link org.tcentre.gdpr.evaluation.Evaluation#withWaivers}
     * decides by the evaluation's own date.
     */
    public List<Waiver> unrevokedFor(String productId) {
        return jdbc.sql("select " + COLUMNS + " from waivers w where w.product_id = ? and w.revoked_at is null order by w.id")
                .param(productId).query((rs, n) -> row(rs).waiver()).list();
    }

    private List<StoredWaiver> query(String productId, Caller caller) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from waivers w where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (productId != null) {
            sql.append(" and w.product_id = ?");
            params.add(productId);
        }
        scope(sql, params, caller);
        sql.append(" order by w.product_id, w.rule_id, w.id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    /** A product team sees the waivers of products its team has submitted a declaration of, and no others. */
    private static void scope(StringBuilder sql, List<Object> params, Caller caller) {
        if (caller != null && caller.role() == Role.PRODUCT_TEAM) {
            sql.append(" and exists (select 1 from declarations d where d.product_id = w.product_id and d.team = ?)");
            params.add(caller.team());
        }
    }

    private StoredWaiver row(ResultSet rs) throws SQLException {
        LocalDate expires = rs.getObject(7, LocalDate.class);
        Instant revokedAt = instant(rs, 11);
        String status = revokedAt != null ? StoredWaiver.REVOKED
                : expires.isBefore(today()) ? StoredWaiver.EXPIRED : StoredWaiver.ACTIVE;
        return new StoredWaiver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), expires, status, rs.getString(8), instant(rs, 9), rs.getString(10), revokedAt);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
