package se.samsyn.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.followup.Client;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.Episode;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.Intervention;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.TimePoint;

/**
 * Follow-up SQL. Inserts use ON CONFLICT DO NOTHING against each table's natural key, so that a
 * record entered twice, or an import run twice, is reported as unchanged rather than duplicated.
 */
@Repository
class FollowupRepository {

    static final String INSERT_CLIENT = """
            INSERT INTO fup_client (municipality_code, unit_code, pseudonym, birth_year, legal_sex, created_at)
            VALUES (:municipality, :unit, :pseudonym, :birthYear, :sex, :at) ON CONFLICT DO NOTHING""";
    static final String INSERT_EPISODE = """
            INSERT INTO fup_episode (municipality_code, client_id, unit_code, focus_area, start_date, end_date)
            VALUES (:municipality, :client, :unit, :focusArea, :startDate, :endDate) ON CONFLICT DO NOTHING""";
    static final String INSERT_NEED = """
            INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level, goal)
            VALUES (:municipality, :client, :unit, :assessedOn, :lifeArea, :level, :goal) ON CONFLICT DO NOTHING""";
    static final String INSERT_INTERVENTION = """
            INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date,
                                          end_date, end_reason)
            VALUES (:municipality, :client, :unit, :code, :startDate, :endDate, :endReason) ON CONFLICT DO NOTHING""";
    static final String INSERT_MEASUREMENT = """
            INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on,
                                         time_point, score, answers)
            VALUES (:municipality, :client, :unit, :instrument, :measuredOn, :timePoint, :score, :answers)
            ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    FollowupRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Long> clientId(String municipality, String unit, String pseudonym) {
        return jdbc.sql("""
                SELECT id FROM fup_client
                WHERE municipality_code = :municipality AND unit_code = :unit AND pseudonym = :pseudonym""")
                .param("municipality", municipality).param("unit", unit).param("pseudonym", pseudonym)
                .query(Long.class).optional();
    }

    /** The ids of the given pseudonyms' clients in one unit, by pseudonym. */
    Map<String, Long> clientIds(String municipality, String unit, List<String> pseudonyms) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                SELECT pseudonym, id FROM fup_client
                WHERE municipality_code = :municipality AND unit_code = :unit AND pseudonym IN (:pseudonyms)""")
                .param("municipality", municipality).param("unit", unit).param("pseudonyms", pseudonyms)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** Returns whether a new client row was created. */
    boolean insertClient(String municipality, String unit, String pseudonym, int birthYear, String sex, Instant at) {
        return jdbc.sql(INSERT_CLIENT)
                .param("municipality", municipality).param("unit", unit).param("pseudonym", pseudonym)
                .param("birthYear", birthYear).param("sex", sex)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<Client> client(long id) {
        return jdbc.sql("""
                SELECT id, municipality_code, unit_code, birth_year, legal_sex, created_at FROM fup_client WHERE id = :id""")
                .param("id", id).query((rs, n) -> client(rs)).optional();
    }

    List<Client> recentClients(String unit, int limit) {
        return jdbc.sql("""
                SELECT id, municipality_code, unit_code, birth_year, legal_sex, created_at FROM fup_client
                WHERE unit_code = :unit ORDER BY id DESC LIMIT :limit""")
                .param("unit", unit).param("limit", limit).query((rs, n) -> client(rs)).list();
    }

    private static Client client(ResultSet rs) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("unit_code"),
                rs.getInt("birth_year"), rs.getString("legal_sex"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    List<Episode> episodes(long client) {
        return jdbc.sql("SELECT id, focus_area, start_date, end_date FROM fup_episode WHERE client_id = :c AND removed_at IS NULL ORDER BY start_date, id")
                .param("c", client)
                .query((rs, n) -> new Episode(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    List<Need> needs(long client) {
        return jdbc.sql("""
                SELECT id, assessed_on, life_area, level, goal, goal_status FROM fup_need
                WHERE client_id = :c AND removed_at IS NULL ORDER BY assessed_on, life_area""")
                .param("c", client)
                .query((rs, n) -> new Need(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        LifeArea.fromCode(rs.getString(3)).orElseThrow(), rs.getInt(4), rs.getString(5),
                        rs.getString(6) == null ? null : GoalStatus.fromCode(rs.getString(6)).orElse(null)))
                .list();
    }

    List<Intervention> interventions(long client) {
        return jdbc.sql("""
                SELECT i.id, i.intervention_code, t.name_sv, i.start_date, i.end_date, i.end_reason
                FROM fup_intervention i JOIN fup_intervention_type t ON t.code = i.intervention_code
                WHERE i.client_id = :c AND i.removed_at IS NULL ORDER BY i.start_date, i.id""")
                .param("c", client)
                .query((rs, n) -> new Intervention(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getString(6) == null ? null : EndReason.fromCode(rs.getString(6)).orElse(null)))
                .list();
    }

    List<Measurement> measurements(long client) {
        return jdbc.sql("""
                SELECT id, instrument_code, measured_on, time_point, score FROM fup_measurement
                WHERE client_id = :c AND removed_at IS NULL ORDER BY measured_on, id""")
                .param("c", client)
                .query((rs, n) -> new Measurement(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        TimePoint.fromCode(rs.getString(4)).orElseThrow(), rs.getDouble(5)))
                .list();
    }

    int insert(String sql, MapSqlParameterSource row) {
        return batch.update(sql, row);
    }

    /** Inserts a batch and returns how many rows were new. */
    int insertBatch(String sql, List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return Arrays.stream(batch.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new)))
                .map(c -> c > 0 ? 1 : 0).sum();
    }

    int setGoalStatus(long client, long need, String status) {
        return jdbc.sql("UPDATE fup_need SET goal_status = :status WHERE id = :id AND client_id = :client AND goal IS NOT NULL"
                + " AND removed_at IS NULL")
                .param("status", status).param("id", need).param("client", client).update();
    }

    int endIntervention(long client, long intervention, LocalDate endDate, String reason) {
        return jdbc.sql("""
                UPDATE fup_intervention SET end_date = :endDate, end_reason = :reason
                WHERE id = :id AND client_id = :client AND removed_at IS NULL""")
                .param("endDate", endDate).param("reason", reason).param("id", intervention).param("client", client)
                .update();
    }

    List<InterventionType> interventionTypes() {
        return jdbc.sql("SELECT code, name_sv, name_en, focus_areas, guide_entry, active FROM fup_intervention_type ORDER BY name_sv")
                .query((rs, n) -> new InterventionType(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of(rs.getString(4).split(",")), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    boolean interventionTypeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM fup_intervention_type WHERE code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }

    void insertInterventionType(InterventionType t) {
        jdbc.sql("""
                INSERT INTO fup_intervention_type (code, name_sv, name_en, focus_areas, guide_entry, active)
                VALUES (:code, :sv, :en, :areas, :guide, TRUE)""")
                .param("code", t.code()).param("sv", t.nameSv()).param("en", t.nameEn())
                .param("areas", String.join(",", t.focusAreas())).param("guide", t.guideEntry())
                .update();
    }

    List<Instrument> instruments() {
        List<Instrument.Item> none = List.of();
        List<Instrument> bare = jdbc.sql("""
                SELECT code, name_sv, name_en, scoring, multiplier, score_min, score_max, higher_is_better,
                       minimal_important_difference, source FROM fup_instrument ORDER BY code""")
                .query((rs, n) -> new Instrument(rs.getString(1), rs.getString(2), rs.getString(3),
                        ScoringRule.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6),
                        rs.getDouble(7), rs.getBoolean(8), rs.getDouble(9), rs.getString(10), none))
                .list();
        return bare.stream().map(i -> new Instrument(i.code(), i.nameSv(), i.nameEn(), i.scoring(), i.multiplier(),
                i.scoreMin(), i.scoreMax(), i.higherIsBetter(), i.minimalImportantDifference(), i.source(),
                jdbc.sql("""
                        SELECT item_no, text_sv, text_en, min_value, max_value FROM fup_instrument_item
                        WHERE instrument_code = :code ORDER BY item_no""")
                        .param("code", i.code())
                        .query((rs, n) -> new Instrument.Item(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getInt(5)))
                        .list())).toList();
    }

    boolean instrumentExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM fup_instrument WHERE code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }

    void insertInstrument(Instrument i) {
        jdbc.sql("""
                INSERT INTO fup_instrument (code, name_sv, name_en, scoring, multiplier, score_min, score_max,
                                            higher_is_better, minimal_important_difference, source)
                VALUES (:code, :sv, :en, :scoring, :multiplier, :min, :max, :higher, :mid, :source)""")
                .param("code", i.code()).param("sv", i.nameSv()).param("en", i.nameEn())
                .param("scoring", i.scoring().name()).param("multiplier", i.multiplier())
                .param("min", i.scoreMin()).param("max", i.scoreMax()).param("higher", i.higherIsBetter())
                .param("mid", i.minimalImportantDifference()).param("source", i.source())
                .update();
        for (Instrument.Item item : i.items()) {
            jdbc.sql("""
                    INSERT INTO fup_instrument_item (instrument_code, item_no, text_sv, text_en, min_value, max_value)
                    VALUES (:code, :no, :sv, :en, :min, :max)""")
                    .param("code", i.code()).param("no", item.number()).param("sv", item.textSv())
                    .param("en", item.textEn()).param("min", item.min()).param("max", item.max())
                    .update();
        }
    }
}
