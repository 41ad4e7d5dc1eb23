package org.tcentre.gdpr.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.impact.ImpactReport.DeclarationError;
import org.tcentre.gdpr.impact.ImpactReport.DeclarationImpact;
import org.tcentre.gdpr.impact.ImpactReport.FindingRef;
import org.tcentre.gdpr.impact.ImpactReport.ProductImpact;
import org.tcentre.gdpr.impact.ImpactReport.SeverityChange;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.rules.Severity;

/**
 * The impact preview over the four shipped examples and a broken file, with a candidate that removes TRF-002, raises
 * LAW-006 to HIGH and lowers the direct-marketing retention ceiling to one year.
 */
class ImpactPreviewTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    static RuleSet current;
    static RuleSet candidate;
    static Path declarations;

    @BeforeAll
    static void load(@TempDir Path temp) throws Exception {
        current = new RuleSetLoader().load(Path.of("rules"));
        candidate = new RuleSetLoader().load(CandidateRules.changed(temp.resolve("candidate")));
        declarations = CandidateRules.copy(Path.of("docs/examples"), temp.resolve("declarations"));
        Files.createDirectories(declarations.resolve("more"));
        Files.writeString(declarations.resolve("more/broken.yaml"), "formatVersion: 1\nid: broken\nproduct: [\n");
        Files.writeString(declarations.resolve("README.txt"), "not a declaration: skipped");
    }

    static final String RETENTION = "Retention longer than the ceiling for this kind of data";

    /** What the candidate changes, per product: exactly this, nothing else. */
    static final List<ProductImpact> EXPECTED = List.of(
            new ProductImpact("kestrel-hire", List.of(new DeclarationImpact("hr-recruiting.yaml", "kestrel-hire", "2026.2",
                    List.of(), List.of(),
                    List.of(new SeverityChange("LAW-006", Severity.MEDIUM, Severity.HIGH, "internal-mobility",
                            "/activities/2/legalBasis", "Consent relied on for employees' data"))))),
            new ProductImpact("pulse-band", List.of(new DeclarationImpact("fitness-tracker.yaml", "pulse-band", "3.1",
                    List.of(new FindingRef("PRIN-004", Severity.HIGH, "marketing-offers", "/activities/3/data/0", RETENTION),
                            new FindingRef("PRIN-004", Severity.HIGH, "marketing-offers", "/activities/3/data/1", RETENTION),
                            new FindingRef("PRIN-004", Severity.HIGH, "marketing-offers", "/activities/3/data/2", RETENTION)),
                    List.of(new FindingRef("TRF-002", Severity.HIGH, "crash-diagnostics", "/activities/5/transfers/0/mechanism",
                            "Adequacy claimed without an adequacy decision")),
                    List.of()))));

    @Test
    void reports_per_product_the_findings_that_appear_disappear_and_change_severity() throws Exception {
        List<ImpactPreview.Progress> progress = new ArrayList<>();
        ImpactReport report = new ImpactPreview(current, candidate, CLOCK, 2).run(
                new DeclarationFolder(declarations, new DeclarationReader()), progress::add);

        assertThat(report.products()).isEqualTo(EXPECTED);
        assertThat(report.errors()).containsExactly(new DeclarationError("more/broken.yaml",
                "line 3, column 11: YAML syntax error: while parsing a flow node; expected the node content, but found '<stream end>'"));
        var summary = report.summary();
        assertThat(List.of(summary.declarations(), summary.products(), summary.productsChanged(), summary.appearing(),
                summary.disappearing(), summary.severityChanged(), summary.errors())).containsExactly(5L, 4L, 2L, 3L, 1L, 1L, 1L);
        assertThat(report.current().sha256()).isEqualTo(current.identity().sha256());
        assertThat(report.candidate().sha256()).isEqualTo(candidate.identity().sha256());
        assertThat(report.source()).isEqualTo("every declaration file in " + declarations);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new ImpactPreview.Progress(5, 5, progress.get(progress.size() - 1).perSecond()));
    }

    @Test
    void the_same_rule_set_on_both_sides_changes_nothing() throws Exception {
        ImpactReport report = new ImpactPreview(current, current, CLOCK, 2).run(
                new DeclarationFolder(declarations, new DeclarationReader()), p -> { });
        assertThat(report.products()).isEmpty();
        assertThat(report.summary().declarations()).isEqualTo(5);
        assertThat(report.summary().errors()).isEqualTo(1);
    }

    @Test
    void one_worker_and_four_give_the_same_report_run_after_run() throws Exception {
        var source = new DeclarationFolder(declarations, new DeclarationReader());
        ImpactReport sequential = new ImpactPreview(current, candidate, CLOCK, 1).run(source, p -> { });
        for (int run = 0; run < 3; run++) {
            ImpactReport parallel = new ImpactPreview(current, candidate, CLOCK, 4).run(source, p -> { });
            assertThat(parallel.products()).isEqualTo(sequential.products()).isEqualTo(EXPECTED);
            assertThat(parallel.errors()).isEqualTo(sequential.errors());
            assertThat(ImpactReportWriter.text(parallel).replaceAll("in [0-9.]+ s \\([0-9,]+/s\\)", "in T"))
                    .isEqualTo(ImpactReportWriter.text(sequential).replaceAll("in [0-9.]+ s \\([0-9,]+/s\\)", "in T"));
        }
    }

    @Test
    void stored_declarations_default_to_the_latest_of_each_product_and_can_include_every_version() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:impact-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        try (var connection = db.getConnection()) {
            connection.createStatement().execute("insert into teams (name, created_at) values ('A', current_timestamp)");
        }
        String fitness = Files.readString(Path.of("docs/examples/fitness-tracker.yaml"));
        // Version 3.0 of pulse-band declared no crash-diagnostics transfer problem worth keeping: it is superseded by 3.1.
        UUID old = store(db, "fitness-tracker.yaml", fitness.replace("version: \"3.1\"", "version: \"3.0\""), 1);
        UUID latest = store(db, "fitness-tracker.yaml", fitness, 2);
        UUID hr = store(db, "hr-recruiting.yaml", Files.readString(Path.of("docs/examples/hr-recruiting.yaml")), 3);
        UUID broken = store(db, "broken.json", "{\"formatVersion\": 1, \"id\": \"x\", \"product\": {\"id\": \"p\"}, \"surprise\": 1}", 4);

        ImpactReport latestOnly = new ImpactPreview(current, candidate, CLOCK, 2).run(new StoredDeclarations(db, false), p -> { });
        assertThat(latestOnly.source()).isEqualTo("the latest stored declaration of each product");
        assertThat(latestOnly.products()).extracting(ProductImpact::productId).containsExactly("kestrel-hire", "pulse-band");
        assertThat(latestOnly.products().get(0).declarations()).extracting(DeclarationImpact::declaration).containsExactly(hr.toString());
        assertThat(latestOnly.products().get(1).declarations()).extracting(DeclarationImpact::declaration).containsExactly(latest.toString());
        assertThat(latestOnly.products().get(1).declarations().get(0).appearing()).isEqualTo(EXPECTED.get(1).declarations().get(0).appearing());
        assertThat(latestOnly.errors()).containsExactly(new DeclarationError(broken.toString(),
                "(document): the stored declaration no longer reads: Unrecognized property \"surprise\" (class org.tcentre.gdpr.declaration.Declaration), not marked as ignorable"));
        assertThat(latestOnly.summary().declarations()).isEqualTo(3);

        ImpactReport all = new ImpactPreview(current, candidate, CLOCK, 2).run(new StoredDeclarations(db, true), p -> { });
        assertThat(all.summary().declarations()).isEqualTo(4);
        assertThat(all.products().get(1).declarations()).extracting(DeclarationImpact::declaration, DeclarationImpact::productVersion)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(old.toString(), "3.0"),
                        org.assertj.core.groups.Tuple.tuple(latest.toString(), "3.1"));
    }

    @Test
    void the_trusted_reader_gives_the_rules_the_same_facts_as_the_validating_reader() throws Exception {
        var check = new DeclarationCheck(CLOCK);
        var validating = new DeclarationReader();
        try (var examples = Files.list(Path.of("docs/examples"))) {
            for (Path example : examples.sorted().toList()) {
                byte[] yaml = Files.readAllBytes(example);
                var full = validating.read(yaml, example.getFileName().toString());
                byte[] json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(full.tree());
                for (var fast : List.of(validating.readStored(yaml, "d.yaml", "yaml", full.sha256()),
                        validating.readStored(json, "d.json", "json", "x"))) {
                    assertThat(fast.model().toString()).isEqualTo(full.model().toString());
                    assertThat(check.check(fast, current).findings()).as(example.toString())
                            .isEqualTo(check.check(full, current).findings());
                }
            }
        }
    }

    private static UUID store(JdbcDataSource db, String source, String content, int minute) throws Exception {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection(); var insert = connection.prepareStatement("""
                insert into declarations (id, team, product_id, declaration_id, product_name, product_version, source, format,
                    content, sha256, submitted_by, submitted_at) values (?, 'A', ?, 'd', 'n', 'v', ?, ?, ?, ?, 'alice', ?)""")) {
            String productId = content.contains("pulse-band") ? "pulse-band" : content.contains("kestrel-hire") ? "kestrel-hire" : "p";
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            insert.setObject(1, id);
            insert.setString(2, productId);
            insert.setString(3, source);
            insert.setString(4, source.endsWith(".json") ? "json" : "yaml");
            insert.setBytes(5, bytes);
            insert.setString(6, org.tcentre.gdpr.declaration.Sha256.hex(bytes));
            insert.setObject(7, OffsetDateTime.of(2026, 11, 28, 9, minute, 0, 0, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }
}
