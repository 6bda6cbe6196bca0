package se.samsyn.comparison.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samsyn.followup.OutcomeReportsPublished;

/**
 * The start-up re-marking of the outcome indicators (ADR 0015, "One year's report and
 * indicators"): the years of the reports stored while the application starts are marked again
 * once, by the runner; nothing when no report was stored; reports stored later are left to the
 * gathered refresh.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemarkAtStartTests {

    private final ComparisonEngine engine = mock(ComparisonEngine.class);
    private final RemarkAtStart start = new RemarkAtStart(engine);

    @Test
    void theYearsOfTheReportsStoredDuringTheStartAreMarkedAgainOnce() {
        start.on(new OutcomeReportsPublished(List.of(2025, 2024, 2025)));
        start.on(new OutcomeReportsPublished(List.of(2026)));
        start.run(null);
        verify(engine).remarkTimed(Set.of(2024, 2025, 2026));
    }

    @Test
    void nothingIsMarkedWhenNoReportWasStoredDuringTheStart() {
        start.run(null);
        verify(engine, never()).remarkTimed(any());
    }

    @Test
    void reportsStoredAfterTheRunnerAreLeftToTheGatheredRefresh() {
        start.run(null);
        start.on(new OutcomeReportsPublished(List.of(2025)));
        verify(engine, never()).remarkTimed(any());
    }

    /** The log line tells the wait for the results lock apart from the marking itself. */
    @Test
    void theLogSaysHowLongItWaitedForTheLockAndHowLongItMarked(CapturedOutput output) {
        when(engine.remarkTimed(Set.of(2025))).thenReturn(new ComparisonEngine.Remarked(0, 26_400, 414));
        start.on(new OutcomeReportsPublished(List.of(2025)));
        start.run(null);
        assertThat(output.getOut()).contains("Outcome indicators of [2025] marked against the outcome reports stored "
                + "at start-up: 0 cells written; waited 26400 ms for the results lock (held by a refresh of the results "
                + "running meanwhile), then marked in 414 ms");
    }

    /** Without a wait the line names no refresh that held the lock. */
    @Test
    void withoutAWaitTheLogNamesNoRefreshHoldingTheLock(CapturedOutput output) {
        when(engine.remarkTimed(Set.of(2025))).thenReturn(new ComparisonEngine.Remarked(270, 0, 8534));
        start.on(new OutcomeReportsPublished(List.of(2025)));
        start.run(null);
        assertThat(output.getOut()).contains("Outcome indicators of [2025] marked against the outcome reports stored "
                + "at start-up: 270 cells written; waited 0 ms for the results lock, then marked in 8534 ms");
    }
}
