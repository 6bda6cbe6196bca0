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
import se.samsyn.comparison.Template;

/**
 * The start-up check ({@link ComparisonEngine#refreshStale()}) with its collaborators replaced:
 * on current results it counts no follow-up fact, so its time does not grow with the facts; when
 * an indicator computed from follow-up facts is stale it counts every fact once, and a follow-up
 * indicator that looked current against the stored counts but not against the full count is
 * refreshed with it; when only an imported (official statistics) indicator is stale it counts no
 * fact either. The fingerprint here is the indicator's id and, for follow-up indicators, the
 * watermark it was given ("S00001@watermark"; "K00001@" for the imported one, whose real
 * fingerprint holds no watermark).
 */
class RefreshStaleTests {

    ResultProvenance provenance = mock(ResultProvenance.class);
    ComparisonRepository repository = mock(ComparisonRepository.class);
    ResultComputation computation = mock(ResultComputation.class);
    ComparisonEngine engine = new ComparisonEngine(mock(JdbcClient.class), repository, computation,
            mock(ResultMarking.class), Clock.systemUTC(), mock(ChangeSignals.class), mock(ClusterLocks.class), provenance,
            mock(PlatformTransactionManager.class), mock(ApplicationEventPublisher.class));
    Indicator s00001 = indicator("S00001", Template.IMPROVED_SHARE);
    Indicator s00005 = indicator("S00005", Template.CLIENTS_PER_1000);
    Indicator k00001 = indicator("K00001", null);

    @BeforeEach
    void collaborators() {
        when(repository.indicators()).thenReturn(List.of(s00001, s00005, k00001));
        when(provenance.areas()).thenReturn("areas");
        when(provenance.storedFacts()).thenReturn("stored");
        when(provenance.fingerprint(any(), eq("areas"), anyString())).thenAnswer(call -> {
            Indicator indicator = call.getArgument(0);
            return indicator.id() + "@" + (ResultProvenance.readsFollowupFacts(indicator) ? call.getArgument(2) : "");
        });
    }

    @Test
    void currentResultsAreCheckedWithoutCountingAFact() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored", "S00005", "S00005@stored", "K00001", "K00001@"));

        assertThat(engine.refreshStale()).isZero();

        verify(provenance, never()).followupFacts();
        verify(provenance, never()).changedMunicipalities();
        verify(computation, never()).compute(any(), anyLong());
        verify(provenance, never()).record(anyString(), anyString(), any());
    }

    @Test
    void aStaleFollowupIndicatorIsRefreshedWithTheFullCountAndSoIsAFollowupIndicatorWhoseFactsChanged() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored", "K00001", "K00001@"));
        when(provenance.followupFacts()).thenReturn("counted");

        assertThat(engine.refreshStale()).as("S00005 never computed, S00001 computed from other facts").isEqualTo(2);

        verify(provenance, times(1)).followupFacts();
        verify(computation).compute(eq(s00001), anyLong());
        verify(computation).compute(eq(s00005), anyLong());
        verify(provenance).record(eq("S00001"), eq("S00001@counted"), any());
        verify(provenance).record(eq("S00005"), eq("S00005@counted"), any());
        verify(provenance, never()).record(eq("K00001"), anyString(), any());
    }

    @Test
    void aStaleFollowupIndicatorWithUnchangedFactsLeavesTheCurrentOnesAlone() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored", "K00001", "K00001@"));
        when(provenance.followupFacts()).thenReturn("stored");

        assertThat(engine.refreshStale()).isEqualTo(1);

        verify(computation).compute(eq(s00005), anyLong());
        verify(computation, never()).compute(eq(s00001), anyLong());
        verify(provenance).record(eq("S00005"), eq("S00005@stored"), any());
        verify(provenance, never()).record(eq("S00001"), anyString(), any());
    }

    @Test
    void aStaleImportedIndicatorAloneIsRefreshedWithoutCountingAFact() {
        when(provenance.recorded()).thenReturn(Map.of("S00001", "S00001@stored", "S00005", "S00005@stored"));

        assertThat(engine.refreshStale()).as("K00001 never computed").isEqualTo(1);

        verify(provenance, never()).followupFacts();
        verify(computation, never()).compute(any(), anyLong());
        verify(provenance).record(eq("K00001"), eq("K00001@"), any());
        verify(provenance, never()).record(eq("S00001"), anyString(), any());
        verify(provenance, never()).record(eq("S00005"), anyString(), any());
    }

    /** A follow-up indicator of the template, or an imported one when the template is null. */
    private static Indicator indicator(String id, Template template) {
        Indicator indicator = mock(Indicator.class);
        when(indicator.id()).thenReturn(id);
        when(indicator.computed()).thenReturn(template != null);
        when(indicator.template()).thenReturn(template);
        return indicator;
    }
}
