package org.tcentre.gdpr.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;
import org.tcentre.gdpr.TestDatabases;
import org.tcentre.gdpr.TestDatabases.TestDatabase;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.system.ActiveRuleSet;
import org.tcentre.gdpr.system.ServiceProperties;
import org.tcentre.gdpr.waiver.Waivers;

/**
 * Submissions stored and read back, on the embedded default database and on a real PostgreSQL: the exact
 * bytes, team scoping, history and differences, reports regenerated from what is stored, and a failure
 * between storing the declaration and its evaluation leaving nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionsTest {

    static final Path FITNESS = Path.of("docs/examples/fitness-tracker.yaml");
    private final Map<String, Setup> setups = new HashMap<>();

    record Setup(TestDatabase db, Submissions submissions, AuditLog audit, Caller teamA, Caller teamB, Caller officer,
                 Waivers waivers) {
    }

    private static final PdfReportWriter PDF = new PdfReportWriter(ReportWording.load(Path.of("reports")));
    private static RuleSet ruleSet;

    @BeforeAll
    void start() throws Exception {
        for (String kind : kinds().toList()) {
            setups.put(kind, setup(TestDatabases.of(kind)));
        }
    }

    /** The service's persistence on a database, built by hand as Spring would, with three users. */
    static Setup setup(TestDatabase db) throws Exception {
        var properties = new ServiceProperties(Path.of("data"), Path.of("rules"), Path.of("reports"),
                DataSize.ofMegabytes(2), Duration.ofSeconds(10), 0);
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        var audit = new AuditLog(db.jdbc(), db.transactions(), clock);
        synchronized (SubmissionsTest.class) {
            if (ruleSet == null) {
                ruleSet = new RuleSetLoader().load(properties.rules());
            }
        }
        var rules = new ActiveRuleSet(properties, audit, db.jdbc(), db.transactions(), clock, ruleSet);
        var waivers = new Waivers(db.jdbc(), db.transactions(), audit, clock);
        var submissions = new Submissions(new DeclarationReader(), new DeclarationCheck(clock), rules, audit, db.jdbc(),
                db.transactions(), clock, PDF, new SimpleMeterRegistry(), waivers, new SubmissionGate(0));
        var users = new UserAccounts(db.jdbc(), db.transactions(), audit, clock);
        return new Setup(db, submissions, audit,
                users.add("alice", Role.PRODUCT_TEAM, "Team A", "test").user(),
                users.add("bob", Role.PRODUCT_TEAM, "Team B", "test").user(),
                users.add("olga", Role.PRIVACY_OFFICER, null, "test").user(), waivers);
    }

    @AfterAll
    void stop() {
        setups.values().forEach(s -> s.db().close());
    }

    static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_submission_keeps_the_exact_bytes_and_reads_back_as_answered(String kind) throws Exception {
        Setup s = setups.get(kind);
        byte[] bytes = Files.readAllBytes(FITNESS);
        StoredEvaluation answered = s.submissions().submit(bytes, "fitness-tracker.yaml", s.teamA());

        byte[] stored = s.db().jdbc().sql("select content from declarations where id = ?")
                .param(answered.declaration().id()).query(byte[].class).single();
        assertThat(stored).isEqualTo(bytes);
        assertThat(answered.declaration().sha256()).isEqualTo(Submissions.sha256(bytes));
        assertThat(answered.verdict().name()).isEqualTo("NON_COMPLIANT");
        assertThat(s.submissions().evaluation(answered.id(), s.teamA())).contains(answered);
        assertThat(s.submissions().evaluation(answered.id(), s.officer())).contains(answered);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_waiver_applies_to_later_submissions_of_its_product_until_revoked_and_stored_findings_keep_it(String kind)
            throws Exception {
        Setup s = setups.get(kind);
        String product = "waived-band-" + kind;
        byte[] bytes = Files.readString(FITNESS).replace("pulse-band", product).getBytes(StandardCharsets.UTF_8);
        var granted = s.waivers().add(new Waivers.Request(product, "SEC-006", null, "Penetration test booked.",
                "J. Novak, DPO", s.waivers().today().plusDays(30)), s.officer().name());
        s.waivers().add(new Waivers.Request("another-band", "LAW-002", null, "Not this product.", "J. Novak, DPO",
                s.waivers().today().plusDays(30)), s.officer().name());

        StoredEvaluation waived = s.submissions().submit(bytes, "waived.yaml", s.teamA());
        var sec006 = waived.findings().stream().filter(f -> f.ruleId().equals("SEC-006")).findFirst().orElseThrow();
        assertThat(sec006.waiver().id()).isEqualTo(granted.id());
        assertThat(waived.findings().stream().filter(f -> f.waived()).count()).isEqualTo(1);
        // Under the health-data profile the fitness tracker has eight HIGH findings (SEC-006 among them) and one MEDIUM.
        assertThat(waived.counts().get(org.tcentre.gdpr.rules.Severity.HIGH)).isEqualTo(7);
        assertThat(waived.counts().get(org.tcentre.gdpr.rules.Severity.MEDIUM)).isEqualTo(1);
        // Read back and rendered later, the finding still carries its waiver.
        assertThat(s.submissions().evaluation(waived.id(), s.officer()).orElseThrow().findings()).isEqualTo(waived.findings());
        String json = new String(s.submissions().report(waived.id(), ReportFormat.JSON, s.officer()).orElseThrow().content(),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\": \"" + granted.id() + "\"", "\"findings\": 1,");

        s.waivers().revoke(granted.id(), s.officer().name());
        StoredEvaluation after = s.submissions().submit(bytes, "after.yaml", s.teamA());
        assertThat(after.findings()).noneMatch(f -> f.waived());
        assertThat(after.counts().get(org.tcentre.gdpr.rules.Severity.HIGH)).isEqualTo(8);
        // The evaluation made while the waiver held is unchanged by the revocation.
        assertThat(s.submissions().evaluation(waived.id(), s.officer()).orElseThrow().findings()).isEqualTo(waived.findings());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void another_team_sees_nothing_of_it(String kind) throws Exception {
        Setup s = setups.get(kind);
        StoredEvaluation answered = s.submissions().submit(Files.readAllBytes(FITNESS), "fitness-tracker.yaml", s.teamA());

        assertThat(s.submissions().evaluation(answered.id(), s.teamB())).isEmpty();
        assertThat(s.submissions().report(answered.id(), ReportFormat.JSON, s.teamB())).isEmpty();
        assertThat(s.submissions().history("pulse-band", s.teamB())).isEmpty();
        assertThat(s.submissions().diff("pulse-band", answered.id(), answered.id(), s.teamB())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void history_lists_every_version_and_the_diff_names_new_resolved_and_unchanged_findings(String kind) throws Exception {
        Setup s = setups.get(kind);
        String yaml = Files.readString(FITNESS).replace("pulse-band", "history-band-" + kind);
        StoredEvaluation v1 = s.submissions().submit(yaml.getBytes(StandardCharsets.UTF_8), "v1.yaml", s.teamA());
        String fixed = yaml.replace("recorded: false      # the location", "recorded: true      # the location")
                .replace("version: \"3.1\"", "version: \"3.2\"");
        StoredEvaluation v2 = s.submissions().submit(fixed.getBytes(StandardCharsets.UTF_8), "v2.yaml", s.teamA());

        ProductHistory history = s.submissions().history("history-band-" + kind, s.teamA()).orElseThrow();
        assertThat(history.versions()).extracting(ProductHistory.Version::evaluationId).containsExactly(v1.id(), v2.id());
        assertThat(history.versions()).extracting(ProductHistory.Version::productVersion).containsExactly("3.1", "3.2");

        FindingsDiff diff = s.submissions().diff("history-band-" + kind, null, null, s.teamA()).orElseThrow();
        assertThat(diff.from()).isEqualTo(v1.id());
        assertThat(diff.to()).isEqualTo(v2.id());
        assertThat(diff.resolved()).extracting(f -> f.ruleId()).containsExactly("CON-001");
        assertThat(diff.newFindings()).isEmpty();
        assertThat(diff.unchanged()).hasSize(v1.findings().size() - 1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reports_are_regenerated_from_the_stored_evaluation_and_then_kept(String kind) throws Exception {
        Setup s = setups.get(kind);
        StoredEvaluation answered = s.submissions().submit(Files.readAllBytes(FITNESS), "fitness-tracker.yaml", s.teamA());

        RenderedReport json = s.submissions().report(answered.id(), ReportFormat.JSON, s.teamA()).orElseThrow();
        RenderedReport again = s.submissions().report(answered.id(), ReportFormat.JSON, s.officer()).orElseThrow();
        assertThat(again.content()).isEqualTo(json.content());
        String text = new String(json.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"verdict\"", answered.declaration().sha256(), "CON-001");
        assertThat(new String(s.submissions().report(answered.id(), ReportFormat.PDF, s.teamA()).orElseThrow().content(),
                0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(s.submissions().report(answered.id(), ReportFormat.SARIF, s.teamA()).orElseThrow().content(),
                StandardCharsets.UTF_8)).contains("\"version\": \"2.1.0\"", "CON-001");
        assertThat(s.db().jdbc().sql("select count(*) from reports where evaluation = ?").param(answered.id())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(s.audit().verify().intact()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_failure_between_storing_the_declaration_and_its_evaluation_leaves_nothing_behind(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.of(kind)) {
            crashBetween(setup(db));
        }
    }

    private static void crashBetween(Setup s) throws Exception {
        long declarations = count(s, "declarations");
        long evaluations = count(s, "evaluations");
        long audit = count(s, "audit_log");
        // The declaration row goes in, then the evaluation row fails: as if the process died between the two.
        s.db().jdbc().sql("alter table evaluations add constraint crash_between check (verdict <> 'NON_COMPLIANT')").update();
        try {
            assertThatThrownBy(() -> s.submissions().submit(Files.readAllBytes(FITNESS), "fitness-tracker.yaml", s.teamA()))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            s.db().jdbc().sql("alter table evaluations drop constraint crash_between").update();
        }
        assertThat(count(s, "declarations")).isEqualTo(declarations);
        assertThat(count(s, "evaluations")).isEqualTo(evaluations);
        assertThat(count(s, "audit_log")).isEqualTo(audit);
        assertThat(s.audit().verify().intact()).isTrue();
        // And the next submission goes through whole.
        s.submissions().submit(Files.readAllBytes(FITNESS), "fitness-tracker.yaml", s.teamA());
        assertThat(count(s, "declarations")).isEqualTo(declarations + 1);
        assertThat(count(s, "evaluations")).isEqualTo(evaluations + 1);
    }

    private static long count(Setup s, String table) {
        return s.db().jdbc().sql("select count(*) from " + table).query(Long.class).single();
    }
}
