package org.tcentre.gdpr.bench;

import org.tcentre.gdpr.TempDirectories;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tcentre.gdpr.declaration.Sha256;
import org.tcentre.gdpr.impact.CandidateRules;
import org.tcentre.gdpr.impact.ImpactPreview;
import org.tcentre.gdpr.impact.ImpactReport;
import org.tcentre.gdpr.impact.ImpactReportWriter;
import org.tcentre.gdpr.impact.StoredDeclarations;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.system.AdminContext;

/**
 * The impact preview at scale: stores {@code bench.declarations} (100,000) ten-activity declarations, one product
 * each, in the service's embedded H2 database under a temporary data directory (JDBC batches; not measured), then
 * previews a candidate rule set (TRF-002 removed, LAW-006 raised to HIGH, the direct-marketing retention ceiling
 * lowered to a year) against them {@code bench.runs} times in the same JVM, printing each run's wall time,
 * declarations per second and the split fetch / read / evaluate.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Xmx4g -cp %classpath org.tcentre.gdpr.bench.ImpactPreviewBenchmark"}.
 */
public final class ImpactPreviewBenchmark {

    static final int DECLARATIONS = Integer.getInteger("bench.declarations", 100_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);

    private ImpactPreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("gdpr-impact-bench-");
        try (ConfigurableApplicationContext context = AdminContext.open("--gdpr.data-dir=" + data.toAbsolutePath())) {
            DataSource db = context.getBean(DataSource.class);
            long generating = System.nanoTime();
            long bytes = store(db, DECLARATIONS);
            System.out.printf(Locale.ROOT, "stored %,d declarations (%,d MB of JSON) in %.1f s%n", DECLARATIONS,
                    bytes / (1024 * 1024), (System.nanoTime() - generating) / 1e9);

            RuleSet current = new RuleSetLoader().load(Path.of("rules"));
            RuleSet candidate = new RuleSetLoader().load(CandidateRules.changed(data.resolve("candidate")));
            int workers = Integer.getInteger("bench.workers", Runtime.getRuntime().availableProcessors());
            List<Double> seconds = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 1; run <= RUNS; run++) {
                long cpuBefore = os.getProcessCpuTime();
                var preview = new ImpactPreview(current, candidate, Clock.systemUTC(), workers);
                ImpactReport report = preview.run(new StoredDeclarations(db, false), p -> System.err.printf(Locale.ROOT,
                        "%,d / %,d declarations (%,d/s)%n", p.done(), p.total(), p.perSecond()));
                double processCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
                var s = report.summary();
                seconds.add(s.seconds());
                System.out.printf(Locale.ROOT, "run %d: %s%n", run, ImpactReportWriter.summaryLine(s));
                System.out.printf(Locale.ROOT, "       %d workers; fetch %.1f s (one thread), read %.1f s, evaluate %.1f s "
                                + "(summed over the workers); %,d products, heap used %,d MB%n", s.timings().workers(),
                        s.timings().fetch(), s.timings().read(), s.timings().evaluate(), s.products(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
                System.out.printf(Locale.ROOT, "       CPU: workers %.1f s, whole process %.1f s = %.0f us per declaration: "
                                + "two idle cores would take about %.1f s (%,d/s)%n", s.timings().workersCpu(), processCpu,
                        processCpu * 1e6 / s.declarations(), processCpu / 2, Math.round(s.declarations() / (processCpu / 2)));
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            System.out.printf(Locale.ROOT, "median of %d runs: %.1f s, %,d declarations/s%n", RUNS, median,
                    Math.round(DECLARATIONS / median));
        } finally {
            TempDirectories.delete(data);
        }
    }

    /**
     * 100,000 products, each with one ten-activity declaration (the fitness example's activities repeated), varied:
     * every product has its own id and name, and one in three keeps its marketing data for six months instead of two
     * years, so the lowered ceiling changes some products and not others.
     */
    static long store(DataSource db, int count) throws Exception {
        String template = new String(BenchmarkDeclarations.withActivities(10), StandardCharsets.UTF_8);
        long total = 0;
        OffsetDateTime start = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement team = connection.prepareStatement("insert into teams (name, created_at) values ('Bench', ?)")) {
                team.setObject(1, start);
                team.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into declarations (id, team, product_id, declaration_id, product_name, product_version, source,
                        format, content, sha256, submitted_by, submitted_at)
                    values (?, 'Bench', ?, 'fitness-tracker', ?, '3.1', 'declaration.json', 'json', ?, ?, 'bench', ?)""")) {
                for (int i = 0; i < count; i++) {
                    String product = String.format(Locale.ROOT, "product-%06d", i);
                    String json = template.replace("pulse-band", product).replace("Pulse Band", "Band " + i);
                    if (i % 3 == 0) {
                        json = json.replace("\"P2Y\"", "\"P6M\"");
                    }
                    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                    total += bytes.length;
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, product);
                    insert.setString(3, "Band " + i);
                    insert.setBytes(4, bytes);
                    insert.setString(5, Sha256.hex(bytes));
                    insert.setObject(6, start.plusSeconds(i));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return total;
    }
}
