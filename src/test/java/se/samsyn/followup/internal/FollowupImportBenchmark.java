package se.samsyn.followup.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.demo.SyntheticClients;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Not a test: a benchmark, excluded from the normal run. It imports generated measurement rows
 * through the real import path into PostgreSQL and, in the same run, inserts the same rows with a
 * plain JDBC batch insert, then prints both throughputs, their ratio and the peak heap. Run with
 * {@code ./mvnw test -Dtest=FollowupImportBenchmark -DsurefireArgLine=-Xmx512m -Dbenchmark.rows=1000000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data",
                "logging.level.se.samsyn=WARN"})
class FollowupImportBenchmark {

    static final String UNIT = "1280-BENCH";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "benchmark");
    }

    @Autowired
    FollowupImport importer;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void importThroughputAgainstPlainJdbc() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 1_000_000);
        units.register(new Actor("bench", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit("1280", UNIT, "Benchmark", Set.of(FocusArea.SUBSTANCE_USE)));
        Path file = Files.createTempFile("measurements", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticClients.writeMeasurements(out, UNIT, rows, 42L, LocalDate.of(2026, 6, 1));
        }
        System.out.printf("Generated %,d rows (%,d bytes)%n", rows, Files.size(file));
        HeapWatch heap = HeapWatch.start();

        Actor staff = new Actor("bench-worker", Role.CASE_WORKER, Scope.unit(UNIT));
        long t0 = System.nanoTime();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = importer.run(staff, ImportType.MEASUREMENTS, FollowupImport.Format.CSV, in, false);
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        if (!"imported".equals(result.status()) || result.imported() + result.unchanged() != rows) {
            throw new IllegalStateException("Import did not store every row: " + result.status() + " "
                    + result.imported() + " " + result.errors().stream().limit(5).toList());
        }
        long importPeak = heap.stop();

        // The baseline inserts the very same rows, with client ids resolved beforehand, as one
        // plain JDBC batch per 1,000 rows into the same table in one transaction, with ON CONFLICT
        // DO NOTHING as the import's inserts.
        Map<String, Long> clients = new HashMap<>();
        jdbc.sql("SELECT pseudonym, id FROM fup_client WHERE unit_code = :u").param("u", UNIT)
                .query(rs -> {
                    clients.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> byNumber = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String number = line.substring(0, line.indexOf(','));
                byNumber.computeIfAbsent(number, n -> clients.get(pseudonymiser.pseudonym(
                        PersonalIdentityNumber.parse(n, LocalDate.of(2026, 11, 1)))));
            }
        }
        jdbc.sql("DELETE FROM fup_measurement WHERE unit_code = :u").param("u", UNIT).update();
        long t1 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); BufferedReader in = Files.newBufferedReader(file)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on,
                                                 time_point, score) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                in.readLine();
                int pending = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",");
                    insert.setString(1, "1280");
                    insert.setLong(2, byNumber.get(f[0]));
                    insert.setString(3, f[1]);
                    insert.setString(4, f[2]);
                    insert.setDate(5, Date.valueOf(f[3]));
                    insert.setString(6, f[4]);
                    insert.setDouble(7, Double.parseDouble(f[5]));
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        double plainSeconds = (System.nanoTime() - t1) / 1e9;
        Files.delete(file);

        double importRate = result.imported() / importSeconds;
        double plainRate = rows / plainSeconds;
        System.out.println();
        System.out.println("=== Follow-up import benchmark (PostgreSQL, " + String.format(java.util.Locale.ROOT, "%,d", rows) + " measurement rows) ===");
        System.out.printf("import path : %8.1f s  %,10.0f rows/s  (validation, pseudonymisation, clients, idempotent insert, audit)%n",
                importSeconds, importRate);
        System.out.printf("plain JDBC  : %8.1f s  %,10.0f rows/s  (batch insert of pre-resolved rows)%n", plainSeconds, plainRate);
        System.out.printf("ratio       : %.2f of the plain insert rate (target at least 0.33)%n", importRate / plainRate);
        System.out.printf("peak heap   : %,d MB during the import (max heap %,d MB)%n", importPeak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Samples the used heap while the import runs and keeps the highest reading. */
    static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            thread = new Thread(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
