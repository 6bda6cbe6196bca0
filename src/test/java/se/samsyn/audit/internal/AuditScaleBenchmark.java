package se.samsyn.audit.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.ScaleTiming;
import se.samsyn.TestDatabases;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Scope;

/**
 * Not a test: a benchmark of the audit trail's reads at two sizes ten times apart (issue 19,
 * point 4), on PostgreSQL. It writes a valid keyed chain of {@code benchmark.events} events (and ten
 * times as many) straight into {@code aud_event} with {@code COPY}, then times the audit page (first
 * page and its capped count), the chain verification and a streamed export, each checked: the page
 * shows the newest 50 events and the right (capped) total, verification finds the chain intact with
 * every event checked, and, after one event is altered, broken at exactly that event; the export
 * yields every event. Prints the median of {@code benchmark.runs} runs (3) and the ratio
 * large/small. Run with
 * {@code ./mvnw test -Dtest=AuditScaleBenchmark -DsurefireArgLine=-Xmx256m -Dbenchmark.events=1000000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "samsyn.kolada.load-sample=false",
                "samsyn.audit.anchor-file=", "logging.level.se.samsyn=WARN"})
class AuditScaleBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "audit_scale");
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditKey key;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** The smaller size; the larger is ten times as many. */
    int smallSize() {
        return Integer.getInteger("benchmark.events", 1_000_000);
    }

    int runs() {
        return Integer.getInteger("benchmark.runs", 3);
    }

    @Test
    void readsDoNotGrowWithTheTrail() throws Exception {
        int small = smallSize();
        int large = small * 10;
        Timings s = measure(small);
        System.out.println(s.line(small)); // each size as soon as it is measured, should the larger not finish
        Timings l = measure(large);
        System.out.println(l.line(large));
        System.out.println();
        System.out.println("=== Audit read benchmark (PostgreSQL, " + ScaleTiming.count(small) + " and "
                + ScaleTiming.count(large) + " events, median of " + runs() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) ===");
        System.out.println(ScaleTiming.line("audit page (50, capped count)", s.page, l.page));
        System.out.println(ScaleTiming.line("chain verification", s.verify, l.verify));
        System.out.println(ScaleTiming.line("export (streamed)", s.export, l.export));
        System.out.printf("peak heap during verification: %d MB (small), %d MB (large)%n", s.peakHeapMb, l.peakHeapMb);
    }

    record Timings(double page, double verify, double export, long peakHeapMb, double writeSeconds) {

        String line(int events) {
            return String.format(java.util.Locale.ROOT, "%s events: written in %.0f s; page %.1f ms, verification %.1f ms,"
                    + " export %.1f ms, peak heap during verification %d MB", ScaleTiming.count(events), writeSeconds,
                    page, verify, export, peakHeapMb);
        }
    }

    Timings measure(int events) throws Exception {
        long written = System.nanoTime();
        writeChain(events);
        double writeSeconds = (System.nanoTime() - written) / 1e9;
        int runs = runs();
        long expectedTotal = Math.min(events, 50 + 10_000);
        double page = ScaleTiming.medianMillis(Math.max(runs, 10),
                () -> trail.search(new AuditQuery(null, null, null, null, null, null, 0, 50), Scope.nation()),
                (AuditPage p) -> {
                    if (p.entries().size() != 50 || p.entries().get(0).seq() != events
                            || p.entries().get(49).seq() != events - 49 || p.total() != expectedTotal
                            || p.totalCapped() != (events > expectedTotal)) {
                        throw new AssertionError("Wrong audit page at " + events + ": first " + p.entries().get(0).seq()
                                + ", total " + p.total() + ", capped " + p.totalCapped());
                    }
                });
        resetPeaks();
        double verify = ScaleTiming.medianMillis(runs, trail::verify, (ChainVerification v) -> {
            if (!v.intact() || v.checkedEntries() != events) {
                throw new AssertionError("Verification of an intact chain of " + events + " said " + v);
            }
        });
        long peak = peakHeapMb();
        double export = ScaleTiming.medianMillis(runs, () -> {
            AtomicLong rows = new AtomicLong();
            AtomicLong last = new AtomicLong();
            trail.forEach(new AuditQuery(null, null, null, null, null, null, 0, 50), Scope.nation(), e -> {
                rows.incrementAndGet();
                last.set(e.seq());
            });
            return new long[] {rows.get(), last.get()};
        }, (long[] r) -> {
            if (r[0] != events || r[1] != events) {
                throw new AssertionError("Export of " + events + " events gave " + r[0] + " ending at " + r[1]);
            }
        });
        // a verification that cannot fail proves nothing: alter one event and expect exactly it
        long altered = events / 2 + 1;
        jdbc.sql("UPDATE aud_event SET details = 'altered' WHERE seq = :seq").param("seq", altered).update();
        ChainVerification broken = trail.verify();
        if (broken.intact() || broken.firstBrokenSeq() == null || broken.firstBrokenSeq() != altered
                || !"audit.verify.altered".equals(broken.problem())) {
            throw new AssertionError("Verification missed the event altered at " + altered + ": " + broken);
        }
        return new Timings(page, verify, export, peak, writeSeconds);
    }

    /**
     * Replaces the trail by {@code events} keyed events, chained exactly as {@link AuditChain#record}
     * chains them, written with {@code COPY} 10,000 rows at a time, then {@code VACUUM ANALYZE}. The
     * table's secondary indexes are dropped for the load and built again from their own definitions
     * afterwards (one sort each instead of millions of insertions), so the reads are timed with
     * every index of the schema.
     */
    void writeChain(int events) throws SQLException {
        jdbc.sql("TRUNCATE aud_event").update();
        java.util.List<String[]> indexes = jdbc.sql("""
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = 'aud_event'::regclass AND NOT x.indisprimary AND NOT x.indisunique""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        indexes.forEach(i -> jdbc.sql("DROP INDEX " + i[0]).update());
        String previous = "0".repeat(64);
        Instant start = Instant.parse("2021-01-01T00:00:00Z");
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY aud_event (seq, occurred_at, actor, actor_role, actor_scope_type, actor_scope_code, action,
                        category, outcome, object_type, object_id, municipality_code, county_code, unit_code, details,
                        client_address, previous_hash, hash, hash_algorithm) FROM STDIN""");
            StringBuilder batch = new StringBuilder();
            for (long seq = 1; seq <= events; seq++) {
                Instant at = start.plusMillis(seq * 15_000L);
                String actor = "user" + (seq % 5000);
                String municipality = seq % 3 == 0 ? "1280" : "0180";
                String county = municipality.equals("1280") ? "12" : "01";
                String unit = municipality + "-U" + (seq % 40);
                String objectId = Long.toString(seq % 400_000);
                String details = "page=client; reason=follow-up";
                String hash = key.mac(AuditHash.input(seq, at, actor, "CASE_WORKER", "UNIT", unit, "CLIENT_READ",
                        "INDIVIDUAL_READ", "SUCCESS", "client", objectId, municipality, county, unit, details, null,
                        previous));
                batch.append(seq).append('\t').append(at).append('\t').append(actor).append("\tCASE_WORKER\tUNIT\t")
                        .append(unit).append("\tCLIENT_READ\tINDIVIDUAL_READ\tSUCCESS\tclient\t").append(objectId)
                        .append('\t').append(municipality).append('\t').append(county).append('\t').append(unit)
                        .append('\t').append(details).append("\t\\N\t").append(previous).append('\t').append(hash)
                        .append("\thmac-sha256\n");
                previous = hash;
                if (seq % 10_000 == 0 || seq == events) {
                    byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            copy.endCopy();
        }
        indexes.forEach(i -> jdbc.sql(i[1]).update());
        jdbc.sql("UPDATE aud_chain_head SET last_seq = :seq, last_hash = :hash, keyed_from = 1, keyed_from_mac = :mac WHERE id = 1")
                .param("seq", (long) events).param("hash", previous).param("mac", AuditHash.keyedFromMac(key, 1))
                .update();
        jdbc.sql("VACUUM ANALYZE aud_event").update();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
