package se.samsyn.followup.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.demo.SyntheticClients;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The rounds of the follow-up import benchmark on PostgreSQL, shared by the full run
 * ({@link FollowupImportBenchmark}) and the small run in the build ({@link FollowupImportBenchmarkTests}).
 * Three ways store the same generated measurement file, each from the same start (the follow-up
 * tables truncated, identities restarted, then {@code VACUUM ANALYZE}), in a rotating order, each
 * {@code rounds} times: the real import path; a plain JDBC batch insert (batches of the import's
 * COPY batch size) of the same rows with clients and their ids resolved beforehand; and
 * PostgreSQL {@code COPY} of the same pre-resolved rows, the physical limit. Before the timed
 * rounds each way runs once, untimed, on a small file of {@value #WARM_UP_ROWS} rows (so the
 * first timed run of none of them pays for loading and compiling its code). After every run it
 * checks the stored rows (count of measurements and clients, and a checksum over every stored
 * value joined by pseudonym) and throws {@link AssertionError} when a way stored other rows than
 * the others, or the import did not report every row as new or did not write its one audit event.
 */
final class ImportBenchmarkRounds {

    /** The median seconds of each way, the highest heap seen during an import, and the checksum all agreed on. */
    record Result(int rows, int clients, double importSeconds, double plainSeconds, double copySeconds,
                  long importPeakHeap, String checksum) {

        double importRate() {
            return rows / importSeconds;
        }

        double plainRate() {
            return rows / plainSeconds;
        }

        double copyRate() {
            return rows / copySeconds;
        }
    }

    static final String UNIT = "1280-BENCH";
    private static final String MUNICIPALITY = "1280";
    private static final int BATCH = 20_000;
    /** Rows of the untimed warm-up file. */
    static final int WARM_UP_ROWS = 2_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private final FollowupImport importer;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Pseudonymiser pseudonymiser;

