package se.samsyn.cluster.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samsyn.cluster.ClusterLocks;

/**
 * Delivers again the events whose listener failed, or whose instance died while handling them
 * (Spring Modulith marks those failed once they are stale, see {@code spring.modulith.events.staleness}),
 * and forgets completed publications after a week. Runs every
 * {@code samsyn.cluster.redelivery-interval} (one minute) on one instance at a time.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    static final Duration KEEP_COMPLETED = Duration.ofDays(7);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final ClusterLocks locks;

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed, ClusterLocks locks) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${samsyn.cluster.redelivery-interval:60s}", initialDelayString = "${samsyn.cluster.redelivery-interval:60s}")
    void redeliver() {
        locks.runIfFree("event-redelivery", () -> {
            incomplete.resubmitIncompletePublications(p -> p.getStatus() == EventPublication.Status.FAILED);
            completed.deletePublicationsOlderThan(KEEP_COMPLETED);
        });
        log.trace("Checked for failed event publications");
    }
}
