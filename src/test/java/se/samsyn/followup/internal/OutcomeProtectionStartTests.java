package se.samsyn.followup.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import se.samsyn.cluster.ClusterLockTimeout;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.Organisation;

/**
 * When the start-up computes the stored outcome reports: at once on an empty store with
 * {@code wait} (the embedded default), waiting for a refresh that holds the lock rather than
 * skipping it, and not again when that refresh stored them; never with {@code background} (the
 * {@code postgres} profile, where the first scheduled refresh does it), and never when something
 * is stored.
 */
class OutcomeProtectionStartTests {

    private final StoredOutcomeReports table = mock(StoredOutcomeReports.class);
    private final ClusterLocks locks = mock(ClusterLocks.class);
    private final JdbcClient jdbc = mock(JdbcClient.class);

    private OutcomeProtectionRefresh refresh(String atStart) {
        return new OutcomeProtectionRefresh(mock(OutcomePairs.class), table, jdbc, locks,
                Clock.systemUTC(), mock(Catalogue.class), mock(Organisation.class),
                mock(PlatformTransactionManager.class), mock(org.springframework.context.ApplicationEventPublisher.class),
                atStart);
    }

    @Test
    void waitComputesAtStartWhenNothingIsStoredWaitingForARefreshThatHoldsTheLock() {
        when(table.countedAt()).thenReturn(Optional.empty());
        refresh("wait").run(null);
        verify(locks).runExclusively(eq(OutcomeProtectionRefresh.LOCK), eq(ClusterLocks.SEEDING_WAIT),
                any(Runnable.class));
        verify(locks, never()).runIfFree(any(), any());
    }

    @Test
    void waitComputesNothingWhenTheRefreshItWaitedForStoredTheReports() {
        // empty when the start looks, stored once the lock is free (the scheduled refresh held it)
        when(table.countedAt()).thenReturn(Optional.empty(), Optional.of(Instant.parse("2026-12-01T10:00:00Z")));
        doAnswer(call -> {
            call.getArgument(2, Runnable.class).run();
            return null;
        }).when(locks).runExclusively(eq(OutcomeProtectionRefresh.LOCK), any(), any(Runnable.class));
        refresh("wait").run(null);
        verify(table, times(2)).countedAt();
        verifyNoInteractions(jdbc);
    }

    @Test
    void aLockHeldForLongerThanTheWaitLeavesTheReportsToTheScheduledRefresh() {
        when(table.countedAt()).thenReturn(Optional.empty());
        doThrow(mock(ClusterLockTimeout.class)).when(locks)
                .runExclusively(eq(OutcomeProtectionRefresh.LOCK), any(), any(Runnable.class));
        refresh("wait").run(null);
        verifyNoInteractions(jdbc);
    }

    @Test
    void backgroundLeavesTheFirstComputationToTheScheduledRefresh() {
        when(table.countedAt()).thenReturn(Optional.empty());
        refresh("background").run(null);
        verifyNoInteractions(locks);
    }

    @Test
    void nothingIsComputedAtStartWhenReportsAreStored() {
        when(table.countedAt()).thenReturn(Optional.of(Instant.parse("2026-12-01T10:00:00Z")));
        refresh("wait").run(null);
        verifyNoInteractions(locks);
    }
}
