package org.tcentre.gdpr.web;

import org.tcentre.gdpr.TempDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.tcentre.gdpr.access.Role;
import org.tcentre.gdpr.access.UserAccounts;
import org.tcentre.gdpr.system.ServiceApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service on a random port, as {@code serve} starts it (embedded database in a temporary data
 * directory), with an HTTP client. {@link #shared()} starts one per test JVM for the web tests; it stops
 * when the JVM does.
 */
final class TestService implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestService shared;

    final ConfigurableApplicationContext context;
    final URI base;
    final Path dataDir;
    /** Users of the shared service: alice (PRODUCT_TEAM, Team A), bob (PRODUCT_TEAM, Team B), olga, regina. */
    final Map<String, String> tokens = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestService(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a service; {@code properties} override the defaults (a PostgreSQL URL, a rules directory...). */
    static TestService start(Map<String, String> properties) {
        try {
            Path dataDir = Files.createTempDirectory("gdpr-service-");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("server.port", "0");
            all.put("gdpr.data-dir", dataDir.toAbsolutePath().toString());
            all.put("gdpr.rules", "rules");
            all.put("gdpr.report-wording", "reports");
            all.put("gdpr.watch-rules", "false");
            all.putAll(properties);
            List<String> args = new ArrayList<>();
            all.forEach((key, value) -> args.add("--" + key + "=" + value));
            return new TestService(ServiceApplication.start(args.toArray(String[]::new)), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized TestService shared() {
        if (shared == null) {
            TestService service = start(Map.of());
            service.addUser("alice", Role.PRODUCT_TEAM, "Team A");
            service.addUser("bob", Role.PRODUCT_TEAM, "Team B");
            service.addUser("olga", Role.PRIVACY_OFFICER, null);
            service.addUser("regina", Role.REGULATOR, null);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            shared = service;
        }
        return shared;
    }

    String addUser(String name, Role role, String team) {
        String token = context.getBean(UserAccounts.class).add(name, role, team, "test").token();
        tokens.put(name, token);
        return token;
    }

    String token(String user) {
        return user == null ? null : tokens.get(user);
    }

    HttpResponse<byte[]> get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    HttpResponse<byte[]> post(String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A multipart/form-data upload of one file part. */
    HttpResponse<byte[]> upload(String path, String user, String partName, String fileName, byte[] content) {
        String boundary = "----gdpr" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post(path, user, "multipart/form-data; boundary=" + boundary, body);
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        String token = tokens.get(user);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        context.close();
        TempDirectories.delete(dataDir);
    }
}
