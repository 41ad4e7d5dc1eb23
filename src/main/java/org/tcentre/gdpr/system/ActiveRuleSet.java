package org.tcentre.gdpr.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tcentre.gdpr.audit.AuditLog;
import org.tcentre.gdpr.rulecases.RuleCaseResult;
import org.tcentre.gdpr.rulecases.RuleTestRun;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.rules.RuleSetIdentity;
import org.tcentre.gdpr.rules.RuleSetLoader;
import org.tcentre.gdpr.rules.RuleSetProblem;

/**
 * The rule set in service: loaded from {@code gdpr.rules} at start-up (a rule set that does not load stops
 * the service from starting) and held in an {@link AtomicReference}, so evaluations never see half a rule set.
 *
 * <p>A reload compiles the directory again, runs its rule tests, and swaps only if both pass; it is audited
 * either way. Which rule
 * set is active is also recorded in the database ({@code active_rule_set}), so that instances sharing one
 * database converge: each checks every {@code gdpr.rule-set-poll-interval} and, when another instance activated
 * a different rule set, reloads its own directory and swaps when that yields the same SHA-256.
 */
@Component
public class ActiveRuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleSet.class);

    /** A rule set and when this instance put it in service. */
    public record Loaded(RuleSet ruleSet, Instant loadedAt) {
    }

    private final ServiceProperties properties;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private volatile String lastMismatch;

    @Autowired
    public ActiveRuleSet(ServiceProperties properties, AuditLog audit, JdbcClient jdbc,
                         PlatformTransactionManager transactions, Clock clock) throws RuleSetException {
        this(properties, audit, jdbc, transactions, clock, new RuleSetLoader().load(properties.rules()));
    }

    /** With a rule set already loaded from {@code properties.rules()} (tests share one compilation). */
    public ActiveRuleSet(ServiceProperties properties, AuditLog audit, JdbcClient jdbc,
                         PlatformTransactionManager transactions, Clock clock, RuleSet loaded) {
        this.properties = properties;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        current.set(new Loaded(loaded, clock.instant()));
        if (!loaded.identity().sha256().equals(activeInDatabase())) {
            activate(loaded, null, "system", "ruleset.activated", null);
        }
    }

    public RuleSet get() {
        return current.get().ruleSet();
    }

    public Loaded loaded() {
        return current.get();
    }

    /**
     * What a reload did.
     *
     * @param changed whether a different rule set went into service (false: the directory holds the one in service)
     * @param tests   the candidate's own rule tests, e.g. "593 passed, 0 failed"; {@code null} when unchanged
     */
    public record Reload(Loaded loaded, boolean changed, String tests) {
    }

    /**
     * Loads the rule-set directory again, runs the candidate's own rule tests, and puts it in service only if it
     * compiles and every test passes: one atomic swap, so an evaluation in flight finishes on the rule set it
     * started with. Audited either way; a directory holding the rule set already in service changes nothing.
     *
     * @throws RuleSetException with every problem (file and line, or the failing test cases) when the candidate
     *                          is refused; the rule set in service stays
     */
    public synchronized Reload reload(String actor) throws RuleSetException {
        RuleSet previous = get();
        Path directory = properties.rules();
        if (Files.isDirectory(directory) && RuleSetLoader.contentHash(directory).equals(previous.identity().sha256())) {
            return new Reload(loaded(), false, null);
        }
        RuleSet next;
        RuleTestRun tests;
        try (var snapshot = RuleDirectorySnapshot.of(directory)) {
            next = new RuleSetLoader().load(snapshot.path());
            tests = RuleTestRun.of(snapshot.path(), next);
            if (!tests.passed()) {
                throw new RuleSetException(testProblems(tests));
            }
        } catch (RuleSetException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("directory", directory.toString());
            details.put("problems", e.problems().stream().limit(20).map(Object::toString).toList());
            details.put("kept", identity(previous.identity()));
            audit.append(actor, "ruleset.reload-failed", subject(previous.identity()), details);
            throw e;
        }
        activate(next, previous, actor, "ruleset.reloaded", tests.summary());
        Loaded loaded = new Loaded(next, clock.instant());
        current.set(loaded);
        LOG.info("Now serving rule set {} {} ({}), reloaded by {}; rule tests: {}", next.identity().name(),
                next.identity().version(), next.identity().sha256(), actor, tests.summary());
        return new Reload(loaded, true, tests.summary());
    }

    /** Failing rule tests as problems: the cases file, the case and what differed. */
    private static List<RuleSetProblem> testProblems(RuleTestRun tests) {
        if (!tests.problems().isEmpty()) {
            return tests.problems();
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        for (RuleCaseResult failure : tests.failures()) {
            var ruleCase = failure.ruleCase();
            problems.add(new RuleSetProblem(ruleCase.file(), null, null, "rule test " + (ruleCase.index() + 1) + " ('"
                    + ruleCase.name() + "') fails: " + String.join("; ", failure.differences())));
        }
        return problems;
    }

    /** Follows a rule set another instance activated (see the class comment). */
    @Scheduled(initialDelayString = "${gdpr.rule-set-poll-interval:10s}", fixedDelayString = "${gdpr.rule-set-poll-interval:10s}")
    public synchronized void follow() {
        String active = activeInDatabase();
        if (active.equals(get().identity().sha256()) || active.equals(lastMismatch)) {
            return;
        }
        try (var snapshot = RuleDirectorySnapshot.of(properties.rules())) {
            RuleSet next = new RuleSetLoader().load(snapshot.path());
            if (next.identity().sha256().equals(active)) {
                current.set(new Loaded(next, clock.instant()));
                LOG.warn("Now serving rule set {} {} ({}), activated by another instance",
                        next.identity().name(), next.identity().version(), active);
                return;
            }
            LOG.warn("Another instance activated rule set {}, but {} here holds {}: keeping {}", active,
                    properties.rules(), next.identity().sha256(), get().identity().sha256());
        } catch (RuleSetException e) {
            LOG.warn("Another instance activated rule set {}, but {} here does not load: {}", active,
                    properties.rules(), e.getMessage());
        }
        lastMismatch = active;
    }

    private void activate(RuleSet next, RuleSet previous, String actor, String action, String tests) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update active_rule_set set sha256 = ?, activated_at = ?, activated_by = ? where id = 1")
                    .params(next.identity().sha256(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), actor)
                    .update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("ruleSet", identity(next.identity()));
            details.put("rules", next.rules().size());
            details.put("previous", previous == null ? null : identity(previous.identity()));
            details.put("directory", properties.rules().toString());
            if (tests != null) {
                details.put("ruleTests", tests);
            }
            audit.append(actor, action, subject(next.identity()), details);
        });
    }

    private String activeInDatabase() {
        return jdbc.sql("select sha256 from active_rule_set where id = 1").query(String.class).single().strip();
    }

    private static String subject(RuleSetIdentity identity) {
        return "ruleset/" + identity.sha256();
    }

    private static Map<String, String> identity(RuleSetIdentity identity) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", identity.name());
        map.put("version", identity.version());
        map.put("sha256", identity.sha256());
        return map;
    }
}
