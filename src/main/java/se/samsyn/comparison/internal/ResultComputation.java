package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.AgeBands;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.Template;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Instrument;
import se.samsyn.shared.SwedishTime;

/**
 * Computes one follow-up indicator's results in the database from the follow-up fact views
 * ({@code fup_fact_*}) and organisation's population view ({@code org_v_population}) into
 * {@code cmp_result}, per municipality, region, nation and kommungrupp ({@code cmp_area_member}),
 * per year and gender. Levels above the municipality sum numerators and denominators (never
 * average rates), except medians, which are computed from the individual facts of each area.
 * Shares are in percent, {@code clients-per-1000} per 1,000 inhabitants.
 *
 * <p>A computation covers either every municipality or only some ({@link Coverage}): then only
 * their cells and the cells of the areas above them (region, kommungrupp, nation) are replaced,
 * the higher ones from the municipalities' stored sums. Improved shares and medians are read from
 * stored counts per municipality, year, sex and change of score ({@code cmp_change_count}); the
 * medians of regions, kommungrupper and the nation from stored counts per area, year, gender and
 * change ({@code cmp_area_change_count}), which a partial computation corrects by the covered
 * municipalities' old and new counts, so no level reads the facts or counts of other
 * municipalities. Newly written cells get the refresh's revision. Each step's time is logged at
 * DEBUG.
 */
