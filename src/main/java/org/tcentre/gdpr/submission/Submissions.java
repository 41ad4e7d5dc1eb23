package org.tcentre.gdpr.submission;

import org.tcentre.gdpr.declaration.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Evaluation;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.evaluation.Verdict;
import org.tcentre.gdpr.evaluation.Waiver;
import org.tcentre.gdpr.waiver.Waivers;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.SarifReportWriter;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.system.ActiveRuleSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declarations submitted to the service and their evaluations: the service's side of the one use case.
 * A submission is read and validated, evaluated by {@link DeclarationCheck} against the rule set in service,
 * and stored (its exact bytes, the evaluation's findings, the audit entries) in one transaction: either all
 * of it is there afterwards, or none of it.
 *
 * <p>Every read is scoped by the caller: a product team sees its own team's data only, and what it may not
 * see is answered exactly as what does not exist (an empty result), so nothing leaks another team's data or
 * its existence.
 *
 * <p>Reports are not stored at submission. The stored evaluation is enough to regenerate them exactly: the
 * declaration's bytes (read again by the same reader), the findings, the evaluated rules' metadata (kept per
 * rule-set SHA-256 in {@code rule_sets}) and the evaluation time. No rule runs again, so a later rule-set change
 * never alters an old report. A report is rendered on its first download and kept in {@code reports}, so every
 * later download is the same bytes.
 */
@Component
public class Submissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<List<RuleInfo>> RULES = new TypeReference<>() { };
    private static final TypeReference<List<Waiver>> WAIVERS = new TypeReference<>() { };

    private final DeclarationReader reader;
    private final DeclarationCheck check;
    private final ActiveRuleSet rules;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PdfReportWriter pdf;
    private final JsonReportWriter json = new JsonReportWriter();
    private final SarifReportWriter sarif = new SarifReportWriter();
    private final MeterRegistry meters;
    private final Waivers waivers;
    private final SubmissionGate gate;
    private final Timer submissions;
    private final Counter rejected;
    /** Rule sets known to be in {@code rule_sets}: only saves a query; the table is the truth. */
    private final Set<String> storedRuleSets = ConcurrentHashMap.newKeySet();

    public Submissions(DeclarationReader reader, DeclarationCheck check, ActiveRuleSet rules, AuditLog audit,
                       JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, PdfReportWriter pdf,
                       MeterRegistry meters, Waivers waivers, SubmissionGate gate) {
        this.waivers = waivers;
        this.gate = gate;
        this.reader = reader;
        this.check = check;
        this.rules = rules;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.pdf = pdf;
        this.meters = meters;
        this.submissions = Timer.builder("gdpr.submissions")
                .description("Accepted submissions: wait for a turn, read, validate, evaluate and store")
                .register(meters);
        this.rejected = Counter.builder("gdpr.submissions.rejected")
                .description("Submissions refused as invalid declarations")
                .register(meters);
        Gauge.builder("gdpr.submissions.waiting", gate, SubmissionGate::waiting)
                .description("Submissions waiting for a turn (gdpr.submission-concurrency run at once)")
                .register(meters);
    }

    /**
     * Validates, evaluates and stores a declaration for the caller's team.
     *
     * @param source a file name; its extension (.json, .yaml, .yml) decides the format
     * @throws InvalidDeclarationException with every problem, after auditing the rejection; nothing is stored
     */
    public StoredEvaluation submit(byte[] bytes, String source, Caller caller) throws InvalidDeclarationException {
        if (caller.role() != Role.PRODUCT_TEAM || caller.team() == null) {
            throw new IllegalArgumentException("only a product team's user submits declarations");
        }
        long started = System.nanoTime();
        gate.enter();
        try {
            return submitInTurn(bytes, source, caller, started);
        } finally {
            gate.leave();
        }
    }

    private StoredEvaluation submitInTurn(byte[] bytes, String source, Caller caller, long started)
            throws InvalidDeclarationException {
        DeclarationDocument document;
        try {
            document = reader.read(bytes, source);
        } catch (InvalidDeclarationException e) {
            rejected.increment();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sha256", sha256(bytes));
            details.put("size", bytes.length);
            details.put("problems", e.problems().size());
            audit.append(caller.name(), "declaration.rejected", "team/" + caller.team(), details);
            throw e;
        }
        RuleSet ruleSet = rules.get();
        Timer.Sample evaluating = Timer.start(meters);
        // The product's waivers (not revoked) as they stand now; the evaluation's own date decides which have expired.
        Evaluation evaluation = check.check(document, ruleSet).withWaivers(waivers.unrevokedFor(document.model().product().id()));
        evaluating.stop(meters.timer("gdpr.evaluations", "verdict", evaluation.verdict().name()));
        storeRuleSet(ruleSet);
        storeProfile(evaluation);

        UUID declarationId = UUID.randomUUID();
        UUID evaluationId = UUID.randomUUID();
        Instant submittedAt = evaluation.evaluatedAt();
        Declaration model = document.model();
        String findings = JSON.writeValueAsString(evaluation.findings());
        String expiredWaivers = JSON.writeValueAsString(evaluation.expiredWaivers());
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("team", caller.team());
        submitted.put("productId", model.product().id());
        submitted.put("productVersion", model.product().version());
        submitted.put("sha256", document.sha256());
        submitted.put("size", bytes.length);
        Map<String, Object> evaluated = new LinkedHashMap<>();
        evaluated.put("declaration", declarationId.toString());
        evaluated.put("ruleSet", ruleSet.identity().name() + " " + ruleSet.identity().version());
        evaluated.put("ruleSetSha256", ruleSet.identity().sha256());
        evaluated.put("profile", evaluation.ruleSet().profile());
        evaluated.put("verdict", evaluation.verdict().name());
        evaluated.put("findings", evaluation.findings().size());
        evaluated.put("waived", evaluation.waived().stream().map(f -> f.waiver().id()).distinct().toList());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into declarations (id, team, product_id, declaration_id, product_name, product_version, source,
                        format, content, sha256, submitted_by, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(declarationId, caller.team(), model.product().id(), model.id(), model.product().name(),
                            model.product().version(), source, document.format(), document.bytes(), document.sha256(),
                            caller.name(), time(submittedAt))
                    .update();
            jdbc.sql("""
                    insert into evaluations (id, declaration, rule_set, profile, evaluated_at, verdict, finding_count,
                        findings, expired_waivers)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(evaluationId, declarationId, ruleSet.identity().sha256(), evaluation.ruleSet().profile(),
                            time(evaluation.evaluatedAt()), evaluation.verdict().name(), evaluation.findings().size(),
                            findings, expiredWaivers)
                    .update();
            // Last in the transaction: the audit append holds the chain's lock until commit.
            audit.append(List.of(
                    new AuditLog.Event(caller.name(), "declaration.submitted", "declaration/" + declarationId, submitted),
                    new AuditLog.Event(caller.name(), "evaluation.completed", "evaluation/" + evaluationId, evaluated)));
        });
        submissions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        var declaration = new StoredEvaluation.StoredDeclaration(declarationId, model.id(), model.product().id(),
                model.product().name(), model.product().version(), caller.team(), source, document.format(), bytes.length,
                document.sha256(), caller.name(), submittedAt);
        return view(evaluationId, evaluation.verdict(), evaluation.evaluatedAt(), evaluation.ruleSet(), declaration,
                evaluation.findings());
    }

    /** The evaluation, if it exists and the caller may see it. */
    public Optional<StoredEvaluation> evaluation(UUID id, Caller caller) {
        return row(id, caller).map(Row::view);
    }

    /** Every version of the product the caller may see, oldest first; empty when there is none. */
    public Optional<ProductHistory> history(String productId, Caller caller) {
        StringBuilder sql = new StringBuilder("""
                select e.id, d.id, d.product_version, d.team, d.sha256, d.submitted_by, d.submitted_at, r.version,
                       e.verdict, e.finding_count
                from declarations d join evaluations e on e.declaration = d.id join rule_sets r on r.sha256 = e.rule_set
                where d.product_id = ?""");
        List<Object> params = new ArrayList<>(List.of(productId));
        scope(sql, params, caller);
        sql.append(" order by d.submitted_at, e.evaluated_at, e.id");
        List<ProductHistory.Version> versions = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ProductHistory.Version(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5).strip(), rs.getString(6), instant(rs, 7),
                        rs.getString(8), Verdict.valueOf(rs.getString(9)), rs.getInt(10)))
                .list();
        return versions.isEmpty() ? Optional.empty() : Optional.of(new ProductHistory(productId, versions));
    }

    /**
     * The difference in findings between two evaluations of the product; by default the two latest. Empty when
     * either does not exist, is not the product's, or is not the caller's to see.
     */
    public Optional<FindingsDiff> diff(String productId, UUID from, UUID to, Caller caller) {
        if (from == null || to == null) {
            List<ProductHistory.Version> versions = history(productId, caller).map(ProductHistory::versions).orElse(List.of());
            if (versions.isEmpty()) {
                return Optional.empty();
            }
            to = to != null ? to : versions.get(versions.size() - 1).evaluationId();
            if (from == null) {
                UUID latest = to;
                List<UUID> before = versions.stream().map(ProductHistory.Version::evaluationId).takeWhile(id -> !id.equals(latest)).toList();
                from = before.isEmpty() ? to : before.get(before.size() - 1);
            }
        }
        Optional<Row> older = row(from, caller).filter(r -> r.productId().equals(productId));
        Optional<Row> newer = row(to, caller).filter(r -> r.productId().equals(productId));
        if (older.isEmpty() || newer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FindingsDiff.of(productId, from, older.get().findings(), to, newer.get().findings()));
    }

    /**
     * A report of the evaluation, rendered on first request and then kept; every download is audited.
     */
    public Optional<RenderedReport> report(UUID id, ReportFormat format, Caller caller) {
        Optional<Row> found = row(id, caller);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        StoredReport stored = storedReport(id, format).orElseGet(() -> render(row, format));
        String fileName = safeFileName(row.declarationId()) + "-" + id.toString().substring(0, 8) + "." + format.extension();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("sha256", stored.sha256());
        details.put("size", stored.content().length);
        audit.append(caller.name(), "report.downloaded", "evaluation/" + id, details);
        return Optional.of(new RenderedReport(format, fileName, stored.content(), stored.sha256()));
    }

    private record StoredReport(byte[] content, String sha256) {
    }

    private Optional<StoredReport> storedReport(UUID id, ReportFormat format) {
        return jdbc.sql("select content, sha256 from reports where evaluation = ? and format = ?")
                .params(id, format.extension())
                .query((rs, n) -> new StoredReport(rs.getBytes(1), rs.getString(2).strip()))
                .optional();
    }

    private StoredReport render(Row row, ReportFormat format) {
        DeclarationDocument document;
        try {
            document = reader.read(row.content(), row.source());
        } catch (InvalidDeclarationException e) {
            throw new IllegalStateException("stored declaration " + row.declarationUuid() + " no longer reads: " + e.getMessage(), e);
        }
        var rulesOf = row.ruleSet().profile() == null
                ? jdbc.sql("select rules from rule_sets where sha256 = ?").param(row.ruleSet().sha256())
                : jdbc.sql("select rules from rule_set_profiles where sha256 = ? and profile = ?")
                        .params(row.ruleSet().sha256(), row.ruleSet().profile());
        List<RuleInfo> rulesEvaluated = rulesOf.query(String.class).optional()
                .map(text -> JSON.readValue(text, RULES)).orElse(List.of());
        // Stored findings keep the waiver applied at submission, and the expired waivers it listed: the report says so.
        Evaluation evaluation = new Evaluation(document, row.ruleSet(), rulesEvaluated, row.findings(), row.evaluatedAt(),
                row.expiredWaivers());
        Report report = Report.of(evaluation);
        byte[] bytes = switch (format) {
            case PDF -> pdf.write(report);
            case JSON -> json.write(report);
            case SARIF -> sarif.write(report, document, row.source());
        };
        String sha256 = sha256(bytes);
        try {
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "insert into reports (evaluation, format, content, sha256, rendered_at) values (?, ?, ?, ?, ?)")
                    .params(row.id(), format.extension(), bytes, sha256, time(clock.instant()))
                    .update());
        } catch (DuplicateKeyException e) {
            // Rendered at the same time by another request or instance: serve what was kept first.
            return storedReport(row.id(), format).orElseThrow();
        }
        return new StoredReport(bytes, sha256);
    }

    /** Keeps the evaluated rules' metadata once per rule set, so its reports can be rendered after a reload. */
    private void storeRuleSet(RuleSet ruleSet) {
        String sha256 = ruleSet.identity().sha256();
        if (storedRuleSets.contains(sha256)) {
            return;
        }
        boolean present = jdbc.sql("select count(*) from rule_sets where sha256 = ?").param(sha256).query(Long.class).single() > 0;
        if (!present) {
            try {
                transaction.executeWithoutResult(status -> jdbc.sql(
                                "insert into rule_sets (sha256, name, version, rules, first_seen) values (?, ?, ?, ?, ?)")
                        .params(sha256, ruleSet.identity().name(), ruleSet.identity().version(),
                                JSON.writeValueAsString(ruleSet.rules()), time(clock.instant()))
                        .update());
            } catch (DuplicateKeyException e) {
                // Another instance stored the same rule set first: same content, nothing to do.
            }
        }
        storedRuleSets.add(sha256);
    }

    /** Keeps the rules' metadata under the evaluation's profile once per rule set and profile, like {@link #storeRuleSet}. */
    private void storeProfile(Evaluation evaluation) {
        RuleSetIdentity identity = evaluation.ruleSet();
        if (identity.profile() == null || !storedRuleSets.add(identity.sha256() + "/" + identity.profile())) {
            return;
        }
        boolean present = jdbc.sql("select count(*) from rule_set_profiles where sha256 = ? and profile = ?")
                .params(identity.sha256(), identity.profile()).query(Long.class).single() > 0;
        if (!present) {
            try {
                transaction.executeWithoutResult(status -> jdbc.sql(
                                "insert into rule_set_profiles (sha256, profile, rules) values (?, ?, ?)")
                        .params(identity.sha256(), identity.profile(), JSON.writeValueAsString(evaluation.rulesEvaluated()))
                        .update());
            } catch (DuplicateKeyException e) {
                // Another instance stored the same profile first: same content, nothing to do.
            }
        }
    }

    /** One evaluation with its declaration, as read for the caller. */
    private record Row(UUID id, UUID declarationUuid, String declarationId, String productId, String productName,
                       String productVersion, String team, String source, String format, byte[] content, String sha256,
                       String submittedBy, Instant submittedAt, RuleSetIdentity ruleSet, Instant evaluatedAt,
                       Verdict verdict, List<Finding> findings, List<Waiver> expiredWaivers) {

        StoredEvaluation view() {
            var declaration = new StoredEvaluation.StoredDeclaration(declarationUuid, declarationId, productId, productName,
                    productVersion, team, source, format, content.length, sha256, submittedBy, submittedAt);
            return Submissions.view(id, verdict, evaluatedAt, ruleSet, declaration, findings);
        }
    }

    private Optional<Row> row(UUID id, Caller caller) {
        if (id == null) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("""
                select e.id, d.id, d.declaration_id, d.product_id, d.product_name, d.product_version, d.team, d.source,
                       d.format, d.content, d.sha256, d.submitted_by, d.submitted_at, r.name, r.version, r.sha256,
                       e.evaluated_at, e.verdict, e.findings, e.expired_waivers, e.profile
                from evaluations e join declarations d on d.id = e.declaration join rule_sets r on r.sha256 = e.rule_set
                where e.id = ?""");
        List<Object> params = new ArrayList<>(List.of(id));
        scope(sql, params, caller);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getBytes(10), rs.getString(11).strip(),
                rs.getString(12), instant(rs, 13),
                new RuleSetIdentity(rs.getString(14), rs.getString(15), rs.getString(16).strip(), rs.getString(21)),
                instant(rs, 17), Verdict.valueOf(rs.getString(18)), JSON.readValue(rs.getString(19), FINDINGS),
                rs.getString(20) == null ? List.of() : JSON.readValue(rs.getString(20), WAIVERS)))
                .optional();
    }

    /** A product team's user reads its own team's rows only. */
    private static void scope(StringBuilder sql, List<Object> params, Caller caller) {
        if (caller.limitedToTeam()) {
            sql.append(" and d.team = ?");
            params.add(caller.team());
        }
    }

    private static StoredEvaluation view(UUID id, Verdict verdict, Instant evaluatedAt, RuleSetIdentity ruleSet,
                                         StoredEvaluation.StoredDeclaration declaration, List<Finding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            // Open findings only, as the verdict: waived ones carry their waiver in the findings list.
            counts.put(severity, findings.stream().filter(f -> !f.waived() && f.severity() == severity).count());
        }
        Map<String, String> reports = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            reports.put(format.extension(), "/api/v1/evaluations/" + id + "/report." + format.extension());
        }
        return new StoredEvaluation(id, verdict, counts, evaluatedAt,
                new StoredEvaluation.RuleSetRef(ruleSet.name(), ruleSet.version(), ruleSet.sha256(), ruleSet.profile()),
                declaration,
                findings, reports);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static String safeFileName(String id) {
        String name = id == null ? "declaration" : id.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name : name;
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
