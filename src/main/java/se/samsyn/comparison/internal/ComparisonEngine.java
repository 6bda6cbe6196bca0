package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.AgeBands;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.RefreshRunning;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.Template;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRecords.Instrument;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * Computes and stores the results of indicators, in the manner of DHIS2's analytics tables:
 * follow-up indicators are aggregated in the database from the follow-up fact views into
 * {@code cmp_result} per municipality, region, nation and kommungrupp, per year and gender;
 * levels above the municipality sum numerators and denominators (never average rates), except
 * medians, which are computed from the individual facts of each area. Then suppression and the
 * relative colours are applied. Imported indicators only get their colours.
 */
@Service
class ComparisonEngine {

    private static final Logger log = LoggerFactory.getLogger(ComparisonEngine.class);

    private final JdbcClient jdbc;
    private final ComparisonRepository repository;
    private final Catalogue catalogue;
    private final Clock clock;
    private final int threshold;
    private final double greenPercent;
    private final double redPercent;
    private final boolean postgres;
    private final ChangeSignals signals;
    private final ClusterLocks locks;
    private final org.springframework.transaction.support.TransactionTemplate outside;

    /** Change-signal topic raised whenever stored results change, for caches on every instance. */
    static final String RESULTS_CHANGED = Comparisons.RESULTS_CHANGED;