@Component
class ResultComputation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultComputation.class);

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;
    private final boolean postgres;
    private final PreventiveResults preventive;

    ResultComputation(JdbcClient jdbc, Catalogue catalogue, Clock clock, PreventiveResults preventive,
                      @Value("${spring.datasource.url:}") String url) {
        this.preventive = preventive;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    /** Replaces all of the indicator's stored results with freshly computed ones, all marked {@code ok}. */
    void compute(Indicator indicator, long revision) {
        compute(indicator, Coverage.ALL, revision);
    }

    /**
     * Replaces the stored results of the covered municipalities and of the areas above them with
     * freshly computed ones, marked {@code ok}, without colour, with the given revision. Prevention
     * and workforce indicators are always computed whole.
     */
    void compute(Indicator indicator, Coverage coverage, long revision) {
        compute(indicator, coverage, revision, new OutcomeReads());
    }

    /**
     * As {@link #compute(Indicator, Coverage, long)}, sharing the counts per change of score with
     * the other indicators of one refresh ({@code reads}, the same coverage for all of them): an
     * indicator of the same instrument, sign and intervention as one counted before copies its
     * counts instead of reading the outcome facts again.
     */
    void compute(Indicator indicator, Coverage coverage, long revision, OutcomeReads reads) {
        String id = indicator.id();
        Template template = indicator.template();
        Coverage scope = template.source().equals("followup") ? coverage : Coverage.ALL;
        if (scope.all()) {
            jdbc.sql("DELETE FROM cmp_result WHERE indicator_id = :id").param("id", id).update();
        } else {
            jdbc.sql("DELETE FROM cmp_result WHERE indicator_id = :id AND area_code IN (:areas)")
                    .param("id", id).param("areas", areas(scope)).update();
        }
        calculate(indicator, template, scope, reads);
        jdbc.sql("UPDATE cmp_result SET revision = :revision WHERE indicator_id = :id AND revision IS NULL")
                .param("revision", revision).param("id", id).update();
    }

    /** The covered municipalities and every area they count towards. */
    private List<String> areas(Coverage coverage) {
        return jdbc.sql("SELECT DISTINCT area_code FROM cmp_area_member WHERE municipality_code IN (:ms) ORDER BY area_code")
                .param("ms", coverage.codes()).query(String.class).list();
    }

    private void calculate(Indicator indicator, Template template, Coverage scope, OutcomeReads reads) {
        String id = indicator.id();
        if (template == Template.MEDIAN_CHANGE) {
            medianChange(indicator, scope, reads);
            return;
        }
        double factor = template.unit() == MeasureUnit.PER_1000 ? 1000 : 100;
        if (template.workforceMeasure() != null) {
            // competence's published workforce facts have no sex: the municipality's total only
            jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, f.municipality_code, 'municipality', f.stat_year, 'T', f.numerator, f.denominator,
                           f.denominator, 'ok'
                    FROM cpt_fact_workforce f
                    WHERE f.measure = :measure""").param("id", id).param("measure", template.workforceMeasure()).update();
            higherLevels(id, factor, scope);
            return;
        }
        if (template.preventive()) {
            double scale = template.unit() == MeasureUnit.COUNT ? 1 : factor;
            if (preventive.municipalities(indicator)) {
                municipalityTotals(id, scope);
            }
            higherLevels(id, scale, scope);
            return;
        }
        long m = System.nanoTime();
        switch (template) {
            case IMPROVED_SHARE -> improvedShare(indicator, scope, reads);
            case COMPLETED_SHARE -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, f.municipality_code, 'municipality', f.stat_year, f.legal_sex, SUM(f.completed), COUNT(*), COUNT(*), 'ok'
                    FROM fup_fact_intervention_end f
                    WHERE (CAST(:intervention AS VARCHAR(40)) IS NULL OR f.intervention_code = :intervention)"""
                    + scope.filter("f.municipality_code") + """
                     GROUP BY f.municipality_code, f.stat_year, f.legal_sex""")
                    .param("id", id).param("intervention", indicator.interventionCode()).param("ms", scope.codes()).update();
            case GOALS_ACHIEVED -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, f.municipality_code, 'municipality', f.stat_year, f.legal_sex, SUM(f.achieved), COUNT(*), COUNT(*), 'ok'
                    FROM fup_fact_goal f WHERE 1 = 1"""
                    + scope.filter("f.municipality_code") + """
                     GROUP BY f.municipality_code, f.stat_year, f.legal_sex""")
                    .param("id", id).param("ms", scope.codes()).update();
            case CLIENTS_PER_1000 -> clientsPer1000(indicator, scope);
            default -> throw new IllegalStateException("Unknown template " + template);
        }
        debug(indicator, "municipality cells", m);
        // totals per municipality, then every higher level from the municipalities' sums
        long t = System.nanoTime();
        municipalityTotals(id, scope);
        higherLevels(id, factor, scope);
        debug(indicator, "totals and higher levels", t);
    }

    /** The municipalities' totals (gender T) from their rows per sex. */
    private void municipalityTotals(String id, Coverage scope) {
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT indicator_id, area_code, 'municipality', stat_year, 'T', SUM(numerator), SUM(denominator), SUM(n), 'ok'
                FROM cmp_result WHERE indicator_id = :id AND area_kind = 'municipality'"""
                + scope.filter("area_code") + """
                 GROUP BY indicator_id, area_code, stat_year""").param("id", id).param("ms", scope.codes()).update();
    }

    /** Every level above the municipality from the municipalities' sums, then the values (× factor). */
    private void higherLevels(String id, double factor, Coverage scope) {
        List<String> areas = scope.all() ? List.of("") : areas(scope);
        String inAreas = scope.all() ? " " : " AND a.area_code IN (:areas) ";
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT r.indicator_id, a.area_code, a.area_kind, r.stat_year, r.gender, SUM(r.numerator), SUM(r.denominator),
                       SUM(r.n), 'ok'
                FROM cmp_result r JOIN cmp_area_member a ON a.municipality_code = r.area_code AND a.area_kind <> 'municipality'
                WHERE r.indicator_id = :id AND r.area_kind = 'municipality'""" + inAreas + """
                 GROUP BY r.indicator_id, a.area_code, a.area_kind, r.stat_year, r.gender""")
                .param("id", id).param("areas", areas).update();
        jdbc.sql("""
                UPDATE cmp_result SET result_value = CASE WHEN denominator > 0 THEN :factor * numerator / denominator END
                WHERE indicator_id = :id AND revision IS NULL""").param("factor", factor).param("id", id).update();
    }

    /**
     * The municipalities' numerators (clients whose change of score, signed so that better is
     * positive, is at least the instrument's minimal important difference) and denominators (clients
     * with a change) per year and sex, from the stored counts per change ({@link #countChanges}).
     */
    private void improvedShare(Indicator indicator, Coverage scope, OutcomeReads reads) {
        Instrument instrument = instrument(indicator);
        countChanges(indicator, instrument, scope, reads);
        long t = System.nanoTime();
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT :id, s.municipality_code, 'municipality', s.stat_year, s.legal_sex,
                       SUM(CASE WHEN s.change >= :mid THEN s.clients ELSE 0 END), SUM(s.clients), SUM(s.clients), 'ok'
                FROM cmp_change_count s
                WHERE s.indicator_id = :id""" + scope.filter("s.municipality_code") + """
                 GROUP BY s.municipality_code, s.stat_year, s.legal_sex""")
                .param("id", indicator.id()).param("mid", instrument.minimalImportantDifference())
                .param("ms", scope.codes()).update();
        debug(indicator, "municipality shares from the counts", t);
    }

    /**
     * Replaces the covered municipalities' stored counts per year, legal sex and change of score
     * ({@code cmp_change_count}; the change is follow-up score minus baseline score, times −1 when
     * lower is better) with the counts of their outcome facts, for outcomes of the indicator's
     * instrument (and intervention, if it has one). When an indicator of the same instrument, sign
     * and intervention was counted earlier in the same refresh ({@code reads}), its rows are copied
     * instead of reading the facts again.
     */
    private void countChanges(Indicator indicator, Instrument instrument, Coverage scope, OutcomeReads reads) {
        String id = indicator.id();
        int sign = instrument.higherIsBetter() ? 1 : -1;
        long t = System.nanoTime();
        jdbc.sql("DELETE FROM cmp_change_count WHERE indicator_id = :id" + scope.filter("municipality_code"))
                .param("id", id).param("ms", scope.codes()).update();
        String key = instrument.code() + "|" + sign + "|" + indicator.interventionCode();
        String counted = reads.counted(key);
        if (counted != null) {
            jdbc.sql("""
                    INSERT INTO cmp_change_count (indicator_id, municipality_code, stat_year, legal_sex, change, clients)
                    SELECT :id, s.municipality_code, s.stat_year, s.legal_sex, s.change, s.clients
                    FROM cmp_change_count s WHERE s.indicator_id = :counted""" + scope.filter("s.municipality_code"))
                    .param("id", id).param("counted", counted).param("ms", scope.codes()).update();
            debug(indicator, "change counts copied from " + counted, t);
            return;
        }
        jdbc.sql("""
                INSERT INTO cmp_change_count (indicator_id, municipality_code, stat_year, legal_sex, change, clients)
                SELECT :id, c.municipality_code, c.stat_year, c.legal_sex, c.change, COUNT(*)
                FROM (SELECT o.municipality_code, o.stat_year, o.legal_sex, (o.followup_score - o.baseline_score) * :sign AS change
                      FROM fup_fact_outcome o
                      WHERE o.instrument_code = :instrument
                        AND (CAST(:intervention AS VARCHAR(40)) IS NULL OR EXISTS (SELECT 1 FROM fup_fact_client_intervention ci
                             WHERE ci.municipality_code = o.municipality_code AND ci.client_id = o.client_id
                               AND ci.intervention_code = :intervention))""" + scope.filter("o.municipality_code") + """
                     ) c
                GROUP BY c.municipality_code, c.stat_year, c.legal_sex, c.change""")
                .param("id", id).param("instrument", instrument.code()).param("sign", sign)
                .param("intervention", indicator.interventionCode()).param("ms", scope.codes()).update();
        reads.count(key, id);
        debug(indicator, "change counts from the outcome facts", t);
    }

    /**
     * The median change of every covered area, from its stored counts per change (a
     * municipality's own in {@code cmp_change_count}, a region's, kommungrupp's or the nation's in
     * {@code cmp_area_change_count}): the mean of the values at ranks floor((n-1)/2) and
     * floor(n/2) (from 0) of the n changes, which is what {@code PERCENTILE_CONT(0.5)} gives. On a
     * full refresh the areas' counts are summed from every municipality's counts; on a partial one
     * each affected area's new counts are its stored counts minus the covered municipalities' old
     * counts plus their new ones ({@code cmp_scratch_area_change}), so no area's counts are summed
     * again from all its members.
     */
    private void medianChange(Indicator indicator, Coverage scope, OutcomeReads reads) {
        Instrument instrument = instrument(indicator);
        String id = indicator.id();
        List<String> areas = scope.all() ? List.of("") : areas(scope);
        if (!scope.all()) {
            long t = System.nanoTime();
            toScratch(id, scope, -1);
            debug(indicator, "old counts of the municipalities set aside", t);
        }
        countChanges(indicator, instrument, scope, reads);
        long t = System.nanoTime();
        if (scope.all()) {
            jdbc.sql("DELETE FROM cmp_area_change_count WHERE indicator_id = :id").param("id", id).update();
            jdbc.sql("""
                    INSERT INTO cmp_area_change_count (indicator_id, area_code, area_kind, stat_year, gender, change, clients)
                    SELECT s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change, SUM(s.clients)
                    FROM cmp_change_count s
                    JOIN cmp_area_member a ON a.municipality_code = s.municipality_code AND a.area_kind <> 'municipality'
                    JOIN cmp_gender g ON g.legal_sex = s.legal_sex
                    WHERE s.indicator_id = :id
                    GROUP BY s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change""")
                    .param("id", id).update();
            debug(indicator, "area counts summed", t);
        } else {
            toScratch(id, scope, 1);
            jdbc.sql("""
                    INSERT INTO cmp_scratch_area_change (indicator_id, area_code, area_kind, stat_year, gender, change, clients)
                    SELECT indicator_id, area_code, area_kind, stat_year, gender, change, clients
                    FROM cmp_area_change_count WHERE indicator_id = :id AND area_code IN (:areas)""")
                    .param("id", id).param("areas", areas).update();
            jdbc.sql("DELETE FROM cmp_area_change_count WHERE indicator_id = :id AND area_code IN (:areas)")
                    .param("id", id).param("areas", areas).update();
            jdbc.sql("""
                    INSERT INTO cmp_area_change_count (indicator_id, area_code, area_kind, stat_year, gender, change, clients)
                    SELECT indicator_id, area_code, area_kind, stat_year, gender, change, SUM(clients)
                    FROM cmp_scratch_area_change WHERE indicator_id = :id
                    GROUP BY indicator_id, area_code, area_kind, stat_year, gender, change
                    HAVING SUM(clients) <> 0""").param("id", id).update();
            jdbc.sql("DELETE FROM cmp_scratch_area_change WHERE indicator_id = :id").param("id", id).update();
            debug(indicator, "area counts corrected", t);
        }
        t = System.nanoTime();
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, n, status)
                SELECT :id, r.area_code, r.area_kind, r.stat_year, r.gender,
                       (MIN(CASE WHEN r.below > (r.total - 1) / 2 THEN r.change END)
                        + MIN(CASE WHEN r.below > r.total / 2 THEN r.change END)) / 2, MAX(r.total), 'ok'
                FROM (SELECT h.area_code, h.area_kind, h.stat_year, h.gender, h.change,
                             SUM(h.clients) OVER (PARTITION BY h.area_code, h.stat_year, h.gender ORDER BY h.change
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS below,
                             SUM(h.clients) OVER (PARTITION BY h.area_code, h.stat_year, h.gender) AS total
                      FROM (SELECT c.area_code, c.area_kind, c.stat_year, c.gender, c.change, c.clients
                            FROM cmp_area_change_count c
                            WHERE c.indicator_id = :id""" + (scope.all() ? " " : " AND c.area_code IN (:areas) ") + """
                            UNION ALL
                            SELECT a.area_code, a.area_kind, s.stat_year, g.gender, s.change, SUM(s.clients)
                            FROM cmp_change_count s
                            JOIN cmp_area_member a ON a.municipality_code = s.municipality_code AND a.area_kind = 'municipality'
                            JOIN cmp_gender g ON g.legal_sex = s.legal_sex
                            WHERE s.indicator_id = :id""" + scope.filter("s.municipality_code") + """
                            GROUP BY a.area_code, a.area_kind, s.stat_year, g.gender, s.change) h
                     ) r
                GROUP BY r.area_code, r.area_kind, r.stat_year, r.gender""")
                .param("id", id).param("areas", areas).param("ms", scope.codes()).update();
        debug(indicator, "medians of the areas", t);
    }

    /**
     * Sets aside the covered municipalities' stored counts per change, summed to every area they
     * count towards and times {@code sign} (−1 for the counts about to be replaced, 1 for the new
     * ones), in {@code cmp_scratch_area_change}. Reads only the covered municipalities' rows.
     */
    private void toScratch(String id, Coverage scope, int sign) {
        jdbc.sql("""
                INSERT INTO cmp_scratch_area_change (indicator_id, area_code, area_kind, stat_year, gender, change, clients)
                SELECT s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change, :sign * SUM(s.clients)
                FROM cmp_change_count s
                JOIN cmp_area_member a ON a.municipality_code = s.municipality_code AND a.area_kind <> 'municipality'
                JOIN cmp_gender g ON g.legal_sex = s.legal_sex
                WHERE s.indicator_id = :id AND s.municipality_code IN (:ms)
                GROUP BY s.indicator_id, a.area_code, a.area_kind, s.stat_year, g.gender, s.change""")
                .param("sign", sign).param("id", id).param("ms", scope.codes()).update();
    }

    /**
     * Clients with an episode during the year (in the focus area, if one is set), aged within the
     * age bands, per 1,000 inhabitants of those bands and that sex. The population of the nearest
     * year with figures is used when the year itself has none. Every municipality that reports
     * episodes in a year gets both sexes, with zero where none. One statement per population year
     * used (usually one), so the episodes are read once for all years, not once per year.
     */
    private void clientsPer1000(Indicator indicator, Coverage scope) {
        List<String> bands = AgeBands.parse(indicator.ageBand());
        List<Integer> populationYears = jdbc.sql("SELECT DISTINCT stat_year FROM org_v_population ORDER BY stat_year")
                .query(Integer.class).list();
        if (populationYears.isEmpty()) {
            return;
        }
        int[] range = AgeBands.range(bands);
        List<Integer> years = jdbc.sql("""
                SELECT y.stat_year FROM cmp_calendar_year y
                WHERE y.stat_year BETWEEN (SELECT MIN(start_year) FROM fup_fact_episode WHERE 1 = 1"""
                + scope.filter("municipality_code") + """
                ) AND :now
                ORDER BY y.stat_year""")
                .param("now", SwedishTime.today(clock).getYear()).param("ms", scope.codes()).query(Integer.class).list();
        java.util.Map<Integer, List<Integer>> byPopulationYear = new java.util.TreeMap<>();
        years.forEach(year -> byPopulationYear.computeIfAbsent(nearest(populationYears, year), p -> new java.util.ArrayList<>()).add(year));
        byPopulationYear.forEach((populationYear, statYears) -> jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT :id, p.municipality_code, 'municipality', a.stat_year, p.sex,
                       CASE WHEN p.sex = 'K' THEN a.women ELSE a.men END, p.population,
                       CASE WHEN p.sex = 'K' THEN a.women ELSE a.men END, 'ok'
                FROM (SELECT c.municipality_code, c.stat_year,
                             SUM(CASE WHEN c.legal_sex = 'K' THEN c.clients ELSE 0 END) AS women,
                             SUM(CASE WHEN c.legal_sex = 'M' THEN c.clients ELSE 0 END) AS men
                      FROM (SELECT e.municipality_code, y.stat_year, e.legal_sex,
                                   COUNT(DISTINCT CASE WHEN y.stat_year - e.birth_year BETWEEN :minAge AND :maxAge
                                                       THEN e.client_id END) AS clients
                            FROM fup_fact_episode e
                            JOIN cmp_calendar_year y ON y.stat_year >= e.start_year
                                                    AND (e.end_year IS NULL OR y.stat_year <= e.end_year)
                            WHERE y.stat_year IN (:years)
                              AND (CAST(:focusArea AS VARCHAR(40)) IS NULL OR e.focus_area = :focusArea)"""
                + scope.filter("e.municipality_code") + """
                            GROUP BY e.municipality_code, y.stat_year, e.legal_sex) c
                      GROUP BY c.municipality_code, c.stat_year) a
                JOIN (SELECT municipality_code, sex, SUM(population) AS population FROM org_v_population
                      WHERE stat_year = :populationYear AND age_band IN (:bands) AND sex IN ('K', 'M')"""
                + scope.filter("municipality_code") + """
                      GROUP BY municipality_code, sex) p
                  ON p.municipality_code = a.municipality_code""")
                .param("id", indicator.id()).param("years", statYears).param("focusArea", indicator.filterFocusArea())
                .param("minAge", range[0]).param("maxAge", range[1]).param("populationYear", populationYear)
                .param("bands", bands).param("ms", scope.codes()).update());
    }

    private static void debug(Indicator indicator, String step, long started) {
        if (log.isDebugEnabled()) {
            log.debug("{}: {} in {} ms", indicator.id(), step, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Which outcome facts one refresh has already counted per change of score: for a key of
     * instrument, sign and intervention filter, the indicator whose {@code cmp_change_count} rows
     * hold the counts. Belongs to one refresh of one coverage; not thread-safe.
     */
    static final class OutcomeReads {

        private final java.util.Map<String, String> counted = new java.util.HashMap<>();

        /** The indicator whose rows hold the counts of {@code key}, or null when not counted yet. */
        String counted(String key) {
            return counted.get(key);
        }

        /** Records that {@code indicatorId}'s rows now hold the counts of {@code key}. */
        void count(String key, String indicatorId) {
            counted.putIfAbsent(key, indicatorId);
        }
    }

    static int nearest(List<Integer> years, int year) {
        int best = years.get(0);
        for (int y : years) {
            if (Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) == Math.abs(best - year) && y <= year)) {
                best = y;
            }
        }
        return best;
    }

    private Instrument instrument(Indicator indicator) {
        return catalogue.instrument(indicator.instrumentCode())
                .orElseThrow(() -> new IllegalStateException("Unknown instrument " + indicator.instrumentCode()));
    }

}
