package se.samsyn.comparison;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.organisation.ReferenceDataLoaded;

/**
 * Keeps the stored results current: at startup (after reference, demo and imported data), after
 * imports of statistics, after reference data changes, and shortly after follow-up data changes
 * (gathered and refreshed at most once a minute, so a busy day of recording does not recompute
 * everything per row).
 */
@Component
@Order(40)
class ResultRefresh implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResultRefresh.class);

    private final ComparisonEngine engine;
    private final TransactionTemplate newTransaction;
    private final AtomicBoolean followupChanged = new AtomicBoolean();

    ResultRefresh(ComparisonEngine engine, PlatformTransactionManager transactions) {
        this.engine = engine;
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(IndicatorValuesChanged event) {
        Set<String> ids = event.indicatorIds();
        newTransaction.executeWithoutResult(tx -> ids.forEach(engine::refresh));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReferenceDataLoaded event) {
        newTransaction.executeWithoutResult(tx -> {
            engine.rebuildAreas();
            engine.refreshAll();
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(FollowupDataChanged event) {
        followupChanged.set(true);
    }

    @Scheduled(fixedDelayString = "${samsyn.comparison.refresh-delay:60s}")
    void refreshChangedFollowup() {
        if (followupChanged.getAndSet(false)) {
            newTransaction.executeWithoutResult(tx -> engine.refreshComputed());
        }
    }
}
