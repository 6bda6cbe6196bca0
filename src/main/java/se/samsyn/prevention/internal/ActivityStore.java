package se.samsyn.prevention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.ReachRow;

/**
 * The SQL of activities, reach (with its history) and anonymous answers: {@code prv_activity},
 * {@code prv_reach}, {@code prv_reach_history}, {@code prv_answer}.
 */
@Component
class ActivityStore {

    private static final String COLUMNS = """
            id, municipality_code, unit_code, district, kind_code, title, target_sex, target_bands, described_group,
            estimated_size, starts_on, ends_on, instrument_code""";

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every activity, newest first (the caller filters what the actor may see). */
    List<Activity> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM prv_activity ORDER BY starts_on DESC, id DESC")
                .query(ActivityStore::activity).list();
    }

    List<Activity> ofMunicipality(String municipalityCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM prv_activity WHERE municipality_code = :m ORDER BY starts_on DESC, id DESC")
                .param("m", municipalityCode).query(ActivityStore::activity).list();
    }

    Optional<Activity> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM prv_activity WHERE id = :id").param("id", id)
                .query(ActivityStore::activity).optional();
    }

    long insert(String municipalityCode, ActivityDraft d, Instant at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO prv_activity (municipality_code, unit_code, district, kind_code, title, target_sex, target_bands,
                       described_group, estimated_size, starts_on, ends_on, instrument_code, created_at, created_by)
                VALUES (:m, :unit, :district, :kind, :title, :sex, :bands, :described, :size, :starts, :ends, :instrument,
                       :at, :by)""")
                .param("m", municipalityCode).param("unit", d.unitCode()).param("district", d.district())
                .param("kind", d.kindCode()).param("title", d.title()).param("sex", d.targetSex())
                .param("bands", d.targetBands() == null || d.targetBands().isEmpty() ? null : String.join(",", d.targetBands()))
                .param("described", d.describedGroup()).param("size", d.estimatedSize())
                .param("starts", d.startsOn()).param("ends", d.endsOn()).param("instrument", d.instrumentCode())
                .param("at", java.sql.Timestamp.from(at)).param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The stored reach rows of the activity, by month, sex and band. */
    List<ReachRow> reach(long activityId) {
        return jdbc.sql("""
                SELECT month_start, sex, age_band, participants, contacts FROM prv_reach WHERE activity_id = :id
                ORDER BY month_start, sex, age_band""").param("id", activityId)
                .query((rs, n) -> new ReachRow(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5))).list();
    }

    /** The stored rows of the activity by {@link #key}. */
    Map<String, ReachRow> reachByKey(long activityId) {
        Map<String, ReachRow> found = new HashMap<>();
        reach(activityId).forEach(r -> found.put(key(r), r));
        return found;
    }

    static String key(ReachRow r) {
        return r.month() + "|" + r.sex() + "|" + r.ageBand();
    }

    /**
     * Stores one row: inserted when new, updated when its counts differ, left alone when equal;
     * every insert and update is written to the history.
     *
     * @return {@code created}, {@code updated} or {@code unchanged}
     */
    String save(long activityId, ReachRow row, ReachRow earlier, Instant at, String by, String source) {
        if (earlier != null && earlier.participants() == row.participants() && earlier.contacts() == row.contacts()) {
            return "unchanged";
        }
        LocalDate month = row.month().atDay(1);
        if (earlier == null) {
            jdbc.sql("""
                    INSERT INTO prv_reach (activity_id, month_start, sex, age_band, participants, contacts, updated_at, updated_by)
                    VALUES (:id, :month, :sex, :band, :p, :c, :at, :by)""")
                    .param("id", activityId).param("month", month).param("sex", row.sex()).param("band", row.ageBand())
                    .param("p", row.participants()).param("c", row.contacts()).param("at", java.sql.Timestamp.from(at))
                    .param("by", by).update();
        } else {
            jdbc.sql("""
                    UPDATE prv_reach SET participants = :p, contacts = :c, updated_at = :at, updated_by = :by
                    WHERE activity_id = :id AND month_start = :month AND sex = :sex AND age_band = :band""")
                    .param("id", activityId).param("month", month).param("sex", row.sex()).param("band", row.ageBand())
                    .param("p", row.participants()).param("c", row.contacts()).param("at", java.sql.Timestamp.from(at))
                    .param("by", by).update();
        }
        jdbc.sql("""
                INSERT INTO prv_reach_history (activity_id, month_start, sex, age_band, participants_before, contacts_before,
                       participants_after, contacts_after, changed_at, changed_by, source)
                VALUES (:id, :month, :sex, :band, :pb, :cb, :p, :c, :at, :by, :source)""")
                .param("id", activityId).param("month", month).param("sex", row.sex()).param("band", row.ageBand())
                .param("pb", earlier == null ? null : earlier.participants())
                .param("cb", earlier == null ? null : earlier.contacts())
                .param("p", row.participants()).param("c", row.contacts()).param("at", java.sql.Timestamp.from(at))
                .param("by", by).param("source", source).update();
        return earlier == null ? "created" : "updated";
    }

    /** How many history rows the activity's reach has (for tests and the page). */
    int historyCount(long activityId) {
        return jdbc.sql("SELECT COUNT(*) FROM prv_reach_history WHERE activity_id = :id").param("id", activityId)
                .query(Integer.class).single();
    }

    void insertAnswer(long activityId, String instrumentCode, YearMonth month, double before, double after) {
        jdbc.sql("""
                INSERT INTO prv_answer (activity_id, instrument_code, answered_month, before_score, after_score)
                VALUES (:id, :instrument, :month, :before, :after)""")
                .param("id", activityId).param("instrument", instrumentCode).param("month", month.atDay(1))
                .param("before", before).param("after", after).update();
    }

    /** The activity's answer pairs as {before, after} scores. */
    List<double[]> answers(long activityId, String instrumentCode) {
        return jdbc.sql("SELECT before_score, after_score FROM prv_answer WHERE activity_id = :id AND instrument_code = :i")
                .param("id", activityId).param("i", instrumentCode)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).list();
    }

    private static Activity activity(ResultSet rs, int n) throws SQLException {
        String bands = rs.getString("target_bands");
        java.sql.Date ends = rs.getDate("ends_on");
        return new Activity(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("unit_code"),
                rs.getString("district"), rs.getString("kind_code"), rs.getString("title"), rs.getString("target_sex"),
                bands == null ? List.of() : Arrays.asList(bands.split(",")), rs.getString("described_group"),
                (Integer) rs.getObject("estimated_size", Integer.class), rs.getDate("starts_on").toLocalDate(),
                ends == null ? null : ends.toLocalDate(), rs.getString("instrument_code"));
    }
}
