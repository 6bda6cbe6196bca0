package se.samsyn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two databases every repository test runs on: an in-memory H2 in PostgreSQL mode, and a
 * real PostgreSQL started once per test run from embedded binaries (no Docker). Each test class
 * gets a database of its own, so tests that tamper with rows cannot disturb each other.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static void h2(DynamicPropertyRegistry registry, String name) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    public static void postgres(DynamicPropertyRegistry registry, String name) {
        String database = createDatabase(name);
        registry.add("spring.datasource.url", () -> jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    public static synchronized String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    public static synchronized String createDatabase(String name) {
        String database = "samsyn_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
        return database;
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            // Stopped after the cached application contexts are closed, not in a JVM shutdown hook of
            // its own: hooks run at once, and a context closing after PostgreSQL stopped waits the pool's
            // 30 s for a connection (Spring Modulith's event registry asks for one on close), so the
            // test JVM outlived surefire's 30 s exit timeout and was killed.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            });
        }
        return postgres;
    }
}
