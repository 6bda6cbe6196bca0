package se.samsyn.trials.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.trials.Rating;

/** The SQL of uses and anonymous ratings ({@code trl_use}, {@code trl_rating}). */
@Repository
class BurdenStore {

    /** One use: the day and the minutes. */
    record Use(LocalDate usedOn, int minutes) {
    }

    /** One stored rating with the first day of its period. */
    record PeriodRating(LocalDate periodStart, Rating rating) {
    }

    private final JdbcClient jdbc;

    BurdenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertUse(long trialId, String unitCode, String municipalityCode, LocalDate usedOn, int minutes, String source) {
        jdbc.sql("INSERT INTO trl_use (trial_id, unit_code, municipality_code, used_on, minutes, source) "
                        + "VALUES (:t, :u, :m, :d, :min, :s)")
                .param("t", trialId).param("u", unitCode).param("m", municipalityCode).param("d", usedOn)
                .param("min", minutes).param("s", source).update();
    }

    /** Stores the rating under a random key, with no person and no time but the period. */
    void insertRating(long trialId, String unitCode, String municipalityCode, LocalDate periodStart, Rating r) {
        jdbc.sql("INSERT INTO trl_rating (id, trial_id, unit_code, municipality_code, period_start, mental, physical, "
                        + "temporal, performance, effort, frustration, helped) VALUES (:id, :t, :u, :m, :p, :mental, "
                        + ":physical, :temporal, :performance, :effort, :frustration, :helped)")
                .param("id", UUID.randomUUID().toString()).param("t", trialId).param("u", unitCode)
                .param("m", municipalityCode).param("p", periodStart).param("mental", r.mental())
                .param("physical", r.physical()).param("temporal", r.temporal()).param("performance", r.performance())
                .param("effort", r.effort()).param("frustration", r.frustration()).param("helped", r.helped()).update();
    }

    List<Use> uses(long trialId, String unitCode) {
        return jdbc.sql("SELECT used_on, minutes FROM trl_use WHERE trial_id = :t AND unit_code = :u ORDER BY used_on")
                .param("t", trialId).param("u", unitCode)
                .query((rs, n) -> new Use(rs.getObject("used_on", LocalDate.class), rs.getInt("minutes"))).list();
    }

    List<PeriodRating> ratings(long trialId, String unitCode) {
        return jdbc.sql("SELECT period_start, mental, physical, temporal, performance, effort, frustration, helped "
                        + "FROM trl_rating WHERE trial_id = :t AND unit_code = :u ORDER BY period_start")
                .param("t", trialId).param("u", unitCode)
                .query((rs, n) -> new PeriodRating(rs.getObject("period_start", LocalDate.class), new Rating(
                        rs.getInt("mental"), rs.getInt("physical"), rs.getInt("temporal"), rs.getInt("performance"),
                        rs.getInt("effort"), rs.getInt("frustration"), rs.getBoolean("helped")))).list();
    }
}
