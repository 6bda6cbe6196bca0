package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.comparison.Indicator;

/**
 * The start-up check ({@link ComparisonEngine#refreshStale()}) with its collaborators replaced:
 * on current results it counts no follow-up fact, so its time does not grow with the facts; when
 * an indicator is stale it counts every fact once, and a follow-up indicator that looked current
 * against the stored counts but not against the full count is refreshed with it. The fingerprint
 * here is the indicator's id and the watermark it was given ("id@watermark").
 */
class RefreshStaleTests {

    ResultProvenance provenance = mock(ResultProvenance.class);
    ComparisonRepository repository = mock(ComparisonRepository.class);
    ResultComputation computation = mock(ResultComputation.class);
    ComparisonEngine engine = new ComparisonEngine(mock(JdbcClient.class), repository, computation,
            mock(ResultMarking.class), Clock.systemUTC(), mock(ChangeSignals.class), mock(ClusterLocks.class), provenance,
            mock(PlatformTransactionManager.class), mock(ApplicationEventPublisher.class));
    Indicator s00001 = indicator("S00001", true);
    Indicator k00001 = indicator("K00001", false);

    @BeforeEach
    void collaborators() {
        when(repository.indicators()).thenReturn(List.of(s00001, k00001));
        when(provenance.areas()).thenReturn("areas");
        when(provenance.storedFacts()).thenReturn("stored");
        when(provenance.fingerprint(any(), eq("areas"), anyString()))
                .thenAnswer(call -> call.<Indicator>getArgument(0).id() + "@" + call.getArgument(2));
    }

    @Test
    void currentResultsAreCheckedWithoutCountingAFact() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored", "K00001", "K00001@stored"));

        assertThat(engine.refreshStale()).isZero();

        verify(provenance, never()).followupFacts();
        verify(provenance, never()).changedMunicipalities();
        verify(computation, never()).compute(any(), anyLong());
        verify(provenance, never()).record(anyString(), anyString(), any());
    }

    @Test
    void aStaleIndicatorIsRefreshedWithTheFullCountAndSoIsAFollowupIndicatorWhoseFactsChanged() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored"));
        when(provenance.followupFacts()).thenReturn("counted");

        assertThat(engine.refreshStale()).as("K00001 never computed, S00001 computed from other facts").isEqualTo(2);

        verify(provenance, times(1)).followupFacts();
        verify(computation).compute(eq(s00001), anyLong());
        verify(provenance).record(eq("S00001"), eq("S00001@counted"), any());
        verify(provenance).record(eq("K00001"), eq("K00001@counted"), any());
    }

    @Test
    void aStaleIndicatorWithUnchangedFactsLeavesTheCurrentOnesAlone() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored"));
        when(provenance.followupFacts()).thenReturn("stored");

        assertThat(engine.refreshStale()).isEqualTo(1);

        verify(computation, never()).compute(any(), anyLong());
        verify(provenance).record(eq("K00001"), eq("K00001@stored"), any());
        verify(provenance, never()).record(eq("S00001"), anyString(), any());
    }

    private static Indicator indicator(String id, boolean computed) {
        Indicator indicator = mock(Indicator.class);
        when(indicator.id()).thenReturn(id);
        when(indicator.computed()).thenReturn(computed);
        return indicator;
    }
}
