package se.samsyn.trials.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.trials.Measure;

/**
 * The use measures, computed from follow-up's published views {@code fup_fact_unit_*} (V100)
 * without extra typing (issue 15, point 3), for one unit or one municipality, one instrument and
 * one period [from, until):
 * <ul>
 *   <li>reach: clients measured with the instrument in the period ÷ clients with an episode open
 *       at some day of the period, × 100; count = the clients with an open episode;</li>
 *   <li>completeness: of the clients measured with the instrument in the period, the share of the
 *       four required parts of the record that are filled (an episode, a need assessment, an
 *       intervention, a baseline measurement with the instrument), × 100; count = those clients;</li>
 *   <li>measurements: the instrument's measurements dated in the period; count = the same;</li>
 *   <li>outcome change: the mean of (follow-up score − the client's earliest baseline score) over
 *       the follow-up measurements dated in the period of clients with a baseline; count = those
 *       measurements.</li>
 * </ul>
 * A value is null when its count is 0.
 */
@Repository
class UseMeasures {

    /** A value and the count it rests on. */
    record Value(Double value, int count) {
    }

    private final JdbcClient jdbc;

    UseMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One measure for one period.
     *
     * @param scopeCode a unit code, or a four-digit municipality code when {@code municipality}
     */
    Value value(Measure measure, boolean municipality, String scopeCode, String instrument, LocalDate from,
                LocalDate until) {
        String where = municipality ? "municipality_code = :scope" : "unit_code = :scope";
        return switch (measure) {
            case REACH -> reach(where, scopeCode, instrument, from, until);
            case COMPLETENESS -> completeness(where, scopeCode, instrument, from, until);
            case MEASUREMENTS -> {
                int count = jdbc.sql("SELECT COUNT(*) FROM fup_fact_unit_measurement WHERE " + where
                                + " AND instrument_code = :i AND measured_on >= :from AND measured_on < :until")
                        .param("scope", scopeCode).param("i", instrument).param("from", from).param("until", until)
                        .query(Integer.class).single();
                yield new Value((double) count, count);
            }
            case OUTCOME_CHANGE -> outcomeChange(where, scopeCode, instrument, from, until);
            default -> throw new IllegalArgumentException("Not a follow-up measure: " + measure);
        };
    }

    private Value reach(String where, String scope, String instrument, LocalDate from, LocalDate until) {
        List<Long> open = jdbc.sql("SELECT DISTINCT client_id FROM fup_fact_unit_episode WHERE " + where
                        + " AND start_date < :until AND (end_date IS NULL OR end_date >= :from)")
                .param("scope", scope).param("from", from).param("until", until).query(Long.class).list();
        if (open.isEmpty()) {
            return new Value(null, 0);
        }
        int measured = jdbc.sql("SELECT COUNT(DISTINCT m.client_id) FROM fup_fact_unit_measurement m WHERE m."
                        + where + " AND m.instrument_code = :i AND m.measured_on >= :from AND m.measured_on < :until "
                        + "AND EXISTS (SELECT 1 FROM fup_fact_unit_episode e WHERE e.municipality_code = m.municipality_code "
                        + "AND e.client_id = m.client_id AND e.start_date < :until AND (e.end_date IS NULL OR e.end_date >= :from))")
                .param("scope", scope).param("i", instrument).param("from", from).param("until", until)
                .query(Integer.class).single();
        return new Value(100.0 * measured / open.size(), open.size());
    }

    private Value completeness(String where, String scope, String instrument, LocalDate from, LocalDate until) {
        record Parts(int filled, int clients) {
        }
        Parts parts = jdbc.sql("SELECT COALESCE(SUM(r.has_episode + r.has_need + r.has_intervention + "
                        + "CASE WHEN EXISTS (SELECT 1 FROM fup_fact_unit_measurement b WHERE b.municipality_code = r.municipality_code "
                        + "AND b.client_id = r.client_id AND b.instrument_code = :i AND b.time_point = 'baseline') THEN 1 ELSE 0 END), 0) "
                        + "AS filled, COUNT(*) AS clients FROM fup_fact_unit_record r WHERE r." + where
                        + " AND EXISTS (SELECT 1 FROM fup_fact_unit_measurement m WHERE m.municipality_code = r.municipality_code "
                        + "AND m.client_id = r.client_id AND m.instrument_code = :i AND m.measured_on >= :from "
                        + "AND m.measured_on < :until)")
                .param("scope", scope).param("i", instrument).param("from", from).param("until", until)
                .query((rs, n) -> new Parts(rs.getInt("filled"), rs.getInt("clients"))).single();
        return parts.clients() == 0 ? new Value(null, 0) : new Value(100.0 * parts.filled() / (4.0 * parts.clients()),
                parts.clients());
    }

    private Value outcomeChange(String where, String scope, String instrument, LocalDate from, LocalDate until) {
        List<Double> changes = jdbc.sql("SELECT f.score - (SELECT b.score FROM fup_fact_unit_measurement b "
                        + "WHERE b.municipality_code = f.municipality_code AND b.client_id = f.client_id "
                        + "AND b.instrument_code = f.instrument_code AND b.time_point = 'baseline' "
                        + "ORDER BY b.measured_on FETCH FIRST 1 ROWS ONLY) AS change "
                        + "FROM fup_fact_unit_measurement f WHERE f." + where + " AND f.instrument_code = :i "
                        + "AND f.time_point <> 'baseline' AND f.measured_on >= :from AND f.measured_on < :until")
                .param("scope", scope).param("i", instrument).param("from", from).param("until", until)
                .query((rs, n) -> {
                    double c = rs.getDouble("change");
                    return rs.wasNull() ? null : c;
                }).list().stream().filter(c -> c != null).toList();
        return changes.isEmpty() ? new Value(null, 0)
                : new Value(changes.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), changes.size());
    }
}
