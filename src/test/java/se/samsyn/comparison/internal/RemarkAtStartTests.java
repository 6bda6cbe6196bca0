package se.samsyn.comparison.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.OutcomeReportsPublished;

/**
 * The start-up re-marking of the outcome indicators (ADR 0015, "One year's report and
 * indicators"): the years of the reports stored while the application starts are marked again
 * once, by the runner; nothing when no report was stored; reports stored later are left to the
 * gathered refresh.
 */
class RemarkAtStartTests {

    private final ComparisonEngine engine = mock(ComparisonEngine.class);
    private final RemarkAtStart start = new RemarkAtStart(engine);

    @Test
    void theYearsOfTheReportsStoredDuringTheStartAreMarkedAgainOnce() {
        start.on(new OutcomeReportsPublished(List.of(2025, 2024, 2025)));
        start.on(new OutcomeReportsPublished(List.of(2026)));
        start.run(null);
        verify(engine).remark(Set.of(2024, 2025, 2026));
    }

    @Test
    void nothingIsMarkedWhenNoReportWasStoredDuringTheStart() {
        start.run(null);
        verify(engine, never()).remark(any());
    }

    @Test
    void reportsStoredAfterTheRunnerAreLeftToTheGatheredRefresh() {
        start.run(null);
        start.on(new OutcomeReportsPublished(List.of(2025)));
        verify(engine, never()).remark(any());
    }
}
