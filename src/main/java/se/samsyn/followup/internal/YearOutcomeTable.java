package se.samsyn.followup.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.cluster.ClusterLocks;
import org.springframework.stereotype.Service;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * The stored calendar-year outcomes of every municipality ({@code fup_outcome_year}, V140, whose
 * initial fill gives the same rows as {@link #PAIRS} counted by {@link #COUNTS}): per municipality, calendar year,
 * instrument, intervention ({@link #ALL} for all interventions together), legal sex and measure,
 * a histogram of scores (the number of clients with each baseline score, follow-up score and
 * change). A client counts in the year of a follow-up with its earliest baseline of the instrument
 * and its latest follow-up in that year, removed entries left out, exactly as the direct pairing
 * in {@link OutcomeTables} counts it for a report over that whole calendar year; so a region's or
 * the nation's report of one calendar year is the sum of its municipalities' rows, which is stored
 * too ({@code fup_outcome_year_area}, V141: per region, and for the nation the sum of the regions),
 * so that reading it costs what the answer costs, not the number of clients. Rebuilt per
 * municipality with the practice outcomes ({@link PracticeOutcomeTable#refresh}), that is with the
 * gathered comparison results refresh, so as fresh as those ({@code samsyn.comparison.refresh-delay}).
 *
 * <p>In {@link #PAIRS} a client's measurements are joined to its intervention types (and "all
 * interventions") and to its legal sex before the window functions, never after them: the filter
 * on the windows' results cannot be estimated by PostgreSQL (it expects a row or two), and a join
 * after it was planned as a nested loop over the unindexed intervention set, quadratic in the
 * municipality's clients: 149 s for one municipality at 10,000,000 measurements (11,496 rescans,
 * 336,271,800 rows compared), against a few seconds for three now. The latest follow-up of a
 * year is found with {@code LEAD} in the baseline window's order (its next follow-up is of another
 * year or missing), so the measurements are sorted once for all windows, and the pairs are
 * counted per distinct baseline and follow-up score before they are taken apart into the three
 * measures: at 25,000,000 measurements three municipalities' pairs times three measures were
 * 1,241,376 rows sorted (spilling to disk) for the final grouping. On PostgreSQL the fill sorts
 * with {@link LargeStatements#WORK_MEM}.
 *
 * <p>Each client's pairs are stored ({@code fup_outcome_year_pair}, V154) and the histograms are
 * their counts, so that after a change of a few clients (recorded by {@link ChangedClients}) a
 * refresh subtracts those clients' stored pairs, computes theirs again and adds them
 * ({@code MERGE}), instead of rebuilding their municipalities (43,104 clients for three
 * municipalities at 25,000,000 measurements, 11.8 s); the rows equal a rebuild's.
 */
@Service
class YearOutcomeTable implements ApplicationRunner {

    /** The intervention code of the rows for all interventions together. */
    static final String ALL = "*";

    /** Measures: the baseline score, the follow-up score, the change (follow-up less baseline). */
    static final String BASELINE = "B";
    static final String FOLLOW_UP = "F";
    static final String CHANGE = "C";

    /**
     * Inserts the pairs ({@code fup_outcome_year_pair}) of the clients matched by three conditions:
     * {@code %1$s} on the interventions' {@code municipality_code} and {@code client_id} (which
     * selects the clients), {@code %2$s} on the measurements' ({@code m.}) and {@code %3$s} on the
     * clients' ({@code c.}) columns (the same clients or more, narrowed by the join): per client,
     * year, instrument and intervention, the earliest baseline and the year's latest follow-up.
     */
    static final String PAIRS = """
            INSERT INTO fup_outcome_year_pair (municipality_code, client_id, period_year, instrument_code, intervention_code,
                                               legal_sex, baseline_score, follow_up_score)
            SELECT x.municipality_code, x.client_id, x.period_year, x.instrument_code, x.intervention_code, x.legal_sex,
                   x.baseline_score, x.score
            FROM (SELECT m.municipality_code, m.client_id, m.instrument_code, i.intervention_code, c.legal_sex, m.score,
                   m.time_point, EXTRACT(YEAR FROM m.measured_on) AS period_year,
                   -- baselines first, so the first value is the earliest baseline when there is one
                   FIRST_VALUE(m.score) OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code,
                                                           i.intervention_code
                       ORDER BY CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END, m.measured_on, m.id)
                       AS baseline_score,
                   MAX(CASE WHEN m.time_point = 'baseline' THEN 1 ELSE 0 END)
                       OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code,
                                          i.intervention_code) AS has_baseline,
                   -- the latest follow-up of each year is the one whose next follow-up is of
                   -- another year or missing (in the order of the first window: one sort for both)
                   LEAD(EXTRACT(YEAR FROM m.measured_on)) OVER (PARTITION BY m.municipality_code, m.client_id,
                                                   m.instrument_code, i.intervention_code,
                                                   CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END
                                      ORDER BY m.measured_on, m.id) AS next_year
                  FROM fup_measurement m
                  -- joined before the windows, never after them (see the type's comment)
                  JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
                        WHERE removed_at IS NULL AND %1$s
                        UNION
                        SELECT DISTINCT municipality_code, client_id, '*' FROM fup_intervention
                        WHERE removed_at IS NULL AND %1$s) i
                    ON i.municipality_code = m.municipality_code AND i.client_id = m.client_id
                  -- the client table itself, not a subquery of it: H2 scanned such a subquery once per row
                  JOIN fup_client c ON c.municipality_code = m.municipality_code AND c.id = m.client_id
                  WHERE m.removed_at IS NULL AND %2$s AND %3$s) x
            WHERE x.time_point <> 'baseline' AND x.has_baseline = 1
              AND (x.next_year IS NULL OR x.next_year <> x.period_year)""";

    /**
     * The histogram rows ({@code fup_outcome_year}'s columns) of the stored pairs matched by
     * {@code %s}: the pairs counted per distinct baseline and follow-up score first, then taken
     * apart into the three measures (a few rows per score, not three per client).
     */
    static final String COUNTS = """
            SELECT q.municipality_code, q.period_year, q.instrument_code, q.intervention_code, q.legal_sex, q.measure,
                   q.score, SUM(q.clients) AS clients
            FROM (SELECT p.municipality_code, p.period_year, p.instrument_code, p.intervention_code, p.legal_sex, k.measure,
                         CASE k.measure WHEN 'B' THEN p.baseline_score WHEN 'F' THEN p.follow_up_score
                                        ELSE p.follow_up_score - p.baseline_score END AS score,
                         p.clients
                  FROM (SELECT municipality_code, period_year, instrument_code, intervention_code, legal_sex,
                               baseline_score, follow_up_score, COUNT(*) AS clients
                        FROM fup_outcome_year_pair WHERE %s
                        GROUP BY municipality_code, period_year, instrument_code, intervention_code, legal_sex,
                                 baseline_score, follow_up_score) p
                  CROSS JOIN (SELECT 'B' AS measure UNION ALL SELECT 'F' UNION ALL SELECT 'C') k) q
            GROUP BY q.municipality_code, q.period_year, q.instrument_code, q.intervention_code, q.legal_sex, q.measure,
                     q.score""";

    private static final String COLUMNS = "municipality_code, period_year, instrument_code, intervention_code, legal_sex, "
            + "measure, score, clients";

    /**
     * Adds ({@code %2$s} {@code +}) or subtracts ({@code -}) the counts of the stored pairs matched
     * by {@code %1$s} to the histogram rows.
     */
    private static final String MERGE = """
            MERGE INTO fup_outcome_year t USING (%1$s) s
            ON (t.municipality_code = s.municipality_code AND t.period_year = s.period_year
                AND t.instrument_code = s.instrument_code AND t.intervention_code = s.intervention_code
                AND t.legal_sex = s.legal_sex AND t.measure = s.measure AND t.score = s.score)
            WHEN MATCHED THEN UPDATE SET clients = t.clients %2$s s.clients
            WHEN NOT MATCHED THEN INSERT (%3$s) VALUES (s.municipality_code, s.period_year, s.instrument_code,
                s.intervention_code, s.legal_sex, s.measure, s.score, 0 %2$s s.clients)""";

    /** The area code of the nation's rows in {@code fup_outcome_year_area}. */
    static final String NATION = "SE";

    private static final Logger log = LoggerFactory.getLogger(YearOutcomeTable.class);

    private final JdbcClient jdbc;
    private final LargeStatements statements;
    private final ClusterLocks locks;
    private final TransactionTemplate transaction;

    YearOutcomeTable(JdbcClient jdbc, ClusterLocks locks, PlatformTransactionManager transactions,
                     LargeStatements statements) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * At start-up, on one instance (cluster lock {@code followup-outcome-areas}): when municipalities
     * have stored rows but no region has (the first start after V141, which cannot read
     * organisation's tables), sums the regions and the nation from them. A failure is logged, not
     * raised: the start goes on, and the next refresh sums the regions it touches.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            sumAreasIfMissing();
        } catch (RuntimeException e) {
            // a refresh of the same regions at the same moment; the next refresh sums them again
            log.warn("Stored calendar-year outcomes: regions not summed at start-up ({})", e.getMessage());
        }
    }

    private void sumAreasIfMissing() {
        locks.runIfFree("followup-outcome-areas", () -> transaction.executeWithoutResult(tx -> {
            boolean municipalities = !jdbc.sql("SELECT 1 FROM fup_outcome_year LIMIT 1").query(Integer.class).list().isEmpty();
            boolean areas = !jdbc.sql("SELECT 1 FROM fup_outcome_year_area LIMIT 1").query(Integer.class).list().isEmpty();
            if (municipalities && !areas) {
                jdbc.sql("DELETE FROM fup_outcome_year_area").update();
                jdbc.sql(REGIONS.formatted("1 = 1")).update();
                rebuildNation();
                log.info("Stored calendar-year outcomes: summed per region and for the nation");
            }
        }));
    }

    /**
     * Rebuilds the rows of the given municipalities (codes such as {@code 1280}) from their
     * follow-up data, then the sums of their regions and the nation's sum of the regions, in the
     * caller's transaction; unknown codes and an empty collection do nothing.
     */
    void refresh(Collection<String> municipalityCodes) {
        refresh(municipalityCodes, List.of(), List.of());
    }

    /**
     * Rebuilds the rows of the municipalities {@code whole}; of the municipalities {@code partial}
     * (whose stored pairs are complete, {@link ChangedClients#complete}) subtracts the stored pairs
     * of their claimed changed clients from the histograms, computes those clients' pairs again
     * and adds them, a chunk of clients at a time ({@code chunks}: their ids, from
     * {@link ChangedClients#claimedChunks}); then sums the regions of both and the nation again.
     * In the caller's transaction, after {@link ChangedClients#claim}.
     */
    void refresh(Collection<String> whole, Collection<String> partial, List<List<Long>> chunks) {
        // The pairing of a chunk: the interventions name the municipalities and the chunk's clients
        // (ChangedClients.CHUNK); the measurements and clients are named as each database's planner
        // reads them fastest, measured. PostgreSQL by their client ids, through the client-id indexes:
        // with the municipalities on them it read the measurements through the primary key's
        // municipality column (12.5 s for 1,000 clients at 5,000,000 measurements, against 0.2 s).
        // H2 by the municipalities, joined to the interventions: with the ids on the measurements it
        // drove the join from them (64 s for the 1,001 clients of ChangedClientRefreshTests, against
        // 1.6 s), and with the clients in a subquery it scanned every client of the municipalities
        // per row (129 s for 1,000 clients of municipalities of 10,000, so the client table is joined
        // itself).
        if (whole.isEmpty() && partial.isEmpty()) {
            return;
        }
        List<String> codes = List.copyOf(whole);
        List<String> some = List.copyOf(partial);
        long started = System.nanoTime();
        if (!codes.isEmpty()) {
            jdbc.sql("DELETE FROM fup_outcome_year WHERE municipality_code IN (:codes)").param("codes", codes).update();
            jdbc.sql("DELETE FROM fup_outcome_year_pair WHERE municipality_code IN (:codes)").param("codes", codes).update();
        }
        long deleted = System.nanoTime();
        if (!codes.isEmpty()) {
            String in = "municipality_code IN (:codes)";
            statements.withSortMemory(() -> jdbc.sql(PAIRS.formatted(in, "m." + in, "c." + in)).param("codes", codes).update());
            jdbc.sql("INSERT INTO fup_outcome_year (" + COLUMNS + ") " + COUNTS.formatted(in)).param("codes", codes).update();
        }
        for (List<Long> ids : chunks) {
            String chunk = ChangedClients.CHUNK;
            jdbc.sql(MERGE.formatted(COUNTS.formatted(chunk), "-", COLUMNS)).param("partial", some).param("ids", ids).update();
            jdbc.sql("DELETE FROM fup_outcome_year_pair WHERE " + chunk).param("partial", some).param("ids", ids).update();
            jdbc.sql(PAIRS.formatted(chunk, statements.onPostgres() ? "m.client_id IN (:ids)" : "m.municipality_code IN (:partial)",
                            statements.onPostgres() ? "c.id IN (:ids)" : "c.municipality_code IN (:partial)"))
                    .param("partial", some).param("ids", ids).update();
            jdbc.sql(MERGE.formatted(COUNTS.formatted(chunk), "+", COLUMNS)).param("partial", some).param("ids", ids).update();
        }
        if (!some.isEmpty()) {
            jdbc.sql("DELETE FROM fup_outcome_year WHERE municipality_code IN (:partial) AND clients = 0")
                    .param("partial", some).update();
        }
        long filled = System.nanoTime();
        List<String> all = new java.util.ArrayList<>(codes);
        all.addAll(some);
        List<String> regions = jdbc.sql("SELECT DISTINCT county_code FROM org_v_municipality WHERE code IN (:codes)")
                .param("codes", all).query(String.class).list();
        if (!regions.isEmpty()) {
            jdbc.sql("DELETE FROM fup_outcome_year_area WHERE area_code IN (:regions)").param("regions", regions).update();
            jdbc.sql(REGIONS.formatted("v.county_code IN (:regions)")).param("regions", regions).update();
        }
        long summed = System.nanoTime();
        rebuildNation();
        log.debug("Calendar-year outcomes of {} (whole {}, changed clients of {}): old rows deleted in {} ms, filled in {} ms,"
                + " regions {} in {} ms, nation in {} ms", all, codes, some, (deleted - started) / 1_000_000,
                (filled - deleted) / 1_000_000, regions, (summed - filled) / 1_000_000,
                (System.nanoTime() - summed) / 1_000_000);
    }

    /** Rebuilds the rows of every municipality, region and the nation, in the caller's transaction. */
    void refreshAll() {
        jdbc.sql("DELETE FROM fup_outcome_year").update();
        jdbc.sql("DELETE FROM fup_outcome_year_pair").update();
        statements.withSortMemory(() -> jdbc.sql(PAIRS.formatted("1 = 1", "1 = 1", "1 = 1")).update());
        jdbc.sql("INSERT INTO fup_outcome_year (" + COLUMNS + ") " + COUNTS.formatted("1 = 1")).update();
        jdbc.sql("DELETE FROM fup_outcome_year_area").update();
        jdbc.sql(REGIONS.formatted("1 = 1")).update();
        rebuildNation();
    }

    /** Sums the municipalities' rows of the regions matched by the {@code %s} condition (on {@code v.county_code}). */
    private static final String REGIONS = """
            INSERT INTO fup_outcome_year_area (area_code, period_year, instrument_code, intervention_code, legal_sex,
                                               measure, score, clients)
            SELECT v.county_code, y.period_year, y.instrument_code, y.intervention_code, y.legal_sex, y.measure, y.score,
                   SUM(y.clients)
            FROM fup_outcome_year y JOIN org_v_municipality v ON v.code = y.municipality_code
            WHERE %s
            GROUP BY v.county_code, y.period_year, y.instrument_code, y.intervention_code, y.legal_sex, y.measure,
                     y.score""";

    /** The nation's rows as the sum of the regions' rows (a few per region, intervention, sex and score). */
    private void rebuildNation() {
        jdbc.sql("DELETE FROM fup_outcome_year_area WHERE area_code = :nation").param("nation", NATION).update();
        jdbc.sql("""
                INSERT INTO fup_outcome_year_area (area_code, period_year, instrument_code, intervention_code, legal_sex,
                                                   measure, score, clients)
                SELECT :nation, period_year, instrument_code, intervention_code, legal_sex, measure, score, SUM(clients)
                FROM fup_outcome_year_area WHERE area_code <> :nation
                GROUP BY period_year, instrument_code, intervention_code, legal_sex, measure, score""")
                .param("nation", NATION).update();
    }

    /**
     * The histograms of one instrument and calendar year of a municipality (its own rows), a
     * region or the nation (their stored sums): one query on the primary key, whose answer has a
     * row per intervention, sex, measure and distinct score, however many clients and
     * municipalities they stand for.
     *
     * @param scope a municipality, region or the nation (a unit has no stored rows)
     * @return histograms keyed by intervention code (null for all interventions together), then
     *         legal sex ("K", "M"), then measure ({@link #BASELINE}, {@link #FOLLOW_UP},
     *         {@link #CHANGE}); empty when no client of the year has a pair
     * @throws IllegalArgumentException for a unit
     */
    Map<String, Map<String, Map<String, Histogram>>> sums(String instrumentCode, int year, Scope scope) {
        String sql = switch (scope.type()) {
            case MUNICIPALITY -> """
                    SELECT intervention_code, legal_sex, measure, score, clients FROM fup_outcome_year
                    WHERE municipality_code = :area AND period_year = :year AND instrument_code = :instrument""";
            case REGION, NATION -> """
                    SELECT intervention_code, legal_sex, measure, score, clients FROM fup_outcome_year_area
                    WHERE area_code = :area AND period_year = :year AND instrument_code = :instrument""";
            case UNIT -> throw new IllegalArgumentException("No stored outcomes of a unit: " + scope);
        };
        Map<String, Map<String, Map<String, Histogram>>> result = new HashMap<>();
        jdbc.sql(sql).param("area", scope.type() == ScopeType.NATION ? NATION : scope.code())
                .param("year", year).param("instrument", instrumentCode)
                .query(rs -> {
                    String intervention = rs.getString(1);
                    result.computeIfAbsent(ALL.equals(intervention) ? null : intervention, k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new Histogram())
                            .add(rs.getDouble(4), rs.getLong(5));
                });
        return result;
    }

    /** The number of clients per score, in score order. */
    static final class Histogram {

        private final TreeMap<Double, Long> counts = new TreeMap<>();

        void add(double score, long clients) {
            counts.merge(score, clients, Long::sum);
        }

        /** Adds every count of another histogram to this one. */
        void addAll(Histogram other) {
            other.counts.forEach(this::add);
        }

        /** The scores and their counts in ascending score order (unmodifiable). */
        SortedMap<Double, Long> counts() {
            return Collections.unmodifiableSortedMap(counts);
        }

        /** The number of clients. */
        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