    ComparisonEngine(JdbcClient jdbc, ComparisonRepository repository, Catalogue catalogue, Clock clock,
                     ChangeSignals signals, ClusterLocks locks,
                     org.springframework.transaction.PlatformTransactionManager transactions,
                     @Value("${samsyn.suppression-threshold:5}") int threshold,
                     @Value("${samsyn.comparison.green-percent:25}") double greenPercent,
                     @Value("${samsyn.comparison.red-percent:25}") double redPercent,
                     @Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.catalogue = catalogue;
        this.clock = clock;
        this.threshold = threshold;
        this.greenPercent = greenPercent;
        this.redPercent = redPercent;
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.signals = signals;
        this.locks = locks;
        this.outside = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes the results lock for the rest of the caller's transaction: every transaction that
     * writes stored results takes it first, so refreshes on one instance or several run one after
     * the other instead of interleaving their deletes and inserts (which gave duplicate-key
     * errors). A second refresh waits for the first to commit.
     */
    private void holdResultsLock() {
        locks.holdUntilCommit(RESULTS_LOCK);
    }

    static final String RESULTS_LOCK = "comparison-results";

    /**
     * Takes the results lock if it is free, for a refresh a person asked for; otherwise throws
     * {@link RefreshRunning} with the progress of the refresh that holds it.
     */
    void takeResultsLockOrReport() {
        if (!locks.tryHoldUntilCommit(RESULTS_LOCK)) {
            throw new RefreshRunning(progress().orElse(new RefreshRunning.RefreshProgress(0, 0, clock.instant(), "")));
        }
    }

    /** The progress of the refresh running now, if one has reported any. */
    public java.util.Optional<RefreshRunning.RefreshProgress> progress() {
        return jdbc.sql("SELECT done, total, started_at, started_by FROM cmp_refresh_progress WHERE name = 'results'")
                .query((rs, n) -> new RefreshRunning.RefreshProgress(rs.getInt(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4))).optional();
    }

    /** Sets the progress row from outside the refresh's transaction, so that others can read it. */
    private void report(int done, int total, java.time.Instant started, String by) {
        outside.executeWithoutResult(tx -> {
            java.sql.Timestamp startedAt = java.sql.Timestamp.from(started);
            java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
            if (jdbc.sql("UPDATE cmp_refresh_progress SET done = :done, total = :total, started_at = :started, updated_at = :now, started_by = :by WHERE name = 'results'")
                    .param("done", done).param("total", total).param("started", startedAt).param("now", now).param("by", by)
                    .update() == 0) {
                jdbc.sql("INSERT INTO cmp_refresh_progress (name, done, total, started_at, updated_at, started_by) VALUES ('results', :done, :total, :started, :now, :by) ON CONFLICT DO NOTHING")
                        .param("done", done).param("total", total).param("started", startedAt).param("now", now).param("by", by)
                        .update();
            }
        });
    }

    public int threshold() {
        return threshold;
    }

    public double greenPercent() {
        return greenPercent;
    }

    public double redPercent() {
        return redPercent;
    }

    /** Rebuilds which areas each municipality counts towards, from the reference data. */
    @Transactional
    public void rebuildAreas() {
        holdResultsLock();
        jdbc.sql("DELETE FROM cmp_area_member").update();
        jdbc.sql("INSERT INTO cmp_area_member (area_code, area_kind, municipality_code) SELECT code, 'municipality', code FROM org_v_municipality").update();
        jdbc.sql("INSERT INTO cmp_area_member (area_code, area_kind, municipality_code) SELECT '00' || county_code, 'region', code FROM org_v_municipality").update();
        jdbc.sql("INSERT INTO cmp_area_member (area_code, area_kind, municipality_code) SELECT '0000', 'nation', code FROM org_v_municipality").update();
        jdbc.sql("""
                INSERT INTO cmp_area_member (area_code, area_kind, municipality_code)
                SELECT COALESCE(g.kolada_group_id, g.code), 'group', m.code
                FROM org_v_municipality m JOIN org_v_municipality_group g ON g.code = m.group_code""").update();
    }

    /** Refreshes every indicator; returns how many were refreshed. */
    @Transactional
    public int refreshAll() {
        holdResultsLock();
        return refreshEvery(Actor.SYSTEM);
    }

    /**
     * Refreshes every indicator for a person who asked for it: when another refresh is running,
     * throws {@link RefreshRunning} with its progress instead of waiting.
     *
     * @return how many indicators were refreshed
     */
    @Transactional
    public int refreshAllAskedBy(String username) {
        takeResultsLockOrReport();
        return refreshEvery(username);
    }

    /** Refreshes one indicator for a person who asked; {@link RefreshRunning} when another refresh runs. */
    @Transactional
    public void refreshAskedBy(String indicatorId, String username) {
        takeResultsLockOrReport();
        repository.indicator(indicatorId).ifPresent(this::refresh);
    }

    private int refreshEvery(String by) {
        List<Indicator> all = repository.indicators();
        java.time.Instant started = clock.instant();
        int count = 0;
        report(0, all.size(), started, by);
        for (Indicator indicator : all) {
            refresh(indicator);
            count++;
            report(count, all.size(), started, by);
        }
        return count;
    }

    /** Refreshes the indicators computed from follow-up data. */
    @Transactional
    public int refreshComputed() {
        holdResultsLock();
        int count = 0;
        for (Indicator indicator : repository.indicators()) {
            if (indicator.computed()) {
                refresh(indicator);
                count++;
            }
        }
        return count;
    }

    /** Recomputes one indicator's stored results. */
    @Transactional
    public void refresh(String indicatorId) {
        holdResultsLock();
        repository.indicator(indicatorId).ifPresent(this::refresh);
    }

    private void refresh(Indicator indicator) {
        long started = System.nanoTime();
        if (indicator.computed()) {
            compute(indicator);
            suppress(indicator);
        }
        colour(indicator);
        repository.refreshed(indicator.id(), clock.instant());
        signals.raise(RESULTS_CHANGED);
        log.debug("Refreshed indicator {} in {} ms", indicator.id(), (System.nanoTime() - started) / 1_000_000);
    }

    private void compute(Indicator indicator) {
        String id = indicator.id();
        jdbc.sql("DELETE FROM cmp_result WHERE indicator_id = :id").param("id", id).update();
        Template template = indicator.template();
        if (template == Template.MEDIAN_CHANGE) {
            medianChange(indicator);
            return;
        }
        double factor = template.unit() == MeasureUnit.PER_1000 ? 1000 : 100;
        switch (template) {
            case IMPROVED_SHARE -> improvedShare(indicator);
            case COMPLETED_SHARE -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, f.municipality_code, 'municipality', f.stat_year, f.legal_sex, SUM(f.completed), COUNT(*), COUNT(*), 'ok'
                    FROM fup_fact_intervention_end f
                    WHERE (CAST(:intervention AS VARCHAR(40)) IS NULL OR f.intervention_code = :intervention)
                    GROUP BY f.municipality_code, f.stat_year, f.legal_sex""")
                    .param("id", id).param("intervention", indicator.interventionCode()).update();
            case GOALS_ACHIEVED -> jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, f.municipality_code, 'municipality', f.stat_year, f.legal_sex, SUM(f.achieved), COUNT(*), COUNT(*), 'ok'
                    FROM fup_fact_goal f
                    GROUP BY f.municipality_code, f.stat_year, f.legal_sex""")
                    .param("id", id).update();
            case CLIENTS_PER_1000 -> clientsPer1000(indicator);
            default -> throw new IllegalStateException("Unknown template " + template);
        }
        // totals per municipality, then every higher level from the municipalities' sums
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT indicator_id, area_code, 'municipality', stat_year, 'T', SUM(numerator), SUM(denominator), SUM(n), 'ok'
                FROM cmp_result WHERE indicator_id = :id AND area_kind = 'municipality'
                GROUP BY indicator_id, area_code, stat_year""").param("id", id).update();
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT r.indicator_id, a.area_code, a.area_kind, r.stat_year, r.gender, SUM(r.numerator), SUM(r.denominator),
                       SUM(r.n), 'ok'
                FROM cmp_result r JOIN cmp_area_member a ON a.municipality_code = r.area_code AND a.area_kind <> 'municipality'
                WHERE r.indicator_id = :id AND r.area_kind = 'municipality'
                GROUP BY r.indicator_id, a.area_code, a.area_kind, r.stat_year, r.gender""").param("id", id).update();
        jdbc.sql("""
                UPDATE cmp_result SET result_value = CASE WHEN denominator > 0 THEN :factor * numerator / denominator END
                WHERE indicator_id = :id""").param("factor", factor).param("id", id).update();
    }

    private void improvedShare(Indicator indicator) {
        Instrument instrument = instrument(indicator);
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                SELECT :id, f.municipality_code, 'municipality', f.stat_year, f.legal_sex,
                       SUM(CASE WHEN (f.followup_score - f.baseline_score) * :sign >= :mid THEN 1 ELSE 0 END),
                       COUNT(*), COUNT(*), 'ok'
                FROM fup_fact_outcome f
                WHERE f.instrument_code = :instrument
                  AND (CAST(:intervention AS VARCHAR(40)) IS NULL OR EXISTS (SELECT 1 FROM fup_fact_client_intervention ci
                       WHERE ci.municipality_code = f.municipality_code AND ci.client_id = f.client_id
                         AND ci.intervention_code = :intervention))
                GROUP BY f.municipality_code, f.stat_year, f.legal_sex""")
                .param("id", indicator.id()).param("instrument", instrument.code())
                .param("sign", instrument.higherIsBetter() ? 1 : -1)
                .param("mid", instrument.minimalImportantDifference())
                .param("intervention", indicator.interventionCode()).update();
    }

    private void medianChange(Indicator indicator) {
        Instrument instrument = instrument(indicator);
        String id = indicator.id();
        jdbc.sql("DELETE FROM cmp_scratch_change WHERE indicator_id = :id").param("id", id).update();
        jdbc.sql("""
                INSERT INTO cmp_scratch_change (indicator_id, municipality_code, stat_year, legal_sex, change)
                SELECT :id, o.municipality_code, o.stat_year, o.legal_sex, (o.followup_score - o.baseline_score) * :sign
                FROM fup_fact_outcome o
                WHERE o.instrument_code = :instrument
                  AND (CAST(:intervention AS VARCHAR(40)) IS NULL OR EXISTS (SELECT 1 FROM fup_fact_client_intervention ci
                       WHERE ci.municipality_code = o.municipality_code AND ci.client_id = o.client_id
                         AND ci.intervention_code = :intervention))""")
                .param("id", id).param("instrument", instrument.code())
                .param("sign", instrument.higherIsBetter() ? 1 : -1)
                .param("intervention", indicator.interventionCode()).update();
        if (postgres) {
            jdbc.sql("ANALYZE cmp_scratch_change").update();
        }
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, n, status)
                SELECT :id, a.area_code, a.area_kind, f.stat_year, g.gender,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.change), COUNT(*), 'ok'
                FROM cmp_scratch_change f
                JOIN cmp_area_member a ON a.municipality_code = f.municipality_code
                JOIN cmp_gender g ON g.legal_sex = f.legal_sex
                WHERE f.indicator_id = :id
                GROUP BY a.area_code, a.area_kind, f.stat_year, g.gender""")
                .param("id", id).update();
        jdbc.sql("DELETE FROM cmp_scratch_change WHERE indicator_id = :id").param("id", id).update();
    }

    /**
     * Clients with an episode during the year (in the focus area, if one is set), aged within the
     * age bands, per 1,000 inhabitants of those bands and that sex. The population of the nearest
     * year with figures is used when the year itself has none.
     */
    private void clientsPer1000(Indicator indicator) {
        List<String> bands = AgeBands.parse(indicator.ageBand());
        List<Integer> populationYears = jdbc.sql("SELECT DISTINCT stat_year FROM org_v_population ORDER BY stat_year")
                .query(Integer.class).list();
        if (populationYears.isEmpty()) {
            return;
        }
        int[] range = AgeBands.range(bands);
        List<Integer> years = jdbc.sql("""
                SELECT y.stat_year FROM cmp_calendar_year y
                WHERE y.stat_year BETWEEN (SELECT MIN(start_year) FROM fup_fact_episode) AND :now
                ORDER BY y.stat_year""")
                .param("now", SwedishTime.today(clock).getYear()).query(Integer.class).list();
        for (int year : years) {
            int populationYear = nearest(populationYears, year);
            // every municipality that reports episodes in the year gets both sexes, with zero where none
            jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator, n, status)
                    SELECT :id, p.municipality_code, 'municipality', :year, p.sex, COALESCE(c.clients, 0), p.population,
                           COALESCE(c.clients, 0), 'ok'
                    FROM (SELECT municipality_code, sex, SUM(population) AS population FROM org_v_population
                          WHERE stat_year = :populationYear AND age_band IN (:bands) AND sex IN ('K', 'M')
                          GROUP BY municipality_code, sex) p
                    JOIN (SELECT DISTINCT e.municipality_code FROM fup_fact_episode e
                          WHERE e.start_year <= :year AND (e.end_year IS NULL OR e.end_year >= :year)
                            AND (CAST(:focusArea AS VARCHAR(40)) IS NULL OR e.focus_area = :focusArea)) r
                      ON r.municipality_code = p.municipality_code
                    LEFT JOIN (SELECT e.municipality_code, e.legal_sex, COUNT(DISTINCT e.client_id) AS clients
                          FROM fup_fact_episode e
                          WHERE e.start_year <= :year AND (e.end_year IS NULL OR e.end_year >= :year)
                            AND (CAST(:focusArea AS VARCHAR(40)) IS NULL OR e.focus_area = :focusArea)
                            AND :year - e.birth_year BETWEEN :minAge AND :maxAge
                          GROUP BY e.municipality_code, e.legal_sex) c
                      ON c.municipality_code = p.municipality_code AND c.legal_sex = p.sex""")
                    .param("id", indicator.id()).param("year", year).param("focusArea", indicator.filterFocusArea())
                    .param("minAge", range[0]).param("maxAge", range[1]).param("populationYear", populationYear)
                    .param("bands", bands).update();
        }
    }

    private static int nearest(List<Integer> years, int year) {
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

    /** Applies primary and secondary suppression per year, over all areas and genders. */
    private void suppress(Indicator indicator) {
        Map<Integer, List<ResultRow>> byYear = new LinkedHashMap<>();
        for (ResultRow row : repository.results(indicator.id())) {
            byYear.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
        }
        Map<String, List<String>> members = membership();
        byYear.forEach((year, rows) -> {
            Map<Suppression.Cell, Integer> bases = new HashMap<>();
            for (ResultRow row : rows) {
                bases.put(new Suppression.Cell(row.areaCode(), row.gender()), row.n() == null ? 0 : row.n());
            }
            Set<Suppression.Cell> hidden = Suppression.suppress(bases, relations(rows, members), threshold);
            repository.updateCells("status", indicator.id(), hidden.stream()
                    .map(c -> new ComparisonRepository.CellUpdate(year, c.area(), c.gender(), ResultRow.SUPPRESSED)).toList());
        });
    }

    /** The additive relations between the cells: T = K + M per area, and each higher area = its members. */
    static List<Suppression.Relation> relations(List<ResultRow> rows, Map<String, List<String>> members) {
        List<Suppression.Relation> relations = new ArrayList<>();
        Set<String> areas = new TreeSet<>();
        rows.forEach(r -> areas.add(r.areaCode()));
        for (String area : areas) {
            relations.add(new Suppression.Relation(new Suppression.Cell(area, "T"),
                    List.of(new Suppression.Cell(area, "K"), new Suppression.Cell(area, "M"))));
        }
        members.forEach((area, municipalities) -> {
            if (areas.contains(area)) {
                for (String gender : List.of("T", "K", "M")) {
                    relations.add(new Suppression.Relation(new Suppression.Cell(area, gender),
                            municipalities.stream().map(m -> new Suppression.Cell(m, gender)).toList()));
                }
            }
        });
        return relations;
    }

    private Map<String, List<String>> membership() {
        Map<String, List<String>> members = new HashMap<>();
        jdbc.sql("SELECT area_code, municipality_code FROM cmp_area_member WHERE area_kind <> 'municipality' ORDER BY area_code, municipality_code")
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getString(2));
                });
        return members;
    }

    /** Colours the municipalities per year and gender, relative to each other. */
    private void colour(Indicator indicator) {
        jdbc.sql("UPDATE cmp_result SET colour = NULL WHERE indicator_id = :id").param("id", indicator.id()).update();
        if (indicator.direction() == Direction.NEUTRAL) {
            return;
        }
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        for (ResultRow row : repository.results(indicator.id())) {
            if ("municipality".equals(row.areaKind())) {
                cells.computeIfAbsent(row.year() + "|" + row.gender(), k -> new HashMap<>())
                        .put(row.areaCode(), row.shown() ? row.value() : null);
            }
        }
        List<ComparisonRepository.CellUpdate> updates = new ArrayList<>();
        cells.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            Colouring.colour(values, indicator.direction(), greenPercent, redPercent).forEach((area, colour) ->
                    updates.add(new ComparisonRepository.CellUpdate(Integer.parseInt(parts[0]), area, parts[1], colour)));
        });
        repository.updateCells("colour", indicator.id(), updates);
    }
}
