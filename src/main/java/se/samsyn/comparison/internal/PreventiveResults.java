package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.AgeBands;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.Template;
import se.samsyn.shared.SwedishTime;

/**
 * The municipalities' rows of the preventive indicators (ADR 14), read from prevention's published
 * views {@code prv_fact_reach}, {@code prv_fact_activity} and {@code prv_fact_outcome} and
 * organisation's {@code org_v_population}. The indicator's intervention code, when set, is the
 * activity kind; its instrument the anonymous questionnaire. {@link ResultComputation} adds the
 * totals and the higher levels (sums of numerators and denominators, never averages of rates).
 * {@link #withheld} names the municipality-year cells of an anonymous improved share that
 * {@link ResultMarking} hides as primary (ADR 0015, "Preventive pairs").
 */
@Component
class PreventiveResults {

    private final JdbcClient jdbc;
    private final Clock clock;

    PreventiveResults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes the municipalities' rows of the indicator.
     *
     * @return true when the rows are per sex (K, M) and the totals are still to be added; false when
     *         the rows are totals (T) already
     */
    boolean municipalities(Indicator indicator) {
        Template template = indicator.template();
        switch (template) {
            case REACH_PER_1000 -> reachPer1000(indicator);
            case PARTICIPANTS_PER_ACTIVITY -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, a.municipality_code, 'municipality', a.stat_year, 'T', COALESCE(r.participants, 0), a.activities,
                           COALESCE(r.participants, 0), 'ok'
                    FROM (SELECT municipality_code, stat_year, SUM(activities) AS activities FROM prv_fact_activity
                          WHERE CAST(:kind AS VARCHAR(40)) IS NULL OR activity_kind = :kind
                          GROUP BY municipality_code, stat_year) a
                    LEFT JOIN (SELECT municipality_code, stat_year, SUM(participants) AS participants FROM prv_fact_reach
                          WHERE CAST(:kind AS VARCHAR(40)) IS NULL OR activity_kind = :kind
                          GROUP BY municipality_code, stat_year) r
                      ON r.municipality_code = a.municipality_code AND r.stat_year = a.stat_year""")
                    .param("id", indicator.id()).param("kind", indicator.interventionCode()).update();
            case ANONYMOUS_IMPROVED_SHARE -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, o.municipality_code, 'municipality', o.stat_year, 'T', SUM(o.improved), SUM(o.respondents),
                           SUM(o.respondents), 'ok'
                    FROM prv_fact_outcome o
                    WHERE o.instrument_code = :instrument
                      AND (CAST(:kind AS VARCHAR(40)) IS NULL OR o.activity_kind = :kind)
                    GROUP BY o.municipality_code, o.stat_year""")
                    .param("id", indicator.id()).param("instrument", indicator.instrumentCode())
                    .param("kind", indicator.interventionCode()).update();
            default -> throw new IllegalStateException("Not a preventive template " + template);
        }
        return template == Template.REACH_PER_1000;
    }

    /**
     * The municipalities whose cell of the year must be hidden as a primary cell (ADR 0015,
     * "Preventive pairs"): for an anonymous improved share, those where an activity counted in the
     * cell (of the indicator's instrument and kind, if it has one) withholds its own improved count
     * or has answer pairs on the instrument in another year too ({@code prv_fact_outcome.withheld_activities}
     * above 0), so the cell less the results the activities show would give a withheld or partial
     * result. Empty for every other template.
     *
     * @return municipality codes, e.g. {@code 1280}
     */
    Set<String> withheld(Indicator indicator, int year) {
        if (indicator.template() != Template.ANONYMOUS_IMPROVED_SHARE) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT o.municipality_code FROM prv_fact_outcome o
                WHERE o.instrument_code = :instrument AND o.stat_year = :year
                  AND (CAST(:kind AS VARCHAR(40)) IS NULL OR o.activity_kind = :kind)
                GROUP BY o.municipality_code
                HAVING SUM(o.withheld_activities) > 0""")
                .param("instrument", indicator.instrumentCode()).param("year", year)
                .param("kind", indicator.interventionCode()).query(String.class).list());
    }

    /**
     * The cells above withheld municipality cells (ADR 0015, "Preventive pairs", the activity pages):
     * every area (region, kommungrupp, the nation) with a municipality among {@code withheld} as a
     * member, gender T. Such a cell is hidden too, so that every shown cell of an anonymous improved
     * share, at every level, is a sum of whole results that the activities' own pages show: set
     * against those pages, a shown area holding a withheld cell gives its withheld part (the area
     * less the pages of every other activity in it), whatever other cells are hidden beside it.
     *
     * @param withheld the municipality codes of the year's withheld cells ({@link #withheld})
     * @param members  per area code, its member municipality codes
     * @return the cells (area code, T) to hide; empty when {@code withheld} is
     */
    static Set<Suppression.Cell> above(Set<String> withheld, Map<String, List<String>> members) {
        Set<Suppression.Cell> cells = new HashSet<>();
        if (withheld.isEmpty()) {
            return cells;
        }
        members.forEach((area, municipalities) -> {
            if (municipalities.stream().anyMatch(withheld::contains)) {
                cells.add(new Suppression.Cell(area, "T"));
            }
        });
        return cells;
    }

    /**
     * Persons reached in the age bands per 1,000 inhabitants of the bands and sex. Every municipality
     * with reach of the kind in the year gets both sexes, zero where none; the population of the
     * nearest year with figures is used when the year itself has none.
     */
    private void reachPer1000(Indicator indicator) {
        List<String> bands = AgeBands.parse(indicator.ageBand());
        List<Integer> populationYears = jdbc.sql("SELECT DISTINCT stat_year FROM org_v_population ORDER BY stat_year")
                .query(Integer.class).list();
        List<Integer> years = jdbc.sql("""
                SELECT DISTINCT stat_year FROM prv_fact_reach
                WHERE (CAST(:kind AS VARCHAR(40)) IS NULL OR activity_kind = :kind) AND stat_year <= :now ORDER BY stat_year""")
                .param("kind", indicator.interventionCode()).param("now", SwedishTime.today(clock).getYear())
                .query(Integer.class).list();
        if (populationYears.isEmpty()) {
            return;
        }
        for (int year : years) {
            jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, p.municipality_code, 'municipality', :year, p.sex, COALESCE(c.participants, 0), p.population,
                           COALESCE(c.participants, 0), 'ok'
                    FROM (SELECT municipality_code, sex, SUM(population) AS population FROM org_v_population
                          WHERE stat_year = :populationYear AND age_band IN (:bands) AND sex IN ('K', 'M')
                          GROUP BY municipality_code, sex) p
                    JOIN (SELECT DISTINCT municipality_code FROM prv_fact_reach
                          WHERE stat_year = :year AND (CAST(:kind AS VARCHAR(40)) IS NULL OR activity_kind = :kind)) r
                      ON r.municipality_code = p.municipality_code
                    LEFT JOIN (SELECT municipality_code, sex, SUM(participants) AS participants FROM prv_fact_reach
                          WHERE stat_year = :year AND (CAST(:kind AS VARCHAR(40)) IS NULL OR activity_kind = :kind)
                            AND age_band IN (:bands)
                          GROUP BY municipality_code, sex) c
                      ON c.municipality_code = p.municipality_code AND c.sex = p.sex""")
                    .param("id", indicator.id()).param("year", year).param("kind", indicator.interventionCode())
                    .param("populationYear", ResultComputation.nearest(populationYears, year)).param("bands", bands)
                    .update();
        }
    }
}
