package org.tcentre.gdpr.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.tcentre.gdpr.TempDirectories;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.system.ServiceApplication;

/**
 * Load benchmark of the service's submit-and-evaluate: the service as {@code serve} runs it (embedded database in a
 * temporary data directory, random port on loopback) and, in the same JVM, one keep-alive socket per client
 * ({@link LoopbackHttpClient}) posting a 10-activity declaration (JSON) from 1, 8 and 32 concurrent clients. Each level warms up, then measures until its time or its
 * request budget runs out, whichever comes first; it prints throughput, p50, p99 and errors as a Markdown table.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-XX:+UseParallelGC -cp %classpath org.tcentre.gdpr.bench.ServiceLoadBenchmark"} (the collector
 * docs/deployment.md recommends for {@code serve}). Only loopback is ever called.
 */
public final class ServiceLoadBenchmark {

    static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    static final int MAX_REQUESTS = Integer.getInteger("bench.max", 30_000);
    static final String CLIENT = System.getProperty("bench.client", "loopback");

    private ServiceLoadBenchmark() {
    }

    /**
     * @param cpuMs the JVM's CPU time per request (server and client together): what the request costs whatever
     *              else runs on the machine
     */
    record Result(int clients, int requests, int errors, double seconds, double p50, double p99, double max, double cpuMs,
                  double gcMs) {
        double throughput() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("gdpr-bench-");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--gdpr.data-dir=" + data.toAbsolutePath(), "--gdpr.rules=rules", "--gdpr.report-wording=reports"));
        // -Dbench.spring="--server.tomcat.threads.max=8 ..." tries other settings.
        String extra = System.getProperty("bench.spring", "").strip();
        if (!extra.isEmpty()) {
            arguments.addAll(List.of(extra.split("\\s+")));
        }
        ConfigurableApplicationContext service = ServiceApplication.start(arguments.toArray(String[]::new));
        try {
            String token = service.getBean(UserAccounts.class).add("bench", Role.PRODUCT_TEAM, "Bench", "bench").token();
            byte[] declaration = BenchmarkDeclarations.withActivities(10);
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            Client client = CLIENT.equals("jdk")
                    ? jdkClient(port, token, declaration)
                    : () -> new LoopbackHttpClient(port, "/api/v1/declarations", token, "application/json", declaration);

            // The JIT and the database's caches first: otherwise the first level measures compilation. A minute, because
            // on 2 busy cores the compiler threads get little CPU: after 20 s at 32 clients the service still ran at
            // ~0.6x the throughput it reached after 60 s (docs/performance.md).
            run(client, 8, Duration.ofSeconds(Long.getLong("bench.jit", 60)), MAX_REQUESTS);
            List<Result> results = new ArrayList<>();
            for (int clients : CLIENTS) {
                run(client, clients, WARM_UP, MAX_REQUESTS);
                results.add(run(client, clients, MEASURE, MAX_REQUESTS));
            }
            System.out.printf(Locale.ROOT, "%n%d-activity declaration, %d bytes JSON; %d cores; %s%n", 10, declaration.length,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            System.out.println("| concurrent clients | requests | errors | submissions/s | p50 ms | p99 ms | max ms | CPU ms/request | GC ms/s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f |%n", r.clients(),
                        r.requests(), r.errors(), r.throughput(), r.p50(), r.p99(), r.max(), r.cpuMs(), r.gcMs() / r.seconds());
            }
        } finally {
            service.close();
            TempDirectories.delete(data);
        }
    }

    /** Makes one connection's worth of requests: each call of the connection sends one and answers its status. */
    interface Client {
        Connection connect();
    }

    interface Connection {
        int send() throws Exception;
    }

    /** {@code -Dbench.client=jdk}: java.net.http, which costs the shared cores more CPU per request. */
    private static Client jdkClient(int port, String token, byte[] declaration) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/declarations"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(declaration)).build();
        return () -> () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static Result run(Client client, int clients, Duration budget, int maxRequests) throws Exception {
        long[] latencies = new long[maxRequests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        long deadline = System.nanoTime() + budget.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long gcStarted = gcMillis();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread.ofPlatformOrVirtual(() -> {
                Connection connection = client.connect();
                try {
                    while (System.nanoTime() < deadline) {
                        int slot = next.getAndIncrement();
                        if (slot >= maxRequests) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        try {
                            int status = connection.send();
                            if (status != 201) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(0, status);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[slot] = System.nanoTime() - t0;
                    }
                } finally {
                    if (connection instanceof AutoCloseable closeable) {
                        try {
                            closeable.close();
                        } catch (Exception ignored) {
                            // a loopback connection at the end of a level
                        }
                    }
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuStarted) / 1e6;
        double gcMs = gcMillis() - gcStarted;
        int count = Math.min(next.get(), maxRequests);
        long[] measured = Arrays.copyOf(latencies, count);
        Arrays.sort(measured);
        if (Boolean.getBoolean("bench.percentiles")) {
            StringBuilder line = new StringBuilder(clients + " clients, ms at p1 p5 p10 p25 p50 p75 p90 p95 p99 p99.9:");
            for (double p : new double[] {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 0.999}) {
                line.append(String.format(Locale.ROOT, " %.1f", percentile(measured, p)));
            }
            System.err.println(line);
        }
        if (firstError.get() != 0) {
            System.err.println("first error status: " + firstError.get());
        }
        return new Result(clients, count, errors.get(), seconds, percentile(measured, 0.50), percentile(measured, 0.99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, count == 0 ? 0 : cpuMs / count, gcMs);
    }

    static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Java 17 has no virtual threads: platform threads, one per client. */
    private static final class Thread {
        static void ofPlatformOrVirtual(Runnable body) {
            java.lang.Thread thread = new java.lang.Thread(body, "bench-client");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