    ImportBenchmarkRounds(FollowupImport importer, JdbcClient jdbc, DataSource dataSource, Pseudonymiser pseudonymiser) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.pseudonymiser = pseudonymiser;
    }

    /** A client resolved beforehand, as the baselines insert it. */
    private record Resolved(long id, String pseudonym, int birthYear, String sex) {
    }

    /** Runs every way {@code rounds} times on a file of about {@code rows} rows in unit {@link #UNIT}, which must exist. */
    Result run(int rows, int rounds) throws Exception {
        Path file = Files.createTempFile("measurements", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SyntheticClients.writeMeasurements(out, UNIT, rows, 42L, LocalDate.of(2026, 6, 1));
            }
            Map<String, Resolved> clients = resolve(file);
            warmUp();
            double[] imports = new double[rounds];
            double[] plains = new double[rounds];
            double[] copies = new double[rounds];
            long peak = 0;
            String checksum = null;
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 3; k++) {
                    int way = (r + k) % 3;
                    fresh();
                    long t0 = System.nanoTime();
                    if (way == 0) {
                        HeapWatch heap = HeapWatch.start();
                        imported(file, rows);
                        imports[r] = seconds(t0);
                        peak = Math.max(peak, heap.stop());
                    } else if (way == 1) {
                        plain(file, clients);
                        plains[r] = seconds(t0);
                    } else {
                        copy(file, clients);
                        copies[r] = seconds(t0);
                    }
                    String sum = checksum(rows, clients.size());
                    if (checksum != null && !checksum.equals(sum)) {
                        throw new AssertionError("Way " + way + " stored other values: " + sum + " <> " + checksum);
                    }
                    checksum = sum;
                }
                // each round as it ends, so a run stopped early still shows what it measured
                System.out.printf(Locale.ROOT, "round %d: import %.2f s, plain JDBC %.2f s, COPY %.2f s%n", r + 1,
                        imports[r], plains[r], copies[r]);
            }
            return new Result(rows, clients.size(), median(imports), median(plains), median(copies), peak, checksum);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs each way once on a small file of other generated rows, untimed but checked. */
    private void warmUp() throws Exception {
        Path file = Files.createTempFile("warm-up", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SyntheticClients.writeMeasurements(out, UNIT, WARM_UP_ROWS, 7L, LocalDate.of(2026, 6, 1));
            }
            Map<String, Resolved> clients = resolve(file);
            fresh();
            imported(file, WARM_UP_ROWS);
            String sum = checksum(WARM_UP_ROWS, clients.size());
            fresh();
            plain(file, clients);
            String plainSum = checksum(WARM_UP_ROWS, clients.size());
            fresh();
            copy(file, clients);
            String copySum = checksum(WARM_UP_ROWS, clients.size());
            if (!sum.equals(plainSum) || !sum.equals(copySum)) {
                throw new AssertionError("The warm-up stored other values: " + sum + ", " + plainSum + ", " + copySum);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Prints the result as the README shows it. */
    static void print(Result r, int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "=== Follow-up import benchmark (PostgreSQL, %,d measurement rows, %,d clients, "
                + "median of %d after a warm-up, each from truncated tables after VACUUM ANALYZE) ===%n", r.rows(),
                r.clients(), rounds);
        System.out.printf(Locale.ROOT, "import path : %8.2f s %,10.0f rows/s  (validation, pseudonyms, clients, "
                + "corrections, idempotent merge, audit)%n", r.importSeconds(), r.importRate());
        System.out.printf(Locale.ROOT, "plain JDBC  : %8.2f s %,10.0f rows/s  (batch insert of pre-resolved clients "
                + "and rows, %,d a batch)%n", r.plainSeconds(), r.plainRate(), BATCH);
        System.out.printf(Locale.ROOT, "COPY        : %8.2f s %,10.0f rows/s  (COPY of the same pre-resolved rows)%n",
                r.copySeconds(), r.copyRate());
        System.out.printf(Locale.ROOT, "ratios      : import/plain %.2f (target >= 1), import/COPY %.2f, "
                + "plain/COPY %.2f%n", r.importRate() / r.plainRate(), r.importRate() / r.copyRate(),
                r.plainRate() / r.copyRate());
        System.out.printf(Locale.ROOT, "checked     : same %,d rows and checksum %s from all three ways%n",
                r.rows(), r.checksum());
        System.out.printf(Locale.ROOT, "peak heap   : %,d MB during the import (max heap %,d MB; target <= 512)%n",
                r.importPeakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private void fresh() {
        jdbc.sql("TRUNCATE fup_measurement, fup_history, fup_client RESTART IDENTITY CASCADE").update();
        jdbc.sql("VACUUM ANALYZE fup_client").update();
        jdbc.sql("VACUUM ANALYZE fup_measurement").update();
    }

    private void imported(Path file, int rows) throws IOException {
        Actor staff = new Actor("bench-worker", Role.CASE_WORKER, Scope.unit(UNIT));
        long audited = audited();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = importer.run(staff, ImportType.MEASUREMENTS, FollowupImport.Format.CSV, in, false);
        }
        if (!"imported".equals(result.status()) || result.imported() != rows) {
            throw new AssertionError("The import did not store every row as new: " + result.status() + " "
                    + result.imported() + " " + result.errors().stream().limit(5).toList());
        }
        if (audited() != audited + 1) {
            throw new AssertionError("The import did not write its one audit event");
        }
    }

    private long audited() {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'IMPORT_IMPORTED' AND actor = 'bench-worker'")
                .query(Long.class).single();
    }

    /** Every client of the file with its pseudonym and an id given here, as the baselines store them. */
    private Map<String, Resolved> resolve(Path file) throws IOException {
        Map<String, Resolved> clients = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String number = line.substring(0, line.indexOf(','));
                if (!clients.containsKey(number)) {
                    PersonalIdentityNumber pnr = PersonalIdentityNumber.parse(number, TODAY);
                    clients.put(number, new Resolved(clients.size() + 1, pseudonymiser.pseudonym(pnr),
                            pnr.birthYear(), pnr.legalSex().code()));
                }
            }
        }
        return clients;
    }

    private void plain(Path file, Map<String, Resolved> clients) throws SQLException, IOException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); BufferedReader in = Files.newBufferedReader(file)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                int pending = 0;
                for (Resolved r : clients.values()) {
                    insert.setString(1, MUNICIPALITY);
                    insert.setLong(2, r.id());
                    insert.setString(3, UNIT);
                    insert.setString(4, r.pseudonym());
                    insert.setInt(5, r.birthYear());
                    insert.setString(6, r.sex());
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on,
                                                 time_point, score) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                in.readLine();
                int pending = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",");
                    insert.setString(1, MUNICIPALITY);
                    insert.setLong(2, clients.get(f[0]).id());
                    insert.setString(3, f[1]);
                    insert.setString(4, f[2]);
                    insert.setDate(5, Date.valueOf(f[3]));
                    insert.setString(6, f[4]);
                    insert.setDouble(7, Double.parseDouble(f[5]));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    private void copy(Path file, Map<String, Resolved> clients) throws SQLException, IOException {
        String now = Instant.now().toString();
        try (Connection c = dataSource.getConnection(); BufferedReader in = Files.newBufferedReader(file)) {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            CopyIn copy = pg.getCopyAPI().copyIn("COPY fup_client (municipality_code, id, unit_code, pseudonym, "
                    + "birth_year, legal_sex, created_at) FROM STDIN");
            StringBuilder chunk = new StringBuilder();
            for (Resolved r : clients.values()) {
                chunk.append(MUNICIPALITY).append('\t').append(r.id()).append('\t').append(UNIT).append('\t')
                        .append(r.pseudonym()).append('\t').append(r.birthYear()).append('\t').append(r.sex())
                        .append('\t').append(now).append('\n');
                chunk = flushed(copy, chunk, false);
            }
            flushed(copy, chunk, true);
            copy.endCopy();
            copy = pg.getCopyAPI().copyIn("COPY fup_measurement (municipality_code, client_id, unit_code, "
                    + "instrument_code, measured_on, time_point, score) FROM STDIN");
            chunk = new StringBuilder();
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                chunk.append(MUNICIPALITY).append('\t').append(clients.get(f[0]).id()).append('\t').append(f[1])
                        .append('\t').append(f[2]).append('\t').append(f[3]).append('\t').append(f[4]).append('\t')
                        .append(f[5]).append('\n');
                chunk = flushed(copy, chunk, false);
            }
            flushed(copy, chunk, true);
            copy.endCopy();
            c.commit();
        }
    }

    private static StringBuilder flushed(CopyIn copy, StringBuilder chunk, boolean last) throws SQLException {
        if (chunk.length() > (1 << 20) || (last && !chunk.isEmpty())) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            return new StringBuilder();
        }
        return chunk;
    }

    /**
     * Checks the stored rows: exactly {@code rows} measurements and {@code clients} clients, and
     * returns the count and an order-free checksum over every stored value, clients by pseudonym.
     */
    private String checksum(int rows, int clients) {
        List<Long> counts = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM fup_measurement), (SELECT COUNT(*) FROM fup_client)""")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        if (counts.get(0) != rows || counts.get(1) != clients) {
            throw new AssertionError("Stored " + counts + " measurements and clients, expected " + rows + ", " + clients);
        }
        return jdbc.sql("""
                SELECT COUNT(*) || '/' || SUM(hashtextextended(c.pseudonym || '|' || c.birth_year || '|' || c.legal_sex
                       || '|' || m.unit_code || '|' || m.instrument_code || '|' || m.time_point || '|'
                       || m.measured_on || '|' || m.score || '|' || COALESCE(m.answers, '-')
                       || '|' || (m.removed_at IS NULL), 0))
                FROM fup_measurement m JOIN fup_client c ON c.municipality_code = m.municipality_code AND c.id = m.client_id""")
                .query(String.class).single();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Samples the used heap every 20 ms while it runs and keeps the highest reading. */
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
