package se.samsyn.followup.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the episodes, needs, interventions and measurements that can be corrected and removed on the client page
 * and through the API. Every statement names the client as well as the row, so a row of another
 * client (and so of another unit) is never found; removed rows are never found again.
 */
@Repository
class CorrectableEntries {

    /** An episode as stored, with its municipality for the history. */
    record StoredEpisode(long id, String municipality, String focusArea, LocalDate startDate, LocalDate endDate) {
    }

    /** An intervention as stored; {@code endReason} is the code or null. */
    record StoredIntervention(long id, String municipality, String code, LocalDate startDate, LocalDate endDate,
                              String endReason) {
    }

    /** A need as stored: one life area's level (0–4) and goal (or null) on one assessment date. */
    record StoredNeed(long id, String municipality, LocalDate assessedOn, String lifeArea, int level, String goal) {
    }

    /**
     * A measurement as stored: the score in the instrument's units, and the item answers it was
     * scored from as comma-separated text (null when the score was entered directly).
     */
    record StoredMeasurement(long id, String municipality, String instrumentCode, LocalDate measuredOn,
                             String timePoint, double score, String answers) {
    }

    private final JdbcClient jdbc;

    CorrectableEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's episode, locked for the rest of the transaction, unless removed. */
    Optional<StoredEpisode> episode(long client, long id) {
        return jdbc.sql("""
                SELECT id, municipality_code, focus_area, start_date, end_date FROM fup_episode
                WHERE id = :id AND client_id = :client AND removed_at IS NULL FOR UPDATE""")
                .param("id", id).param("client", client)
                .query((rs, n) -> new StoredEpisode(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .optional();
    }

    /** The client's intervention, locked for the rest of the transaction, unless removed. */
    Optional<StoredIntervention> intervention(long client, long id) {
        return jdbc.sql("""
                SELECT id, municipality_code, intervention_code, start_date, end_date, end_reason FROM fup_intervention
                WHERE id = :id AND client_id = :client AND removed_at IS NULL FOR UPDATE""")
                .param("id", id).param("client", client)
                .query((rs, n) -> new StoredIntervention(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .optional();
    }

    /** The client's need, locked for the rest of the transaction, unless removed. */
    Optional<StoredNeed> need(long client, long id) {
        return jdbc.sql("""
                SELECT id, municipality_code, assessed_on, life_area, level, goal FROM fup_need
                WHERE id = :id AND client_id = :client AND removed_at IS NULL FOR UPDATE""")
                .param("id", id).param("client", client)
                .query((rs, n) -> new StoredNeed(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getInt(5), rs.getString(6)))
                .optional();
    }

    /** The client's measurement, locked for the rest of the transaction, unless removed. */
    Optional<StoredMeasurement> measurement(long client, long id) {
        return jdbc.sql("""
                SELECT id, municipality_code, instrument_code, measured_on, time_point, score, answers
                FROM fup_measurement
                WHERE id = :id AND client_id = :client AND removed_at IS NULL FOR UPDATE""")
                .param("id", id).param("client", client)
                .query((rs, n) -> new StoredMeasurement(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getDouble(6), rs.getString(7)))
                .optional();
    }

    /** Whether another episode of the client has this focus area and start date (the table's key). */
    boolean episodeKeyTaken(long client, long id, String focusArea, LocalDate start) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM fup_episode
                WHERE client_id = :client AND id <> :id AND focus_area = :area AND start_date = :start""")
                .param("client", client).param("id", id).param("area", focusArea).param("start", start)
                .query(Integer.class).single() > 0;
    }

    /** Whether another intervention of the client has this code and start date (the table's key). */
    boolean interventionKeyTaken(long client, long id, String code, LocalDate start) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM fup_intervention
                WHERE client_id = :client AND id <> :id AND intervention_code = :code AND start_date = :start""")
                .param("client", client).param("id", id).param("code", code).param("start", start)
                .query(Integer.class).single() > 0;
    }

    void updateEpisode(long id, LocalDate start, LocalDate end) {
        jdbc.sql("UPDATE fup_episode SET start_date = :start, end_date = :end WHERE id = :id")
                .param("start", start).param("end", end).param("id", id).update();
    }

    void updateIntervention(long id, LocalDate start, LocalDate end, String reason) {
        jdbc.sql("UPDATE fup_intervention SET start_date = :start, end_date = :end, end_reason = :reason WHERE id = :id")
                .param("start", start).param("end", end).param("reason", reason).param("id", id).update();
    }

    void updateNeed(long id, int level, String goal) {
        jdbc.sql("UPDATE fup_need SET level = :level, goal = :goal WHERE id = :id")
                .param("level", level).param("goal", goal).param("id", id).update();
    }

    /** Sets the score; the item answers no longer give it, so they are cleared. */
    void updateMeasurementScore(long id, double score) {
        jdbc.sql("UPDATE fup_measurement SET score = :score, answers = NULL WHERE id = :id")
                .param("score", score).param("id", id).update();
    }

    /**
     * Marks a row of {@code fup_episode}, {@code fup_need}, {@code fup_intervention} or
     * {@code fup_measurement} removed at {@code at}.
     */
    void markRemoved(String table, long id, Instant at) {
        if (!java.util.Set.of("fup_episode", "fup_need", "fup_intervention", "fup_measurement").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        jdbc.sql("UPDATE " + table + " SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", id).update();
    }
}
