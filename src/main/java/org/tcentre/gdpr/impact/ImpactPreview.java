package org.tcentre.gdpr.impact;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;
import org.tcentre.gdpr.evaluation.DeclarationCheck;
import org.tcentre.gdpr.evaluation.Finding;
import org.tcentre.gdpr.impact.DeclarationSource.PendingDeclaration;
import org.tcentre.gdpr.impact.ImpactReport.DeclarationError;
import org.tcentre.gdpr.impact.ImpactReport.DeclarationImpact;
import org.tcentre.gdpr.impact.ImpactReport.FindingRef;
import org.tcentre.gdpr.impact.ImpactReport.ProductImpact;
import org.tcentre.gdpr.impact.ImpactReport.SeverityChange;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.submission.FindingsDiff;

/**
 * The impact preview: re-evaluates declarations under the current and a candidate rule set, each through the one
 * use case ({@link DeclarationCheck}), and keeps what the candidate would change.
 *
 * <p>Two findings are the same finding when {@link FindingsDiff#key} says so (the product history's notion: same
 * rule, same activity by id, same field), so a preview and a later history diff agree on what is new.
 *
 * <p>Streaming and parallel: the caller's thread takes declarations from the source (the I/O) and puts them on a
 * bounded queue; {@code workers} threads read, evaluate and diff them (the CPU work). Each worker keeps only the
 * declarations that change, with counts; nothing else outlives its evaluation. The result is sorted at the end
 * (products by id, declarations by label), so it is the same whatever the number of workers or their timing.
 */
public final class ImpactPreview {

    /** Errors listed in the report beyond this are only counted: a broken table must not fill the memory. */
    public static final int MAX_LISTED_ERRORS = 1_000;

    private static final PendingDeclaration END = new PendingDeclaration("", "", null, null, null, null);

    private final RuleSet current;
    private final RuleSet candidate;
    private final DeclarationCheck check;
    private final int workers;

    /**
     * @param clock   the evaluations' date: both rule sets judge against the same one
     * @param workers threads evaluating; {@link Runtime#availableProcessors()} normally
     */
    public ImpactPreview(RuleSet current, RuleSet candidate, Clock clock, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.current = current;
        this.candidate = candidate;
        this.check = new DeclarationCheck(clock);
        this.workers = workers;
    }

    /** How far a run is, as reported about once a second. */
    public record Progress(long done, long total, long perSecond) {
    }

