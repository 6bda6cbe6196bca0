package se.samsyn.comparison.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.IndicatorValuesChanged;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.OutcomeReportsPublished;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.organisation.ReferenceDataLoaded;

/**
 * Keeps the stored results current: at start-up (only what is stale), after imports of statistics,
 * after reference data changes, and shortly after follow-up data changes (gathered and refreshed at
 * most once per {@code samsyn.comparison.refresh-delay}, one minute by default; a change of one
 * municipality's follow-up data refreshes only that municipality and the areas above it).
 *
 * <p>Several instances may share the database. The events arrive through Spring Modulith's JDBC
 * publication registry, so an event whose listener failed or whose instance died is delivered
 * again. Follow-up changes are written to {@code cmp_refresh_pending}, one row per request, and the
 * rows a refresh saw before it began are removed in the same transaction as the refresh, so a
 * failed refresh leaves them pending and a change made during a refresh is refreshed next time; the gathered refresh runs on
 * one instance at a time (cluster lock {@code comparison-pending}). Every refresh takes the
 * results lock in {@link ComparisonEngine}, so concurrent refreshes wait for each other. A gathered
 * refresh of some municipalities writes the follow-up module's stored practice and calendar-year
 * outcomes beside the results, in a transaction of its own that commits before the results' (see
 * {@link #sideBySide}); those are serialized by their own lock ({@code fup_practice_window_built}).
 */
