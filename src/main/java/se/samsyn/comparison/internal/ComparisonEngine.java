package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.RefreshRunning;
import se.samsyn.shared.Actor;

/**
 * Refreshes the stored results of indicators, in the manner of DHIS2's analytics tables: one
 * refresh at a time across instances (the results lock), with its progress readable by others;
 * for each indicator {@link ResultComputation} aggregates follow-up facts into {@code cmp_result},
 * then {@link ResultMarking} applies suppression and the relative colours. Imported indicators
 * only get their colours. Also rebuilds which areas each municipality counts towards.
 */
@Service
class ComparisonEngine {

    private static final Logger log = LoggerFactory.getLogger(ComparisonEngine.class);

    private final JdbcClient jdbc;
    private final ComparisonRepository repository;
    private final ResultComputation computation;
    private final ResultMarking marking;
    private final Clock clock;
    private final ChangeSignals signals;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ClusterLocks locks;
    private final ResultProvenance provenance;
    private final org.springframework.transaction.support.TransactionTemplate outside;

    /** Change-signal topic raised whenever stored results change, for caches on every instance. */
    static final String RESULTS_CHANGED = Comparisons.RESULTS_CHANGED;

    ComparisonEngine(JdbcClient jdbc, ComparisonRepository repository, ResultComputation computation,
                     ResultMarking marking, Clock clock, ChangeSignals signals, ClusterLocks locks,
                     ResultProvenance provenance, org.springframework.transaction.PlatformTransactionManager transactions,
                     org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.provenance = provenance;
        this.jdbc = jdbc;
        this.repository = repository;
        this.computation = computation;
        this.marking = marking;
        this.clock = clock;
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
    void holdResultsLock() {
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

    /** The share (0–100) of municipalities coloured green. */
    double greenPercent() {
        return marking.greenPercent();
    }

    /** The share (0–100) of municipalities coloured red. */
    double redPercent() {
        return marking.redPercent();
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
        String areas = provenance.areas();
        String facts = provenance.followupFacts();
        for (Indicator indicator : all) {
            refresh(indicator, areas, facts);
            count++;
            report(count, all.size(), started, by);
        }
        return count;
    }

    /** Refreshes the indicators computed from follow-up data. */
    @Transactional
    public int refreshComputed() {
        holdResultsLock();
        String areas = provenance.areas();
        String facts = provenance.followupFacts();
        int count = 0;
        for (Indicator indicator : repository.indicators()) {
            if (indicator.computed()) {
                refresh(indicator, areas, facts);
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

    /**
     * Refreshes, for every indicator computed from follow-up facts, only the named municipalities'
     * cells and the cells of the areas they count towards (region, kommungrupp, nation), for all
     * years and genders, from the facts; then suppression and colours of every year, from the stored
     * cells (they depend on the whole table of a year, and the nation's cells were rewritten). Other
     * cells are written only where their suppression or colour changes. Prevention and workforce indicators are not touched.
     *
     * @param municipalities four-digit codes of the municipalities whose follow-up data changed; not empty
     * @return how many indicators were refreshed
     */
    @Transactional
    public int refreshMunicipalities(java.util.Set<String> municipalities) {
        holdResultsLock();
        Coverage coverage = Coverage.of(municipalities);
        long counting = System.nanoTime();
        String areas = provenance.areas();
        // only the covered municipalities' facts are counted, so the cost does not grow with the country
        String facts = provenance.followupFacts(coverage);
        log.debug("Counted the follow-up facts of {} in {} ms", coverage.municipalities(), (System.nanoTime() - counting) / 1_000_000);
        int count = 0;
        // indicators of the same outcomes (S00001 and S00002: WHO-5) share one read of the facts
        ResultComputation.OutcomeReads reads = new ResultComputation.OutcomeReads();
        for (Indicator indicator : repository.indicators()) {
            if (ResultProvenance.readsFollowupFacts(indicator)) {
                long started = System.nanoTime();
                long revision = repository.nextRevision();
                computation.compute(indicator, coverage, revision, reads);
                long computed = System.nanoTime();
                // the nation's cells are rewritten in every year, so every year is marked again
                int marked = marking.mark(indicator, null, revision);
                long markedAt = System.nanoTime();
                provenance.record(indicator.id(), provenance.fingerprint(indicator, areas, facts), clock.instant());
                count++;
                log.debug("Refreshed indicator {} for {} in {} ms ({} cells re-marked; computed in {} ms, marked in {} ms)",
                        indicator.id(), coverage.municipalities(), (System.nanoTime() - started) / 1_000_000, marked,
                        (computed - started) / 1_000_000, (markedAt - computed) / 1_000_000);
            }
        }
        if (count > 0) {
            resultsChanged();
        }
        return count;
    }

    /**
     * Marks again, from the stored cells, the given years of every outcome indicator that counts
     * the clients of an outcome report ({@link SameYearReports#countsReportClients}): suppression
     * against the same year's stored report and the colours, without counting any fact; for new
     * stored reports (ADR 0015, "One year's report and indicators"). Only cells whose status,
     * reason or colour changes are written.
     *
     * @param years calendar years; not empty
     * @return how many cells were written
     */
    @Transactional
    public int remark(java.util.Set<Integer> years) {
        return remarkTimed(years).written();
    }

    /**
     * {@link #remark}, telling also where its time went: waiting for the results lock (held by a
     * refresh of the results running meanwhile, such as the gathered refresh that the demo data's
     * announcements start) and marking once it held the lock.
     *
     * @param years calendar years; not empty
     */
    @Transactional
    public Remarked remarkTimed(java.util.Set<Integer> years) {
        long begun = System.nanoTime();
        holdResultsLock();
        long locked = System.nanoTime();
        int written = 0;
        for (Indicator indicator : repository.indicators()) {
            if (SameYearReports.countsReportClients(indicator)) {
                written += marking.mark(indicator, years, repository.nextRevision());
            }
        }
        if (written > 0) {
            resultsChanged();
        }
        return new Remarked(written, (locked - begun) / 1_000_000, (System.nanoTime() - locked) / 1_000_000);
    }

    /**
     * What a re-marking did: the cells written, the milliseconds spent waiting for the results
     * lock, and the milliseconds spent marking (reading the stored cells and reports, checking
     * and writing) once it held the lock; the commit comes after both.
     */
    public record Remarked(int written, long waitedMillis, long markedMillis) {
    }

    /**
     * Refreshes whole every indicator whose results were computed from something other than what
     * {@link ResultProvenance} says they would be computed from now (definition, settings, areas,
     * the follow-up watermark stored by the last refresh), or that were never computed: the
     * refresh at start-up, so that a database whose results are current is not recomputed. No
     * follow-up fact is counted unless an indicator computed from follow-up facts
     * ({@link ResultProvenance#readsFollowupFacts}) is stale: then every fact is counted once, for
     * its full refresh, and the other follow-up indicators are stale as well if the count differs
     * from the stored one. A start at which only other indicators are stale (imported official
     * statistics, workforce, prevention) refreshes those alone and counts no fact, so a start-up
     * grows with the facts only when follow-up results must be recomputed whole; follow-up facts
     * written without an announcement are found by the background recount
     * ({@link ResultProvenance#changedMunicipalities()}) instead.
     *
     * @return how many indicators were refreshed
     */
    @Transactional
    public int refreshStale() {
        holdResultsLock();
        String areas = provenance.areas();
        String stored = provenance.storedFacts();
        java.util.Map<String, String> recorded = provenance.recorded();
        List<Indicator> indicators = repository.indicators();
        List<Indicator> stale = stale(indicators, areas, stored, recorded);
        if (stale.isEmpty()) {
            return 0;
        }
        String facts = stored;
        if (stale.stream().anyMatch(ResultProvenance::readsFollowupFacts)) {
            // a full refresh of a follow-up indicator records the full count; if that differs from
            // the stored one, the follow-up indicators that looked current against the stored
            // counts are stale as well. Other indicators' fingerprints hold no watermark, so
            // refreshing only those needs no count.
            facts = provenance.followupFacts();
            if (!facts.equals(stored)) {
                stale = stale(indicators, areas, facts, recorded);
            }
        }
        for (Indicator indicator : stale) {
            log.debug("Indicator {} is stale: its results were {}", indicator.id(),
                    recorded.containsKey(indicator.id()) ? "computed from something else" : "never computed");
            refresh(indicator, areas, facts);
        }
        return stale.size();
    }

    private List<Indicator> stale(List<Indicator> indicators, String areas, String facts, java.util.Map<String, String> recorded) {
        return indicators.stream()
                .filter(i -> !provenance.fingerprint(i, areas, facts).equals(recorded.get(i.id()))).toList();
    }

    private void refresh(Indicator indicator) {
        refresh(indicator, provenance.areas(), provenance.followupFacts());
    }

    private void refresh(Indicator indicator, String areas, String facts) {
        long started = System.nanoTime();
        long revision = repository.nextRevision();
        if (indicator.computed()) {
            computation.compute(indicator, revision);
        }
        marking.mark(indicator, null, revision);
        repository.refreshed(indicator.id(), clock.instant());
        provenance.record(indicator.id(), provenance.fingerprint(indicator, areas, facts), clock.instant());
        resultsChanged();
        log.debug("Refreshed indicator {} in {} ms", indicator.id(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Tells every instance's caches (change signal) and this one's at commit ({@link ResultsRefreshed}). */
    private void resultsChanged() {
        signals.raise(RESULTS_CHANGED);
        events.publishEvent(new ResultsRefreshed());
    }
}
