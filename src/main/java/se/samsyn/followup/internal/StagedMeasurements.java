package se.samsyn.followup.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import se.samsyn.followup.TimePoint;

/**
 * The PostgreSQL path of the measurement import's store step: each batch of checked rows is
 * streamed with {@code COPY} (the driver's copy stream on the transaction's connection) into
 * temporary staging tables that live until the import's transaction ends ({@code ON COMMIT DROP}),
 * analysed (a temporary table has no statistics otherwise, and the planner would guess its size
 * when joining it to the large tables), and merged set-based: new clients with one
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING} (a look-up for their ids only when
 * some were stored already), stored rows found with one statement (for corrections and the rows
 * that are not new), the stored measurements the baseline rule needs with one statement, new rows
 * with one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}. Rows of clients that the batch's
 * own client statement created cannot be stored yet and skip all of that: they are copied straight
 * into {@code fup_measurement} ({@link #copyNew}), which in an import of new clients is every row
 * but those of a client whose rows began in the batch before.
 *
 * <p>Every look-up from a staged row into {@code fup_client} or {@code fup_measurement} is a
 * {@code LATERAL} subquery with {@code OFFSET 0}, which keeps PostgreSQL from flattening it into a
 * plain join: each staged row costs one probe of the unique key's index ({@code fup_client_unique},
 * {@code fup_measurement_unique}), and a batch costs the same however large the tables are. As a
 * plain join the planner may choose a hash join that reads the whole table for every batch, which
 * makes an import quadratic in its size. In the probes of {@code fup_measurement} the instrument is
 * compared as {@code instrument_code || ''}, which no index can serve: the table's statistics do not
 * know the rows of the running import (not committed, so never analysed; the first import of a
 * municipality has none at all), and the planner then takes {@code fup_measurement_report}
 * (instrument, municipality) for selective and probes it, reading every row of the instrument in
 * the municipality once per staged row. Found with {@code EXPLAIN} at 80,000 stored rows; the
 * probe now runs on the unique key's leading columns (municipality, client) and filters the few
 * rows of one client. The rules (what is a correction, the
 * baseline rule, the history) stay in {@link FollowupRowStore} and {@link BaselineRule}; this
 * class only moves rows. PostgreSQL only: H2 has no {@code COPY} and keeps the batch path.
 */
final class StagedMeasurements {

    /** A stored measurement with the key of an imported row: its row number, id, client, score, answers. */
    interface Match {
        void stored(long rowNumber, long id, long client, double score, String answers, boolean removed);
    }

    private static final String CLIENT_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS fup_stage_client (
                unit_code VARCHAR(40) NOT NULL, pseudonym VARCHAR(64) NOT NULL,
                birth_year INTEGER NOT NULL, legal_sex VARCHAR(1) NOT NULL) ON COMMIT DROP""";
    private static final String MEASUREMENT_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS fup_stage_measurement (
                row_number BIGINT NOT NULL, client_id BIGINT NOT NULL, instrument_code VARCHAR(40) NOT NULL,
                measured_on DATE NOT NULL, time_point VARCHAR(20) NOT NULL, score DOUBLE PRECISION NOT NULL,
                answers VARCHAR(200), confirmed BOOLEAN NOT NULL) ON COMMIT DROP""";

    private static final MapSqlParameterSource NONE = new MapSqlParameterSource();

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    /** The time of each statement, for the store step's DEBUG log. */
    final StepTimes times = new StepTimes();

