package se.samsyn.comparison.internal;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samsyn.followup.OutcomeReportsPublished;

/**
 * At start-up, after the first protection of the outcome reports (order 77, after the follow-up
 * module's {@code OutcomeProtectionRefresh} at 76): when that start stored the reports (only on an
 * empty store under {@code samsyn.followup.outcome-protection-at-start=wait}, the embedded
 * default), marks the outcome indicators of the stored years again against them in the caller's
 * thread ({@link ComparisonEngine#remark}), so that the indicators agree with the same year's
 * reports when the application is ready (ADR 0015, "One year's report and indicators"). The
 * comparison start-up (order 40) and the demo results (order 70) marked them before any report
 * was stored.
 *
 * <p>Why not the usual announcement: {@link ResultRefresh} hears {@link OutcomeReportsPublished}
 * through the publication registry, asynchronously after commit, and leaves the re-marking to the
 * next gathered refresh (up to {@code samsyn.comparison.refresh-delay} later), so at start-up it
 * would race the application's readiness. Here the event is heard synchronously, in the thread
 * of the write that publishes it, and its years are kept once that write has committed; they are
 * re-marked when this runner runs. Should the re-marking fail (a lock wait timed out on a slow
 * start), it is logged and the start goes on. The registry's delivery still
 * requests the same re-marking later, which then writes nothing. Events after start-up are left
 * to the registry alone.
 */
@Component
@Order(77)
class RemarkAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RemarkAtStart.class);

    private final ComparisonEngine engine;
    /** The years of the reports stored while the application starts; guarded by {@code this}. */
    private final Set<Integer> years = new TreeSet<>();
    private boolean started;

    RemarkAtStart(ComparisonEngine engine) {
        this.engine = engine;
    }

    /**
     * Keeps the years of reports stored before this runner has run, once the write that publishes
     * them has committed (heard in the publisher's thread and transaction; a commit after this
     * runner has run is left to the registry's delivery). Nothing is read or written here.
     */
    @EventListener
    void on(OutcomeReportsPublished event) {
        Set<Integer> heard = Set.copyOf(event.years());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keep(heard);
                }
            });
        } else {
            keep(heard);
        }
    }

    private synchronized void keep(Set<Integer> heard) {
        if (!started) {
            years.addAll(heard);
        }
    }

    /**
     * Re-marks the outcome indicators of the years whose reports were stored during this start, in
     * one transaction that waits for a refresh holding the results lock; nothing when none were.
     * The log line says how long it waited for the lock and how long the marking took.
     */
    @Override
    public void run(ApplicationArguments args) {
        Set<Integer> stored;
        synchronized (this) {
            started = true;
            stored = new TreeSet<>(years);
            years.clear();
        }
        if (stored.isEmpty()) {
            return;
        }
        try {
            ComparisonEngine.Remarked remarked = engine.remarkTimed(stored);
            log.info("Outcome indicators of {} marked against the outcome reports stored at start-up: {} cells written; "
                    + "waited {} ms for the results lock{}, then marked in {} ms", stored, remarked.written(), remarked.waitedMillis(),
                    remarked.waitedMillis() > 0 ? " (held by a refresh of the results running meanwhile)" : "",
                    remarked.markedMillis());
        } catch (RuntimeException e) {
            // e.g. the results lock held past the database's lock timeout by a long refresh on a slow
            // start: the start goes on, and the registry's delivery of the same event re-marks them
            log.warn("Outcome indicators of {} could not be marked against the outcome reports at start-up ({}); "
                    + "they are marked with the next gathered refresh", stored, e.toString());
        }
    }
}
