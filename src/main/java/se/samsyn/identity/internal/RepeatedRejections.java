package se.samsyn.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;

/**
 * Repeated security events from one client address are counted, not written row by row (issue 12
 * point 5): rejected API tokens (TOKEN_REJECTED) and failed logins (LOGIN_FAILED). The first event
 * of an action from an address in a window ({@code samsyn.security.rejection-window}, 1 minute,
 * starting at that first event) is audited by the caller as usual; later ones in that window are
 * only counted, and when the window ends one {@code <action>_REPEATED} row (actor "unknown", outcome
 * DENIED) says how many more there were and why, e.g. {@code count=49; rate-limited=30;
 * unknown-user=19; window=PT1M} (reasons in alphabetical order). A flood thus costs the database
 * two rows per action, address and window. The windows live in memory (Caffeine, at most 100,000),
 * per instance; windows still open when the instance stops are written then ({@link #closeAll}).
 */
@Component
class RepeatedRejections {

    private final Cache<String, Window> windows;
    private final Duration window;
    private final AuditTrail audit;

    RepeatedRejections(AuditTrail audit, @Value("${samsyn.security.rejection-window:1m}") Duration window) {
        this.window = window;
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .scheduler(Scheduler.systemScheduler())
                .<String, Window>removalListener((key, counted, cause) -> {
                    if (cause.wasEvicted() && counted != null) {
                        write(counted);
                    }
                })
                .build();
        this.audit = audit;
    }

    /**
     * Ends every open window now and writes its count (when the instance stops, so that no count
     * is lost, and in tests, which cannot wait for the windows to end).
     */
    @PreDestroy
    void closeAll() {
        for (String key : java.util.List.copyOf(windows.asMap().keySet())) {
            Window counted = windows.asMap().remove(key);
            if (counted != null) {
                try {
                    write(counted);
                } catch (RuntimeException e) {
                    // stopping with the database gone: the count cannot be kept
                    org.slf4j.LoggerFactory.getLogger(RepeatedRejections.class)
                            .warn("Could not write the count of {} from one address: {}", counted.action, e.getMessage());
                }
            }
        }
    }

    private void write(Window counted) {
        if (counted.total.get() > 1) {
            audit.record(AuditRecord.of(counted.action + "_REPEATED", AuditCategory.SECURITY)
                    .actorName(LoginAttempts.UNKNOWN_USER).outcome(AuditOutcome.DENIED)
                    .details(counted.details(window))
                    .clientAddress(counted.address).build());
        }
    }

    /**
     * Counts an event of {@code action} from the address, for {@code reason}; true when it is the
     * first in its window and must be audited by the caller.
     */
    boolean firstInWindow(String action, String clientAddress, String reason) {
        String address = clientAddress == null ? "-" : clientAddress;
        Window counted = windows.get(action + " " + address, k -> new Window(action, address));
        if (counted.total.incrementAndGet() == 1) {
            return true;
        }
        counted.reasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
        return false;
    }

    /** One action's events from one address in one window: all of them, and the later ones by reason. */
    private static final class Window {
        final String action;
        final String address;
        final AtomicLong total = new AtomicLong();
        final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();

        Window(String action, String address) {
            this.action = action;
            this.address = address;
        }

        String details(Duration window) {
            String byReason = new TreeMap<>(reasons).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().sum()).collect(Collectors.joining("; "));
            return "count=" + (total.get() - 1) + (byReason.isEmpty() ? "" : "; " + byReason) + "; window=" + window;
        }
    }
}
