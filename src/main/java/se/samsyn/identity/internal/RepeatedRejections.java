package se.samsyn.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;

/**
 * Rejected API tokens from one client address are counted, not written row by row (issue 12
 * point 5): the first rejection in a window ({@code samsyn.security.rejection-window}, 1 minute)
 * is audited as TOKEN_REJECTED, later ones in that window only counted, and when the window ends
 * one TOKEN_REJECTED_REPEATED row says how many more there were. A flood of bad tokens thus costs
 * the database two rows per address and window. The windows live in memory (Caffeine, at most
 * 100,000 addresses), per instance.
 */
@Component
class RepeatedRejections {

    private final Cache<String, AtomicLong> windows;
    private final Duration window;

    RepeatedRejections(AuditTrail audit, @Value("${samsyn.security.rejection-window:1m}") Duration window) {
        this.window = window;
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .scheduler(Scheduler.systemScheduler())
                .<String, AtomicLong>removalListener((address, count, cause) -> {
                    if (cause.wasEvicted() && count != null && count.get() > 1) {
                        audit.record(AuditRecord.of("TOKEN_REJECTED_REPEATED", AuditCategory.SECURITY)
                                .actorName(LoginAttempts.UNKNOWN_USER).outcome(AuditOutcome.DENIED)
                                .details("count=" + (count.get() - 1) + "; window=" + this.window)
                                .clientAddress(address).build());
                    }
                })
                .build();
    }

    /** Counts a rejection from the address; true when it is the first in its window and must be audited. */
    boolean firstInWindow(String clientAddress) {
        String key = clientAddress == null ? "-" : clientAddress;
        return windows.get(key, a -> new AtomicLong()).incrementAndGet() == 1;
    }
}
