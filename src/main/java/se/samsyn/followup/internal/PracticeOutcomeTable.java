package se.samsyn.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.NationalOutcomes;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.PublishedYears;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * {@link PracticeOutcomes} in {@code fup_practice_outcome} (V133, whose initial fill gives the
 * same rows as {@link #PAIRS} counted by {@link #COUNTS}). A client counts once per intervention type it has had, with its
 * earliest baseline and latest follow-up of the instrument (removed entries left out), on the date
 * of that follow-up: since no measurement may be dated after the day it is recorded, the latest
 * follow-up up to today is the latest of all, so a period ending today selects exactly the clients
 * the direct pairing in {@link OutcomeTables} selects. The priority list's period
 * ({@link PublishedYears#practiceOutcomes}: the last completed calendar year) is kept summed in
 * {@code fup_practice_window} (one histogram of changes per instrument and intervention), which is
 * read when exactly that period is asked for; any other period sums the stored rows of its days.
 * A rebuild of every municipality sums it again; a refresh of some municipalities corrects it by
 * their old and new rows in the period ({@code fup_practice_window_change}, V146), so that it reads
 * those municipalities' rows and not the country's, or sums it again when it holds another period. The single row of {@code fup_practice_window_built} holds the last day
 * of the summed period (31 December). Each refresh rebuilds the same municipalities' stored
 * calendar-year outcomes ({@link YearOutcomeTable}) too, which a region's and the nation's outcome
 * report are summed from.
 *
 * <p>Each client's pair is stored ({@code fup_practice_pair}, V154) and the rows are their counts:
 * a refresh of a municipality whose every change since the last one recorded its clients
 * ({@link ChangedClients}) subtracts those clients' stored pairs (from the rows and the national
 * histogram), computes theirs again and adds them, instead of rebuilding the municipality. The
 * changed clients are claimed after the histogram's lock, so two refreshes (of one instance or
 * two) never subtract a client twice; a municipality whose pairs are not complete, or whose
 * changes were announced without clients, is rebuilt whole.
 *
 * <p>The priority pages do not publish these rows: {@link #published} reads the nation's stored
 * outcome report of the year ({@link StoredOutcomeReports}) instead, whose clients are nearly the same
 * (the report's latest follow-up is the latest in the year, not of all) but whose hidden cells are
 * chosen against every region's report (ADR 0015, "Practice outcomes and the nation's report").
 *
 * <p>In {@link #PAIRS} a client's measurements are joined to its intervention types before the
 * window functions (partitioned per intervention type too, which gives every type the same pair),
 * never after them: PostgreSQL cannot estimate the filter on the windows' results (it expects a
 * row or two where a municipality has thousands), and a join after it was planned as a nested
 * loop over the unindexed intervention set, quadratic in the municipality's clients (the
 * calendar-year fill took 149 s for one municipality at 10,000,000 measurements). Joined before,
 * both inputs are estimated from table statistics and nothing is joined after the filter. The
 * latest follow-up is the one with no next follow-up in the baseline window's order
 * ({@code LEAD}), so the measurements are sorted once for all windows; on PostgreSQL the fill
 * sorts with {@link LargeStatements#WORK_MEM}.
 */
@Service
class PracticeOutcomeTable implements PracticeOutcomes {

    /**
     * Inserts the pairs ({@code fup_practice_pair}) of the clients matched by two conditions on the
     * same clients: {@code %1$s} on the interventions' {@code municipality_code} and
     * {@code client_id}, {@code %2$s} on the measurements' ({@code m.}): per client, instrument and
     * intervention, the date of the latest follow-up and its change since the earliest baseline.
     */
    static final String PAIRS = """
            INSERT INTO fup_practice_pair (municipality_code, client_id, instrument_code, intervention_code, follow_up_on,
                                           change_score)
            SELECT x.municipality_code, x.client_id, x.instrument_code, x.intervention_code, x.measured_on,
                   x.score - x.baseline_score
            FROM (SELECT m.municipality_code, m.client_id, m.instrument_code, i.intervention_code, m.measured_on, m.score,
                         m.time_point,
                         -- baselines first, so the first value is the earliest baseline when there is one
                         FIRST_VALUE(m.score) OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code,
                                                                 i.intervention_code
                             ORDER BY CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END, m.measured_on, m.id)
                             AS baseline_score,
                         MAX(CASE WHEN m.time_point = 'baseline' THEN 1 ELSE 0 END)
                             OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code, i.intervention_code)
                             AS has_baseline,
                         -- the latest follow-up is the one with no next one (in the order of the first
                         -- window: one sort for both)
                         LEAD(m.id) OVER (PARTITION BY m.municipality_code, m.client_id, m.instrument_code,
                                                       i.intervention_code,
                                                       CASE WHEN m.time_point = 'baseline' THEN 0 ELSE 1 END
                                          ORDER BY m.measured_on, m.id) AS next_id
                  FROM fup_measurement m
                  -- joined before the windows, never after them (see the type's comment)
                  JOIN (SELECT DISTINCT municipality_code, client_id, intervention_code FROM fup_intervention
                        WHERE removed_at IS NULL AND %1$s) i
                    ON i.municipality_code = m.municipality_code AND i.client_id = m.client_id
                  WHERE m.removed_at IS NULL AND %2$s) x
            WHERE x.time_point <> 'baseline' AND x.has_baseline = 1 AND x.next_id IS NULL""";

    /** The rows ({@code fup_practice_outcome}'s columns) counting the stored pairs matched by {@code %s}. */
    static final String COUNTS = """
            SELECT municipality_code, instrument_code, intervention_code, follow_up_on, change_score, COUNT(*) AS clients
            FROM fup_practice_pair WHERE %s
            GROUP BY municipality_code, instrument_code, intervention_code, follow_up_on, change_score""";

    private static final String COLUMNS = "municipality_code, instrument_code, intervention_code, follow_up_on, "
            + "change_score, clients";

    /** Adds ({@code %2$s} {@code +}) or subtracts ({@code -}) the counts of the pairs matched by {@code %1$s}. */
    private static final String MERGE = """
            MERGE INTO fup_practice_outcome t USING (%1$s) s
            ON (t.municipality_code = s.municipality_code AND t.instrument_code = s.instrument_code
                AND t.intervention_code = s.intervention_code AND t.follow_up_on = s.follow_up_on
                AND t.change_score = s.change_score)
            WHEN MATCHED THEN UPDATE SET clients = t.clients %2$s s.clients
            WHEN NOT MATCHED THEN INSERT (%3$s) VALUES (s.municipality_code, s.instrument_code, s.intervention_code,
                s.follow_up_on, s.change_score, 0 %2$s s.clients)""";

    /*
     * As in OutcomeStatistics: decimal scores make 0.3 - 0.1 come out as 0.19999999999999998, so a
     * change equal to the MID needs a tolerance to count as improved.
     */
    private static final double TOLERANCE = 1e-9;

    private static final Logger log = LoggerFactory.getLogger(PracticeOutcomeTable.class);

    private final JdbcClient jdbc;
    private final LargeStatements statements;
    private final Clock clock;
    private final ClusterLocks locks;
    private final TransactionTemplate transaction;
    private final YearOutcomeTable years;
    private final ChangedClients changed;
    private final StoredOutcomeReports stored;
    private final Catalogue catalogue;
    private final int threshold;

    PracticeOutcomeTable(JdbcClient jdbc, Clock clock, ClusterLocks locks, PlatformTransactionManager transactions,
                         YearOutcomeTable years, LargeStatements statements, StoredOutcomeReports stored,
                         Catalogue catalogue, ChangedClients changed,
                         @Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.changed = changed;
        this.jdbc = jdbc;
        this.stored = stored;
        this.catalogue = catalogue;
        this.threshold = threshold;
        this.statements = statements;
        this.years = years;
        this.clock = clock;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void refresh(Collection<String> municipalityCodes, Collection<String> byChangedClients) {
        if (municipalityCodes.isEmpty()) {
            return;
        }
        List<String> codes = List.copyOf(municipalityCodes);
        long started = System.nanoTime();
        PublishedYears period = PublishedYears.practiceOutcomes(SwedishTime.today(clock));
        // first: concurrent refreshes of the histogram (and of the changed clients) wait here for each other
        jdbc.sql("UPDATE fup_practice_window_built SET as_of = as_of").update();
        changed.claim(codes);
        java.util.Set<String> partialSet = changed.complete(byChangedClients);
        partialSet.retainAll(codes);
        List<String> some = List.copyOf(partialSet);
        List<String> whole = codes.stream().filter(c -> !partialSet.contains(c)).toList();
        List<List<Long>> chunks = changed.claimedChunks(some);
        boolean current = period.to().equals(
                jdbc.sql("SELECT as_of FROM fup_practice_window_built").query(LocalDate.class).single());
        if (current) {
            jdbc.sql("INSERT INTO fup_practice_window_change (instrument_code, intervention_code, change_score, clients) "
                    + "SELECT instrument_code, intervention_code, change_score, clients FROM fup_practice_window").update();
            windowChange(whole, some, chunks, period, "-");
        }
        if (!whole.isEmpty()) {
            jdbc.sql("DELETE FROM fup_practice_outcome WHERE municipality_code IN (:codes)").param("codes", whole).update();
            jdbc.sql("DELETE FROM fup_practice_pair WHERE municipality_code IN (:codes)").param("codes", whole).update();
        }
        long deleted = System.nanoTime();
        if (!whole.isEmpty()) {
            String in = "municipality_code IN (:codes)";
            statements.withSortMemory(() -> jdbc.sql(PAIRS.formatted(in, "m." + in)).param("codes", whole).update());
            jdbc.sql("INSERT INTO fup_practice_outcome (" + COLUMNS + ") " + COUNTS.formatted(in)).param("codes", whole)
                    .update();
        }
        for (List<Long> ids : chunks) {
            String chunk = ChangedClients.CHUNK;
            jdbc.sql(MERGE.formatted(COUNTS.formatted(chunk), "-", COLUMNS)).param("partial", some).param("ids", ids).update();
            jdbc.sql("DELETE FROM fup_practice_pair WHERE " + chunk).param("partial", some).param("ids", ids).update();
            // the interventions name the clients; the measurements as each database reads them fastest (see YearOutcomeTable)
            jdbc.sql(PAIRS.formatted(chunk, statements.onPostgres() ? "m.client_id IN (:ids)" : "m.municipality_code IN (:partial)"))
                    .param("partial", some)
                    .param("ids", ids).update();
            jdbc.sql(MERGE.formatted(COUNTS.formatted(chunk), "+", COLUMNS)).param("partial", some).param("ids", ids).update();
        }
        if (!some.isEmpty()) {
            jdbc.sql("DELETE FROM fup_practice_outcome WHERE municipality_code IN (:partial) AND clients = 0")
                    .param("partial", some).update();
        }
        long filled = System.nanoTime();
        years.refresh(whole, some, chunks);
        long yearsDone = System.nanoTime();
        if (current) {
            windowChange(whole, some, chunks, period, "");
            jdbc.sql("DELETE FROM fup_practice_window").update();
            jdbc.sql("""
                    INSERT INTO fup_practice_window (instrument_code, intervention_code, change_score, clients)
                    SELECT instrument_code, intervention_code, change_score, SUM(clients) FROM fup_practice_window_change
                    GROUP BY instrument_code, intervention_code, change_score HAVING SUM(clients) <> 0""").update();
            jdbc.sql("DELETE FROM fup_practice_window_change").update();
        } else {
            rebuildWindow(SwedishTime.today(clock));
        }
        changed.markComplete(whole);
        changed.release();
        log.debug("Practice outcomes of {} (whole {}, changed clients of {}): old rows deleted in {} ms, filled in {} ms,"
                + " calendar years in {} ms, national window ({}) in {} ms", codes, whole, some,
                (deleted - started) / 1_000_000, (filled - deleted) / 1_000_000, (yearsDone - filled) / 1_000_000,
                current ? "corrected" : "summed again", (System.nanoTime() - yearsDone) / 1_000_000);
    }

    /**
     * Adds to {@code fup_practice_window_change}, with the given sign ({@code "-"} for the old rows,
     * {@code ""} for the new ones), the stored rows in the period of the municipalities
     * {@code whole} and the stored pairs in the period of the claimed changed clients of
     * {@code partial}.
     */
    private void windowChange(List<String> whole, List<String> partial, List<List<Long>> chunks, PublishedYears period,
                              String sign) {
        if (!whole.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO fup_practice_window_change (instrument_code, intervention_code, change_score, clients)
                    SELECT instrument_code, intervention_code, change_score, %sSUM(clients) FROM fup_practice_outcome
                    WHERE municipality_code IN (:codes) AND follow_up_on BETWEEN :from AND :to
                    GROUP BY instrument_code, intervention_code, change_score""".formatted(sign))
                    .param("codes", whole).param("from", period.from()).param("to", period.to()).update();
        }
        for (List<Long> ids : chunks) {
            jdbc.sql("""
                    INSERT INTO fup_practice_window_change (instrument_code, intervention_code, change_score, clients)
                    SELECT instrument_code, intervention_code, change_score, %sCOUNT(*) FROM fup_practice_pair
                    WHERE %s AND follow_up_on BETWEEN :from AND :to
                    GROUP BY instrument_code, intervention_code, change_score"""
                    .formatted(sign, ChangedClients.CHUNK))
                    .param("partial", partial).param("ids", ids).param("from", period.from()).param("to", period.to()).update();
        }
    }

    /**
     * The T cells of the intervention rows of the nation's stored report of the year; the time is
     * read before the report, so the figures are at least as fresh as it says.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<NationalOutcomes> published(String instrumentCode, int year) {
        Instrument instrument = catalogue.instrument(instrumentCode)
                .orElseThrow(() -> new FollowupRejected("instrument", "followup.error.instrument-unknown"));
        Optional<Instant> asOf = stored.countedAt();
        if (asOf.isEmpty()) {
            return Optional.empty();
        }
        return stored.report(instrument, year, OutcomeHierarchy.NATION, Scope.nation(), Map.of(), threshold)
                .map(report -> {
                    Map<String, OutcomeReport.Cell> cells = new TreeMap<>();
                    report.rows().stream().filter(row -> row.interventionCode() != null)
                            .forEach(row -> cells.put(row.interventionCode(), row.cells().get("T")));
                    return new NationalOutcomes(year, instrument.code(), asOf.get(), cells);
                });
    }

    @Override
    public void refreshAll() {
        // first: a refresh of some municipalities running at the same time finishes before
        jdbc.sql("UPDATE fup_practice_window_built SET as_of = as_of").update();
        changed.claimAll();
        jdbc.sql("DELETE FROM fup_practice_outcome").update();
        jdbc.sql("DELETE FROM fup_practice_pair").update();
        statements.withSortMemory(() -> jdbc.sql(PAIRS.formatted("1 = 1", "1 = 1")).update());
        jdbc.sql("INSERT INTO fup_practice_outcome (" + COLUMNS + ") " + COUNTS.formatted("1 = 1")).update();
        years.refreshAll();
        rebuildWindow(SwedishTime.today(clock));
        changed.markAllComplete();
        changed.release();
    }

    /**
     * Each night just after midnight (Swedish time) the national histogram is rebuilt for the
     * period of the new day, on one instance (cluster lock {@code followup-practice-window}); the
     * period only moves on 1 January, and until the histogram has moved, reads fall back to
     * summing the stored rows, which gives the same cells.
     */
    @Scheduled(cron = "0 1 0 * * *", zone = "Europe/Stockholm")
    void moveWindow() {
        locks.runIfFree("followup-practice-window",
                () -> transaction.executeWithoutResult(tx -> rebuildWindow(SwedishTime.today(clock))));
    }

    /**
     * Sums the stored rows of the priority list's period on {@code today}
     * ({@link PublishedYears#practiceOutcomes}) into {@code fup_practice_window}. The first statement
     * updates the single row of {@code fup_practice_window_built} (to the period's last day), so
     * concurrent rebuilds wait for each other.
     */
    void rebuildWindow(LocalDate today) {
        PublishedYears period = PublishedYears.practiceOutcomes(today);
        jdbc.sql("UPDATE fup_practice_window_built SET as_of = :to").param("to", period.to()).update();
        jdbc.sql("DELETE FROM fup_practice_window").update();
        jdbc.sql("""
                INSERT INTO fup_practice_window (instrument_code, intervention_code, change_score, clients)
                SELECT instrument_code, intervention_code, change_score, SUM(clients) FROM fup_practice_outcome
                WHERE follow_up_on BETWEEN :from AND :to
                GROUP BY instrument_code, intervention_code, change_score""")
                .param("from", period.from()).param("to", period.to()).update();
    }

    /**
     * The national cell (all sexes) per intervention code of the clients whose latest follow-up lies
     * in the period: n, the median change (the median of the clients' own changes) and the share
     * improved by at least the instrument's minimal important difference, in per cent with one
     * decimal, exactly as {@link OutcomeStatistics} computes them from the pairs; the median baseline
     * and follow-up are not kept and come back null. A cell of 1 to {@code threshold} − 1 clients is
     * suppressed (no figures).
     */
    Map<String, OutcomeReport.Cell> national(Instrument instrument, LocalDate from, LocalDate to, int threshold) {
        Map<String, List<double[]>> histograms = new TreeMap<>();
        // the histogram's period is the one ending on the stored day (a 31 December)
        LocalDate built = jdbc.sql("SELECT as_of FROM fup_practice_window_built").query(LocalDate.class).single();
        boolean window = to.equals(built) && built.getMonthValue() == 12 && built.getDayOfMonth() == 31
                && from.equals(PublishedYears.practiceOutcomes(built.plusDays(1)).from());
        String sql = window ? """
                SELECT intervention_code, change_score, clients FROM fup_practice_window
                WHERE instrument_code = :instrument ORDER BY intervention_code, change_score"""
                : """
                SELECT intervention_code, change_score, SUM(clients) AS clients FROM fup_practice_outcome
                WHERE instrument_code = :instrument AND follow_up_on BETWEEN :from AND :to
                GROUP BY intervention_code, change_score
                ORDER BY intervention_code, change_score""";
        jdbc.sql(sql).param("instrument", instrument.code()).param("from", from).param("to", to)
                .query(rs -> {
                    histograms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new double[] {rs.getDouble(2), rs.getLong(3)});
                });
        Map<String, OutcomeReport.Cell> cells = new TreeMap<>();
        histograms.forEach((code, histogram) -> cells.put(code, cell(histogram, instrument, threshold)));
        return cells;
    }

    /** One cell from a histogram of changes (value, clients), sorted by value. */
    private static OutcomeReport.Cell cell(List<double[]> histogram, Instrument instrument, int threshold) {
        long n = 0;
        long improved = 0;
        for (double[] bar : histogram) {
            n += (long) bar[1];
            double gain = instrument.higherIsBetter() ? bar[0] : -bar[0];
            if (gain >= instrument.minimalImportantDifference() - TOLERANCE) {
                improved += (long) bar[1];
            }
        }
        if (n > 0 && n < threshold) {
            return new OutcomeReport.Cell(null, null, null, null, null, true);
        }
        double median = n % 2 == 1 ? valueAt(histogram, n / 2)
                : (valueAt(histogram, n / 2 - 1) + valueAt(histogram, n / 2)) / 2;
        double shareImproved = Math.round(1000.0 * improved / n) / 10.0;
        return new OutcomeReport.Cell(Math.toIntExact(n), null, null, median, shareImproved, false);
    }

    /** The value at a 0-based position of the sorted changes the histogram stands for. */
    private static double valueAt(List<double[]> histogram, long position) {
        long seen = 0;
        for (double[] bar : histogram) {
            seen += (long) bar[1];
            if (position < seen) {
                return bar[0];
            }
        }
        throw new IllegalStateException("Position " + position + " beyond " + seen + " values");
    }
}
