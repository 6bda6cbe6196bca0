package se.samsyn.followup.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.Organisation;

/**
 * When the start-up computes the stored outcome reports: at once on an empty store with
 * {@code wait} (the embedded default), never with {@code background} (the {@code postgres}
 * profile, where the first scheduled refresh does it), and never when something is stored.
 */
class OutcomeProtectionStartTests {

    private final StoredOutcomeReports table = mock(StoredOutcomeReports.class);
    private final ClusterLocks locks = mock(ClusterLocks.class);

    private OutcomeProtectionRefresh refresh(String atStart) {
        return new OutcomeProtectionRefresh(mock(OutcomePairs.class), table, mock(JdbcClient.class), locks,
                Clock.systemUTC(), mock(Catalogue.class), mock(Organisation.class),
                mock(PlatformTransactionManager.class), mock(org.springframework.context.ApplicationEventPublisher.class),
                atStart);
    }

    @Test
    void waitComputesAtStartWhenNothingIsStored() {
        when(table.countedAt()).thenReturn(Optional.empty());
        refresh("wait").run(null);
        verify(locks).runIfFree(eq(OutcomeProtectionRefresh.LOCK), any());
    }

    @Test
    void backgroundLeavesTheFirstComputationToTheScheduledRefresh() {
        when(table.countedAt()).thenReturn(Optional.empty());
        refresh("background").run(null);
        verify(locks, never()).runIfFree(any(), any());
    }

    @Test
    void nothingIsComputedAtStartWhenReportsAreStored() {
        when(table.countedAt()).thenReturn(Optional.of(Instant.parse("2026-12-01T10:00:00Z")));
        refresh("wait").run(null);
        verify(locks, never()).runIfFree(any(), any());
    }
}