    /**
     * Runs the preview.
     *
     * @param progress called about once a second from a background thread, and once at the end
     * @throws IOException when the source itself fails (the database or folder cannot be read); a declaration
     *                     that does not read is an error of the report instead
     */
    public ImpactReport run(DeclarationSource source, Consumer<Progress> progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long total = source.count();
        AtomicLong done = new AtomicLong();
        BlockingQueue<PendingDeclaration> queue = new ArrayBlockingQueue<>(workers * 64);
        List<Worker> team = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Worker worker = new Worker(source, queue, done);
            team.add(worker);
            Thread thread = new Thread(worker, "impact-preview-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "impact-preview-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(progress(done.get(), total, started)), 1, 1, TimeUnit.SECONDS);
        long blocked = 0;
        long fetching = System.nanoTime();
        boolean finished = false;
        try {
            long[] waited = {0};
            source.forEach(pending -> {
                long before = System.nanoTime();
                while (!queue.offer(pending, 100, TimeUnit.MILLISECONDS)) {
                    if (threads.stream().noneMatch(Thread::isAlive)) {
                        throw new IllegalStateException("every impact-preview worker stopped");
                    }
                }
                waited[0] += System.nanoTime() - before;
            });
            blocked = waited[0];
            finished = true;
        } finally {
            fetching = System.nanoTime() - fetching - blocked;
            if (finished) {
                for (int i = 0; i < workers; i++) {
                    while (!queue.offer(END, 100, TimeUnit.MILLISECONDS) && threads.stream().anyMatch(Thread::isAlive)) {
                        // the workers are draining the queue
                    }
                }
            } else {
                threads.forEach(Thread::interrupt);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            ticker.shutdownNow();
        }
        for (Worker worker : team) {
            if (worker.failure != null) {
                throw new IllegalStateException("an impact-preview worker failed", worker.failure);
            }
        }
        ImpactReport report = merge(source, team, started, fetching);
        progress.accept(progress(done.get(), total, started));
        return report;
    }

    private static Progress progress(long done, long total, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Progress(done, total, seconds <= 0 ? 0 : Math.round(done / seconds));
    }

    private ImpactReport merge(DeclarationSource source, List<Worker> team, long started, long fetching) {
        Map<String, List<DeclarationImpact>> byProduct = new TreeMap<>();
        Set<String> products = new HashSet<>();
        List<DeclarationError> errors = new ArrayList<>();
        long declarations = 0;
        long errorCount = 0;
        long read = 0;
        long evaluate = 0;
        long cpu = 0;
        for (Worker worker : team) {
            cpu += worker.cpuNanos;
            worker.changed.forEach((product, impacts) -> byProduct.computeIfAbsent(product, p -> new ArrayList<>()).addAll(impacts));
            products.addAll(worker.products);
            errors.addAll(worker.errors);
            declarations += worker.declarations;
            errorCount += worker.errorCount;
            read += worker.readNanos;
            evaluate += worker.evaluateNanos;
        }
        List<ProductImpact> impacts = new ArrayList<>();
        long appearing = 0;
        long disappearing = 0;
        long severityChanged = 0;
        for (var entry : byProduct.entrySet()) {
            List<DeclarationImpact> list = entry.getValue().stream().sorted(DeclarationImpact.ORDER).toList();
            for (DeclarationImpact impact : list) {
                appearing += impact.appearing().size();
                disappearing += impact.disappearing().size();
                severityChanged += impact.severityChanged().size();
            }
            impacts.add(new ProductImpact(entry.getKey(), list));
        }
        List<DeclarationError> listed = errors.stream().sorted(DeclarationError.ORDER).limit(MAX_LISTED_ERRORS).toList();
        double seconds = (System.nanoTime() - started) / 1e9;
        var timings = ImpactReport.Timings.of(workers, fetching, read, evaluate, cpu);
        var summary = ImpactReport.Summary.of(declarations, products.size(), impacts.size(), appearing, disappearing,
                severityChanged, errorCount, seconds, timings);
        return new ImpactReport(ImpactReport.RuleSetRef.of(current.identity()), ImpactReport.RuleSetRef.of(candidate.identity()),
                source.description(), summary, impacts, listed);
    }

    /** What one declaration's findings become under the candidate. */
    static DeclarationImpact diff(String label, String productId, String productVersion, List<Finding> before, List<Finding> after) {
        Map<String, Finding> old = index(before);
        Map<String, Finding> now = index(after);
        List<FindingRef> appearing = new ArrayList<>();
        List<SeverityChange> changed = new ArrayList<>();
        now.forEach((key, finding) -> {
            Finding was = old.get(key);
            if (was == null) {
                appearing.add(FindingRef.of(finding));
            } else if (was.severity() != finding.severity()) {
                changed.add(new SeverityChange(finding.ruleId(), was.severity(), finding.severity(), finding.activityId(),
                        finding.pointer(), finding.title()));
            }
        });
        List<FindingRef> disappearing = new ArrayList<>();
        old.forEach((key, finding) -> {
            if (!now.containsKey(key)) {
                disappearing.add(FindingRef.of(finding));
            }
        });
        appearing.sort(FindingRef.ORDER);
        disappearing.sort(FindingRef.ORDER);
        changed.sort(SeverityChange.ORDER);
        return new DeclarationImpact(label, productId, productVersion, appearing, disappearing, changed);
    }

    private static Map<String, Finding> index(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        findings.forEach(f -> map.putIfAbsent(FindingsDiff.key(f), f));
        return map;
    }

    /** One evaluating thread and what it keeps: the changing declarations, counts, errors. */
    private final class Worker implements Runnable {

        private final DeclarationSource source;
        private final BlockingQueue<PendingDeclaration> queue;
        private final AtomicLong done;
        final Map<String, List<DeclarationImpact>> changed = new HashMap<>();
        final Set<String> products = new HashSet<>();
        final List<DeclarationError> errors = new ArrayList<>();
        long declarations;
        long errorCount;
        long readNanos;
        long evaluateNanos;
        long cpuNanos;
        volatile Throwable failure;

        Worker(DeclarationSource source, BlockingQueue<PendingDeclaration> queue, AtomicLong done) {
            this.source = source;
            this.queue = queue;
            this.done = done;
        }

        @Override
        public void run() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuAtStart = threads.getCurrentThreadCpuTime();
            try {
                while (true) {
                    PendingDeclaration pending = queue.take();
                    if (pending == END) {
                        cpuNanos = threads.getCurrentThreadCpuTime() - cpuAtStart;
                        return;
                    }
                    declarations++;
                    evaluate(pending);
                    done.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void evaluate(PendingDeclaration pending) {
            if (pending.unreadable() != null) {
                error(pending.label(), pending.unreadable());
                return;
            }
            long start = System.nanoTime();
            DeclarationDocument document;
            try {
                document = source.read(pending);
            } catch (InvalidDeclarationException e) {
                int more = e.problems().size() - 1;
                error(pending.label(), e.problems().get(0) + (more > 0 ? " (and " + more + " more)" : ""));
                return;
            } finally {
                readNanos += System.nanoTime() - start;
            }
            long evaluating = System.nanoTime();
            try {
                var product = document.model().product();
                String productId = product.id() == null ? "(no product id)" : product.id();
                List<Finding> before = check.check(document, current).findings();
                List<Finding> after = check.check(document, candidate).findings();
                DeclarationImpact impact = diff(pending.label(), productId, product.version(), before, after);
                products.add(productId);
                if (impact.changes()) {
                    changed.computeIfAbsent(productId, p -> new ArrayList<>()).add(impact);
                }
            } catch (RuntimeException e) {
                // A rule that throws on this declaration (under either rule set) spoils this declaration only.
                error(pending.label(), "cannot be evaluated: " + e.getMessage());
            } finally {
                evaluateNanos += System.nanoTime() - evaluating;
            }
        }

        private void error(String label, String problem) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new DeclarationError(label, problem));
            }
        }
    }
}