    /** Staging on the transaction's connection of {@code dataSource}, which must be PostgreSQL. */
    StagedMeasurements(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The ids of a batch's clients by pseudonym, and those of them that this batch's statement created. */
    record Clients(Map<String, Long> ids, Set<Long> created) {
    }

    /**
     * Creates the clients of {@code rows} (one unit, one municipality) that are not stored yet and
     * returns the id of every one of them by pseudonym, with the ids of those created now (they
     * did not exist before this statement, so no measurement of them is stored).
     */
    Clients clients(String municipality, String unit, Collection<ImportedRow> rows, Instant at) {
        long t = System.nanoTime();
        stage(CLIENT_STAGE, "fup_stage_client");
        times.add("client-stage", t);
        t = System.nanoTime();
        copy("COPY fup_stage_client (unit_code, pseudonym, birth_year, legal_sex) FROM STDIN", out -> {
            for (ImportedRow r : rows) {
                out.printRecord(r.unit().code(), r.pseudonym(), r.birthYear(), r.sex());
            }
        });
        times.add("client-copy", t);
        t = System.nanoTime();
        MapSqlParameterSource p = new MapSqlParameterSource("municipality", municipality).addValue("unit", unit)
                .addValue("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("""
                INSERT INTO fup_client (municipality_code, unit_code, pseudonym, birth_year, legal_sex, created_at)
                SELECT :municipality, unit_code, pseudonym, birth_year, legal_sex, :at FROM fup_stage_client
                ON CONFLICT DO NOTHING RETURNING pseudonym, id""", p, rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        Set<Long> created = new HashSet<>(ids.values());
        times.add("client-insert", t);
        t = System.nanoTime();
        if (ids.size() < rows.size()) { // some were stored before: look their ids up
            jdbc.update("ANALYZE fup_stage_client", NONE);
            jdbc.query("""
                    SELECT s.pseudonym, c.id FROM fup_stage_client s
                    CROSS JOIN LATERAL (SELECT c.id FROM fup_client c
                      WHERE c.municipality_code = :municipality AND c.unit_code = s.unit_code
                        AND c.pseudonym = s.pseudonym OFFSET 0) c""",
                    p, rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    });
            times.add("client-lookup", t);
        }
        return new Clients(ids, created);
    }

    /**
     * Copies a batch of checked measurement rows (parameters {@code rowNumber}, {@code client},
     * {@code instrument}, {@code measuredOn}, {@code timePoint}, {@code score}, {@code answers},
     * {@code confirm}) into the staging table, replacing the previous batch, and analyses it.
     */
    void load(List<MapSqlParameterSource> rows) {
        long t = System.nanoTime();
        stage(MEASUREMENT_STAGE, "fup_stage_measurement");
        times.add("stage", t);
        t = System.nanoTime();
        copy("COPY fup_stage_measurement (row_number, client_id, instrument_code, measured_on, time_point, score,"
                + " answers, confirmed) FROM STDIN", out -> {
                    for (MapSqlParameterSource r : rows) {
                        out.printRecord(r.getValue(FollowupRowStore.ROW_NUMBER), r.getValue("client"),
                                r.getValue("instrument"), r.getValue("measuredOn"), r.getValue("timePoint"),
                                r.getValue("score"), r.getValue("answers"), BaselineRule.confirms(r));
                    }
                });
        times.add("copy", t);
        t = System.nanoTime();
        // a temporary table has no statistics until analysed; without them the joins below may scan fup_measurement
        jdbc.update("ANALYZE fup_stage_measurement", NONE);
        times.add("analyze", t);
    }

    /** Hands every stored measurement (removed ones too) with the key of a staged row to {@code match}. */
    void matches(String municipality, Match match) {
        long t = System.nanoTime();
        jdbc.query("""
                SELECT s.row_number, m.id, m.client_id, m.score, m.answers, m.removed_at IS NOT NULL
                FROM fup_stage_measurement s
                CROSS JOIN LATERAL (SELECT m.id, m.client_id, m.score, m.answers, m.removed_at FROM fup_measurement m
                  WHERE m.municipality_code = :municipality AND m.client_id = s.client_id
                    AND m.instrument_code || '' = s.instrument_code AND m.time_point = s.time_point
                    AND m.measured_on = s.measured_on OFFSET 0) m""",
                new MapSqlParameterSource("municipality", municipality), rs -> {
                    match.stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getString(5),
                            rs.getBoolean(6));
                });
        times.add("matches", t);
    }

    /**
     * The stored, not removed measurements that the baseline rule compares the staged rows with:
     * those of each client and instrument for which the staged rows have an unconfirmed baseline
     * row, by client id ({@link BaselineRule#unconfirmed(List, Map)} looks at no others).
     */
    Map<Long, List<BaselineRule.Measured>> storedForBaselines(String municipality) {
        long t = System.nanoTime();
        Map<Long, List<BaselineRule.Measured>> stored = new HashMap<>();
        jdbc.query("""
                SELECT m.client_id, m.instrument_code, m.time_point, m.measured_on
                FROM (SELECT DISTINCT client_id, instrument_code FROM fup_stage_measurement
                      WHERE time_point = :baseline AND NOT confirmed) s
                CROSS JOIN LATERAL (SELECT m.client_id, m.instrument_code, m.time_point, m.measured_on
                  FROM fup_measurement m WHERE m.municipality_code = :municipality AND m.client_id = s.client_id
                   AND m.instrument_code || '' = s.instrument_code AND m.removed_at IS NULL OFFSET 0) m""",
                new MapSqlParameterSource("municipality", municipality).addValue("baseline", TimePoint.BASELINE.code()),
                rs -> {
                    stored.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(new BaselineRule.Measured(
                            rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
                });
        times.add("baseline-probe", t);
        return stored;
    }

    /** Inserts the staged rows whose key is not stored; returns how many were new. */
    int insertNew(String municipality, String unit) {
        long t = System.nanoTime();
        int inserted = jdbc.update("""
                INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on,
                                             time_point, score, answers)
                SELECT :municipality, client_id, :unit, instrument_code, measured_on, time_point, score, answers
                FROM fup_stage_measurement ORDER BY row_number
                ON CONFLICT DO NOTHING""", new MapSqlParameterSource("municipality", municipality).addValue("unit", unit));
        times.add("insert", t);
        return inserted;
    }

    /**
     * Copies rows (parameters as for {@link #load}) straight into {@code fup_measurement}, in their
     * order, and returns how many. Only for rows whose key cannot be stored: rows of clients that
     * this transaction created in the same batch, before any of its measurements were inserted
     * (see {@link Clients#created()}); no other transaction can see those clients, and the import
     * pipeline hands no key twice to the store step. A stored key would fail the whole
     * {@code COPY} on the unique key {@code fup_measurement_unique}, so the caller must never pass
     * one. {@code COPY} inserts many rows per page write and skips the staging table and the
     * {@code INSERT ... SELECT}.
     */
    int copyNew(String municipality, String unit, List<MapSqlParameterSource> rows) {
        long t = System.nanoTime();
        copy("COPY fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point,"
                + " score, answers) FROM STDIN", out -> {
                    for (MapSqlParameterSource r : rows) {
                        out.printRecord(municipality, r.getValue("client"), unit, r.getValue("instrument"),
                                r.getValue("measuredOn"), r.getValue("timePoint"), r.getValue("score"),
                                r.getValue("answers"));
                    }
                });
        times.add("copy-new", t);
        return rows.size();
    }

    /** Creates a staging table in this transaction unless it exists, and empties it. */
    private void stage(String create, String table) {
        jdbc.update(create, NONE);
        jdbc.update("TRUNCATE " + table, NONE);
    }

    /** Writes records in PostgreSQL's COPY text format (Commons CSV's POSTGRESQL_TEXT). */
    private interface Records {
        void write(CSVPrinter out) throws IOException;
    }

    /** Streams the records into {@code sql}'s COPY on the connection of the import's transaction, so the staged rows and the merge share it. */
    private void copy(String sql, Records records) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16);
            try (CSVPrinter out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(stream,
                    StandardCharsets.UTF_8), 1 << 16), CSVFormat.POSTGRESQL_TEXT)) {
                records.write(out);
            } // closing ends the COPY
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + sql.split(" ")[1] + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
