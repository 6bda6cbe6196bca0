package se.samsyn.comparison.internal;

import java.time.Clock;
import java.time.LocalDateTime;
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
import se.samsyn.organisation.ReferenceDataLoaded;

/**
 * Keeps the stored results current: at start-up, after imports of statistics, after reference data
 * changes, and shortly after follow-up data changes (gathered and refreshed at most once per
 * {@code samsyn.comparison.refresh-delay}, one minute by default, so a busy day of recording does
 * not recompute everything per row).
 *
 * <p>Several instances may share the database. The events arrive through Spring Modulith's JDBC
 * publication registry, so an event whose listener failed or whose instance died is delivered
 * again. Follow-up changes are written to {@code cmp_refresh_pending}, one row per request, and the
 * rows a refresh saw before it began are removed in the same transaction as the refresh, so a
 * failed refresh leaves them pending and a change made during a refresh is refreshed next time; the gathered refresh runs on
 * one instance at a time (cluster lock {@code comparison-pending}). Every refresh takes the
 * results lock in {@link ComparisonEngine}, so concurrent refreshes wait for each other.
 */
@Component
@Order(40)
class ResultRefresh implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResultRefresh.class);
    static final String FOLLOWUP = "followup";

    private final ComparisonEngine engine;
    private final JdbcClient jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    ResultRefresh(ComparisonEngine engine, JdbcClient jdbc, ClusterLocks locks, Clock clock,
                  PlatformTransactionManager transactions) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        newTransaction.executeWithoutResult(tx -> {
            engine.rebuildAreas();
            engine.refreshAll();
        });
        log.info("Comparison results refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
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

    @ApplicationModuleListener
    void on(FollowupDataChanged event) {
        requestRefresh();
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

    /** Marks the computed indicators for the next gathered refresh: one row per request (V130). */
    private void requestRefresh() {
        jdbc.sql("INSERT INTO cmp_refresh_pending (scope, requested_at) VALUES (:scope, :at)")
                .param("scope", FOLLOWUP).param("at", LocalDateTime.now(clock)).update();
    }

    /**
     * Refreshes the computed indicators if follow-up, competence or prevention data changed since the
     * last refresh. Only the requests seen before the refresh began are removed, in the refresh's
     * transaction: a request made while it runs stays for the next run, and a failed refresh leaves
     * them all.
     */
    @Scheduled(fixedDelayString = "${samsyn.comparison.refresh-delay:60s}")
    void refreshChangedFollowup() {
        locks.runIfFree("comparison-pending", () -> newTransaction.executeWithoutResult(tx -> {
            long seen = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cmp_refresh_pending WHERE scope = :scope")
                    .param("scope", FOLLOWUP).query(Long.class).single();
            if (seen > 0) {
                engine.refreshComputed();
                jdbc.sql("DELETE FROM cmp_refresh_pending WHERE scope = :scope AND id <= :seen")
                        .param("scope", FOLLOWUP).param("seen", seen).update();
            }
        }));
    }
}