@Component
@Order(40)
class ResultRefresh implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResultRefresh.class);
    static final String FOLLOWUP = "followup";
    /** Scope prefix of a request to refresh one municipality's follow-up results: {@code followup:1280}. */
    static final String MUNICIPALITY = "followup:";
    /**
     * Scope prefix of a request to mark one year's outcome indicators again against the stored
     * outcome reports, which changed: {@code remark:2025}.
     */
    static final String REMARK = "remark:";
    /**
     * Suffix of a municipality's request whose changed clients the follow-up module recorded
     * ({@code followup:1280/clients}): its stored practice and calendar-year outcomes are
     * refreshed for those clients only, unless another request of the municipality lacks it.
     */
    static final String CLIENTS = "/clients";
    /** Follow-up data of no named municipality changed: {@code followup:*} rebuilds every stored practice outcome. */
    static final String EVERY_MUNICIPALITY = "*";

    private final ComparisonEngine engine;
    private final JdbcClient jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final PracticeOutcomes practice;
    private final ResultProvenance provenance;
    private final boolean postgres;

    /**
     * The sort memory of the gathered refresh's transaction on PostgreSQL (instead of the server's
     * default of 4 MB): the changed municipalities' facts are sorted for their outcome pairs, the
     * clients counted distinct for episodes, and the stored practice and calendar-year outcomes
     * filled; at 25,000,000 measurements three municipalities' quarter of a million measurements
     * spilled to disk at 4 MB. Set for that transaction only ({@code set_config(…, true)}), and for
     * the stored outcomes' own transaction beside it.
     */
    static final String REFRESH_WORK_MEM = "128MB";

    /**
     * The planner's cost of a random page read in a gathered refresh of some municipalities on
     * PostgreSQL (instead of the server's 4, which assumes spinning disks): the fact views filter the
     * municipalities with {@code IN (…)}, which PostgreSQL does not carry over to their join with
     * {@code fup_client}, and at 4 it joined the three municipalities' 43,104 interventions (S00003)
     * and episodes (S00005) with a sequential scan of all 4,169,167 clients at 25,000,000
     * measurements (1,862 and 4,302 ms) instead of one probe of the client's primary key each
     * (308 and 2,133 ms at 1.1, the same database and load). Not set for a refresh of everything,
     * which reads whole tables.
     */
    static final String PARTIAL_RANDOM_PAGE_COST = "1.1";

    /**
     * Runs a gathered refresh's stored practice and calendar-year outcomes of some municipalities
     * beside its comparison results, on a second connection in a transaction of its own, which
     * commits before the results' transaction: on two cores the refresh then takes about the longer
     * of the two, not their sum (at 25,000,000 measurements, 10,000 changed clients of three
     * municipalities: results 2.5 s and outcomes 3.6 s, one after the other 6.1 s). Neither reads
     * what the other writes (the results read the follow-up facts and the stored outcome reports;
     * the outcomes write only the follow-up module's stored tables). When the outcomes commit and the
     * results then fail, the requests stay pending and the next refresh does both again: the
     * outcomes' changed clients are released with their commit, so it subtracts and adds nothing
     * twice. A refresh of every municipality runs them one after the other.
     */
    private final java.util.concurrent.ExecutorService sideBySide = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "practice-outcomes-refresh");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Stops the outcomes' thread with the application: a running refresh of them ends on its own
     * (never interrupted: an interrupt inside H2's file I/O closes the database for every connection).
     */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        sideBySide.shutdown();
        sideBySide.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Waits for the outcomes' transaction to end, uninterruptibly (an interrupt is remembered in
     * {@code interrupted} and restored after this refresh's own transaction has ended, so that its
     * commit or rollback is not database I/O on an interrupted thread); its failure fails the
     * results' transaction too. Returns the outcomes' time in nanoseconds.
     */
    private static long awaitOutcomes(Future<Long> outcomes, java.util.concurrent.atomic.AtomicBoolean interrupted) {
        while (true) {
            try {
                return outcomes.get();
            } catch (InterruptedException e) {
                interrupted.set(true);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("The stored outcomes were not refreshed", e.getCause());
            }
        }
    }

    ResultRefresh(ComparisonEngine engine, JdbcClient jdbc, ClusterLocks locks, Clock clock,
                  PlatformTransactionManager transactions, PracticeOutcomes practice, ResultProvenance provenance,
                  @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.provenance = provenance;
        this.practice = practice;
        this.engine = engine;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * At start-up: rebuilds the area membership and refreshes only the indicators whose stored
     * results are stale ({@link ComparisonEngine#refreshStale()}), without counting the follow-up
     * facts unless an indicator computed from them is stale (a stale official-statistics,
     * workforce or prevention indicator is refreshed alone), so that its time does not grow with
     * the facts. Announced changes
     * still pending are left to the gathered refresh ({@link #refreshChangedFollowup()}, within
     * {@code samsyn.comparison.refresh-delay}), facts written without an announcement to
     * {@link #recountFacts()}, and the demo data written by this start to
     * {@link #refreshComputedNow()}, which the demo loaders call after their last one. The
     * number refreshed is logged and kept in {@link #refreshedAtStart()}.
     */
    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Integer refreshed = newTransaction.execute(tx -> {
            engine.rebuildAreas();
            return engine.refreshStale();
        });
        refreshedAtStart = refreshed == null ? 0 : refreshed;
        log.info("Comparison results: {} stale indicators refreshed at start-up in {} ms", refreshedAtStart,
                (System.nanoTime() - started) / 1_000_000);
    }

    private volatile int refreshedAtStart;

    /** How many indicators the last start-up run found stale and refreshed. */
    int refreshedAtStart() {
        return refreshedAtStart;
    }

    @ApplicationModuleListener
    void on(IndicatorValuesChanged event) {
        event.indicatorIds().forEach(engine::refresh);
    }

    @ApplicationModuleListener
    void on(ReferenceDataLoaded event) {
        engine.rebuildAreas();
        engine.refreshAll();
    }

    /**
     * Follow-up data of one municipality changed: only its results (and the areas above it) are
     * refreshed, and its stored outcomes only for the changed clients when they were recorded.
     */
    @ApplicationModuleListener
    void on(FollowupDataChanged event) {
        if (event.municipalityCode() == null || event.municipalityCode().isBlank()) {
            requestRefresh();
            request(MUNICIPALITY + EVERY_MUNICIPALITY);
        } else {
            request(MUNICIPALITY + event.municipalityCode() + (event.clientsRecorded() ? CLIENTS : ""));
        }
    }

    /**
     * The stored outcome reports of these years changed (after the follow-up module's commit): the
     * outcome indicators of the years are marked again by the next gathered refresh, even where
     * their counts did not change (ADR 0015, "One year's report and indicators"). Reports stored
     * while the application starts are re-marked before it is ready by {@link RemarkAtStart}; this
     * request then writes nothing.
     */
    @ApplicationModuleListener
    void on(OutcomeReportsPublished event) {
        event.years().forEach(year -> request(REMARK + year));
    }

    /** Competence's workforce facts changed: the computed indicators are refreshed with the follow-up ones. */
    @ApplicationModuleListener
    void on(se.samsyn.competence.WorkforceChanged event) {
        requestRefresh();
    }

    /** Prevention's reach or anonymous answers changed: the computed indicators are refreshed with the follow-up ones. */
    @ApplicationModuleListener
    void on(se.samsyn.prevention.PreventionChanged event) {
        requestRefresh();
    }

    /**
     * The background recount of every follow-up fact (issue 19, point 3), kept off the start-up
     * path: counts the facts of every municipality and requests a refresh ({@code followup:1280},
     * as an announced change does) for each municipality whose counts differ from those its stored
     * results were computed from ({@link ResultProvenance#changedMunicipalities()}), so that facts
     * written without an announcement (bulk SQL outside the application) are refreshed by the
     * next gathered refresh. Runs {@code samsyn.comparison.fact-recount-delay} (two minutes by
     * default) after start and then every {@code samsyn.comparison.fact-recount-interval} (one
     * hour by default), on one instance at a time (cluster lock {@code comparison-fact-recount});
     * so such facts are in the results about three minutes after a start (the recount, then the
     * gathered refresh within {@code samsyn.comparison.refresh-delay}, plus the time of both), and
     * within about an hour when written while the application runs. It changes no result itself.
     *
     * @return the municipalities for which a refresh was requested, sorted; empty if none or if
     *         another instance is recounting
     */
    @Scheduled(initialDelayString = "${samsyn.comparison.fact-recount-delay:120s}",
            fixedDelayString = "${samsyn.comparison.fact-recount-interval:1h}")
    java.util.SortedSet<String> recountFacts() {
        java.util.SortedSet<String> requested = new java.util.TreeSet<>();
        locks.runIfFree("comparison-fact-recount", () -> newTransaction.executeWithoutResult(tx -> {
            long started = System.nanoTime();
            requested.addAll(provenance.changedMunicipalities());
            requested.forEach(m -> request(MUNICIPALITY + m));
            log.info("Recounted every follow-up fact in {} ms: refresh requested for {}",
                    (System.nanoTime() - started) / 1_000_000, requested.isEmpty() ? "no municipality" : requested);
        }));
        return requested;
    }

    /** Marks the computed indicators for the next gathered refresh: one row per request (V130). */
    private void requestRefresh() {
        request(FOLLOWUP);
    }

    private void request(String scope) {
        jdbc.sql("INSERT INTO cmp_refresh_pending (scope, requested_at) VALUES (:scope, :at)")
                .param("scope", scope).param("at", LocalDateTime.now(clock)).update();
    }

    /**
     * Refreshes what changed since the last refresh: every computed indicator whole if competence or
     * prevention data (or follow-up data of no named municipality) changed, else only the
     * municipalities whose follow-up data changed ({@link ComparisonEngine#refreshMunicipalities});
     * the stored practice outcomes of those municipalities ({@link PracticeOutcomes}) are refreshed
     * beside them, in a transaction of their own that commits first ({@link #sideBySide}; for the
     * recorded changed clients only where every request of a municipality had them,
     * {@value #CLIENTS}), and of every municipality after them in the same transaction.
     * On PostgreSQL the transaction sorts with {@value #REFRESH_WORK_MEM} of memory, and a refresh
     * of some municipalities plans with a random page cost of {@value #PARTIAL_RANDOM_PAGE_COST}.
     * When only new stored outcome reports were announced ({@code remark:<year>}), only those years of
     * the outcome indicators are marked again ({@link ComparisonEngine#remark}); any other refresh
     * marks every year and covers them.
     * Only the requests seen before the refresh began are removed, in the refresh's transaction: a
     * request made while it runs stays for the next run, and a failed refresh leaves them all.
     */
    @Scheduled(fixedDelayString = "${samsyn.comparison.refresh-delay:60s}")
    void refreshChangedFollowup() {
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        locks.runIfFree("comparison-pending", () -> newTransaction.executeWithoutResult(tx -> {
            long seen = lastRequest();
            if (seen == 0) {
                return;
            }
            List<String> scopes = jdbc.sql("SELECT DISTINCT scope FROM cmp_refresh_pending WHERE id <= :seen")
                    .param("seen", seen).query(String.class).list();
            if (postgres) {
                jdbc.sql("SELECT set_config('work_mem', :memory, true)").param("memory", REFRESH_WORK_MEM)
                        .query(String.class).single();
            }
            Set<String> municipalities = new TreeSet<>();
            Set<String> whole = new TreeSet<>();
            scopes.stream().filter(s -> s.startsWith(MUNICIPALITY)).map(s -> s.substring(MUNICIPALITY.length()))
                    .forEach(s -> {
                        municipalities.add(s.endsWith(CLIENTS) ? s.substring(0, s.length() - CLIENTS.length()) : s);
                        if (!s.endsWith(CLIENTS)) {
                            whole.add(s);
                        }
                    });
            Set<String> byClients = new TreeSet<>(municipalities);
            byClients.removeAll(whole);
            boolean every = municipalities.remove(EVERY_MUNICIPALITY);
            if (municipalities.isEmpty() && !every && !scopes.contains(FOLLOWUP)) {
                // only new stored outcome reports: their years' outcome indicators marked again
                Set<Integer> years = new TreeSet<>();
                scopes.stream().filter(s -> s.startsWith(REMARK))
                        .forEach(s -> years.add(Integer.parseInt(s.substring(REMARK.length()))));
                int written = years.isEmpty() ? 0 : engine.remark(years);
                log.debug("Outcome indicators of {} marked again against the stored reports: {} cells written", years,
                        written);
                removeRequests(seen);
                return;
            }
            // a refresh of the follow-up indicators marks every year, so it covers the remark requests too
            if (postgres && !every && !scopes.contains(FOLLOWUP)) {
                // only some municipalities: their rows are reached through the indexes
                jdbc.sql("SELECT set_config('random_page_cost', :cost, true)").param("cost", PARTIAL_RANDOM_PAGE_COST)
                        .query(String.class).single();
            }
            long started = System.nanoTime();
            // the stored practice and calendar-year outcomes of some municipalities beside the results,
            // in a transaction of their own on another connection (see sideBySide)
            Future<Long> outcomes = every || municipalities.isEmpty() ? null : sideBySide.submit(() -> {
                long begun = System.nanoTime();
                newTransaction.executeWithoutResult(own -> {
                    if (postgres) {
                        jdbc.sql("SELECT set_config('work_mem', :memory, true)").param("memory", REFRESH_WORK_MEM)
                                .query(String.class).single();
                        jdbc.sql("SELECT set_config('random_page_cost', :cost, true)").param("cost", PARTIAL_RANDOM_PAGE_COST)
                                .query(String.class).single();
                    }
                    practice.refresh(municipalities, byClients);
                });
                return System.nanoTime() - begun;
            });
            long practiceNanos;
            long resultsNanos;
            try {
                if (scopes.contains(FOLLOWUP)) {
                    engine.refreshComputed();
                } else {
                    engine.refreshMunicipalities(municipalities);
                }
            } catch (RuntimeException failed) {
                // the outcomes' transaction ends (commits or rolls back) before this one rolls back
                if (outcomes != null) {
                    try {
                        awaitOutcomes(outcomes, interrupted);
                    } catch (RuntimeException alsoFailed) {
                        failed.addSuppressed(alsoFailed);
                    }
                }
                throw failed;
            }
            resultsNanos = System.nanoTime() - started;
            practiceNanos = outcomes == null ? 0 : awaitOutcomes(outcomes, interrupted);
            if (every) {
                long results = System.nanoTime();
                practice.refreshAll();
                practiceNanos = System.nanoTime() - results;
            }
            log.debug("Gathered refresh of {}: results in {} ms, practice outcomes in {} ms ({}), done in {} ms",
                    every ? "every municipality" : municipalities, resultsNanos / 1_000_000, practiceNanos / 1_000_000,
                    every ? "after the results" : "beside the results", (System.nanoTime() - started) / 1_000_000);
            removeRequests(seen);
        }));
        if (interrupted.get()) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refreshes every computed indicator whole and rebuilds every stored practice outcome now, in
     * the caller's thread and a transaction of its own, waiting for a refresh that is running
     * (the results lock) instead of skipping: what the gathered refresh does for
     * {@code followup} and {@code followup:*}, for data the application itself wrote at start-up
     * (the demo data, {@link se.samsyn.comparison.Indicators#refreshComputed}), whose
     * announcements would otherwise reach the results only with the next gathered refresh, up to
     * {@code samsyn.comparison.refresh-delay} after the application is ready. The follow-up
     * requests made before it began are removed, since it covers them; those announced later (the
     * announcements are delivered asynchronously) are refreshed by the gathered refresh as usual.
     *
     * @return how many indicators were refreshed
     */
    int refreshComputedNow() {
        Integer refreshed = newTransaction.execute(tx -> {
            long seen = lastRequest();
            long started = System.nanoTime();
            int count = engine.refreshComputed();
            long results = System.nanoTime();
            practice.refreshAll();
            log.debug("Refresh of every computed indicator: results in {} ms, practice outcomes in {} ms",
                    (results - started) / 1_000_000, (System.nanoTime() - results) / 1_000_000);
            removeRequests(seen);
            return count;
        });
        return refreshed == null ? 0 : refreshed;
    }

    /**
     * The id of the last follow-up refresh request ({@code followup}, {@code followup:…}, or
     * {@code remark:…}); 0 if none.
     */
    private long lastRequest() {
        return jdbc.sql("""
                SELECT COALESCE(MAX(id), 0) FROM cmp_refresh_pending
                WHERE scope = :scope OR scope LIKE :municipality OR scope LIKE :remark""")
                .param("scope", FOLLOWUP).param("municipality", MUNICIPALITY + "%").param("remark", REMARK + "%")
                .query(Long.class).single();
    }

    private void removeRequests(long seen) {
        jdbc.sql("""
                DELETE FROM cmp_refresh_pending
                WHERE (scope = :scope OR scope LIKE :municipality OR scope LIKE :remark) AND id <= :seen""")
                .param("scope", FOLLOWUP).param("municipality", MUNICIPALITY + "%").param("remark", REMARK + "%")
                .param("seen", seen).update();
    }
}
