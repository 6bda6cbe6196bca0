package se.samsyn.followup.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the episodes, needs, interventions and measurements that can be corrected and removed on the client page
 * and through the API. Every statement names the client as well as the row, so a row of another
 * client (and so of another unit) is never found; removed rows are never found again.
 */
@Repository
class CorrectableEntries {

    /**
     * What the correction path needs to know of one entry type: its table, the word the history
     * keeps it under ({@code fup_history.table_name}, the table without {@code fup_}), the start of
     * its audited action names ({@code <AUDIT>_CORRECTED}, {@code <AUDIT>_REMOVED}), and the
     * columns a correction may set, which are also the field names of its history rows.
     */
    enum Kind {
        EPISODE("fup_episode", "episode", "EPISODE", Set.of("start_date", "end_date")),
        INTERVENTION("fup_intervention", "intervention", "INTERVENTION", Set.of("start_date", "end_date", "end_reason")),
        NEED("fup_need", "need", "NEED", Set.of("level", "goal")),
        MEASUREMENT("fup_measurement", "measurement", "MEASUREMENT", Set.of("score", "answers"));

        final String table;
        final String what;
        final String audit;
        final Set<String> columns;

        Kind(String table, String what, String audit, Set<String> columns) {
            this.table = table;
            this.what = what;
            this.audit = audit;
            this.columns = columns;
        }
    }

    /** An entry as stored: its id, its municipality for the history, and how a removal describes it there. */
    sealed interface StoredEntry {
        long id();

        String municipality();

        /** What the entry was, as the history keeps it for a removal (codes, ISO dates, plain numbers). */
        String removedText();
    }

    /** An episode as stored. */
    record StoredEpisode(long id, String municipality, String focusArea, LocalDate startDate, LocalDate endDate)
            implements StoredEntry {
        @Override
        public String removedText() {
            return focusArea + " " + startDate + "–" + (endDate == null ? "" : endDate);
        }
    }

    /** An intervention as stored; {@code endReason} is the code or null. */
    record StoredIntervention(long id, String municipality, String code, LocalDate startDate, LocalDate endDate,
                              String endReason) implements StoredEntry {
        @Override
        public String removedText() {
            return code + " " + startDate + "–" + (endDate == null ? "" : endDate);
        }
    }

    /** A need as stored: one life area's level (0–4) and goal (or null) on one assessment date. */
    record StoredNeed(long id, String municipality, LocalDate assessedOn, String lifeArea, int level, String goal)
            implements StoredEntry {
        @Override
        public String removedText() {
            return lifeArea + " " + assessedOn + ": " + level + (goal == null ? "" : " (" + goal + ")");
        }
    }

    /**
     * A measurement as stored: the score in the instrument's units, and the item answers it was
     * scored from as comma-separated text (null when the score was entered directly).
     */
    record StoredMeasurement(long id, String municipality, String instrumentCode, LocalDate measuredOn,
                             String timePoint, double score, String answers) implements StoredEntry {
        @Override
        public String removedText() {
            return instrumentCode + " " + timePoint + " " + measuredOn + ": " + plain(score);
        }
    }

    /** A score as kept in the history: a plain decimal without trailing zeros (40, 62.5); null for none. */
    static String plain(Double score) {
        return score == null ? null : BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }

    private final JdbcClient jdbc;

    CorrectableEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's episode, locked for the rest of the transaction, unless removed. */
    Optional<StoredEpisode> episode(long client, long id) {
        return locked(Kind.EPISODE, "municipality_code, focus_area, start_date, end_date", client, id,
                (rs, n) -> new StoredEpisode(id, rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
    }

    /** The client's intervention, locked for the rest of the transaction, unless removed. */
    Optional<StoredIntervention> intervention(long client, long id) {
        return locked(Kind.INTERVENTION, "municipality_code, intervention_code, start_date, end_date, end_reason",
                client, id, (rs, n) -> new StoredIntervention(id, rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)));
    }

    /** The client's need, locked for the rest of the transaction, unless removed. */
    Optional<StoredNeed> need(long client, long id) {
        return locked(Kind.NEED, "municipality_code, assessed_on, life_area, level, goal", client, id,
                (rs, n) -> new StoredNeed(id, rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5)));
    }

    /** The client's measurement, locked for the rest of the transaction, unless removed. */
    Optional<StoredMeasurement> measurement(long client, long id) {
        return locked(Kind.MEASUREMENT, "municipality_code, instrument_code, measured_on, time_point, score, answers",
                client, id, (rs, n) -> new StoredMeasurement(id, rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getDouble(5), rs.getString(6)));
    }

    /**
     * One entry of {@code kind} of this client, its {@code columns} (constant text, never input) read
     * by {@code row} and the row locked for the rest of the transaction; empty when there is none or
     * it was removed.
     */
    private <S> Optional<S> locked(Kind kind, String columns, long client, long id, RowMapper<S> row) {
        return jdbc.sql("SELECT " + columns + " FROM " + kind.table
                        + " WHERE id = :id AND client_id = :client AND removed_at IS NULL FOR UPDATE")
                .param("id", id).param("client", client)
                .query(row).optional();
    }

    /** Whether another episode of the client has this focus area and start date (the table's key). */
    boolean episodeKeyTaken(long client, long id, String focusArea, LocalDate start) {
        return keyTaken(Kind.EPISODE, "focus_area", client, id, focusArea, start);
    }

    /** Whether another intervention of the client has this code and start date (the table's key). */
    boolean interventionKeyTaken(long client, long id, String code, LocalDate start) {
        return keyTaken(Kind.INTERVENTION, "intervention_code", client, id, code, start);
    }

    /** Whether another entry of the client has this {@code what} (a constant column name) and start date. */
    private boolean keyTaken(Kind kind, String what, long client, long id, String value, LocalDate start) {
        return jdbc.sql("SELECT COUNT(*) FROM " + kind.table
                        + " WHERE client_id = :client AND id <> :id AND " + what + " = :value AND start_date = :start")
                .param("client", client).param("id", id).param("value", value).param("start", start)
                .query(Integer.class).single() > 0;
    }

    /**
     * Sets the given columns of one entry of {@code kind}; each column must be one of the kind's
     * correctable columns (otherwise {@code IllegalArgumentException}). Values as the column takes
     * them (dates, numbers, text, or null).
     */
    void update(Kind kind, long id, Map<String, Object> values) {
        if (values.isEmpty()) {
            return;
        }
        if (!kind.columns.containsAll(values.keySet())) {
            throw new IllegalArgumentException(kind + " " + values.keySet());
        }
        StringJoiner set = new StringJoiner(", ");
        values.keySet().forEach(column -> set.add(column + " = :" + column));
        JdbcClient.StatementSpec update = jdbc.sql("UPDATE " + kind.table + " SET " + set + " WHERE id = :id")
                .param("id", id);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            update = update.param(value.getKey(), value.getValue());
        }
        update.update();
    }

    /** Marks an entry of {@code kind} removed at {@code at}; an entry removed already keeps its time. */
    void markRemoved(Kind kind, long id, Instant at) {
        jdbc.sql("UPDATE " + kind.table + " SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", id).update();
    }
}
