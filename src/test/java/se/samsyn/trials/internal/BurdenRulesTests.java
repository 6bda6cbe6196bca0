package se.samsyn.trials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.Rating;
import se.samsyn.trials.RunChart;
import se.samsyn.trials.TrialRejected;

/** The raw TLX score, the grouping rule for anonymous answers, the individuals chart and the run chart's centre line. */
class BurdenRulesTests {

    @Test
    void theRawTlxIsTheMeanOfTheSixScales() {
        assertThat(new Rating(60, 10, 70, 30, 50, 20, true).rawTlx()).isEqualTo(40.0); // 240 / 6
        assertThat(new Rating(0, 0, 0, 0, 0, 5, false).rawTlx()).isCloseTo(0.8333, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aScaleOutsideZeroToAHundredIsRefusedByName() {
        TrialRejected e = catchThrowableOfType(TrialRejected.class, () -> new Rating(50, 50, 101, 50, 50, 50, true));
        assertThat(e.field()).isEqualTo("temporal");
        assertThat(e.messageKey()).isEqualTo("trials.error.scale");
    }

    @Test
    void aGroupOfFourStaysHiddenAndAGroupOfFiveShowsItsMeans() {
        Rating a = new Rating(60, 10, 70, 30, 50, 20, true);  // 40
        Rating b = new Rating(30, 0, 30, 30, 30, 0, false);   // 20
        List<Rating> four = List.of(a, a, b, b);
        List<Rating> five = List.of(a, a, b, b, b);

        assertThat(RatingGroups.shown(four, 5)).isNull();
        assertThat(RatingGroups.shown(List.of(), 5)).isNull();
        RatingGroups.Group group = RatingGroups.shown(five, 5);
        assertThat(group.answers()).isEqualTo(5);
        assertThat(group.meanWorkload()).isEqualTo(28.0); // (40 + 40 + 20 + 20 + 20) / 5
        assertThat(group.helpedPercent()).isEqualTo(40.0); // 2 of 5
        assertThat(RatingGroups.shown(four, 4)).as("the minimum is a setting").isNotNull();
    }

    @Test
    void theIndividualsChartUsesTheMeanMovingRange() {
        // values 10, 12, 11, 13: mean 11.5; moving ranges 2, 1, 2 -> 5/3; limits 11.5 ± 2.66 × 5/3
        ShewhartLimits.Limits l = ShewhartLimits.individuals(AnhojRulesTests.values(10, 12, 11, 13));
        assertThat(l.mean()).isEqualTo(11.5);
        assertThat(l.upper()).isCloseTo(11.5 + 2.66 * 5 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(l.lower()).isCloseTo(11.5 - 2.66 * 5 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(l.outside(16.0)).isTrue();
        assertThat(l.outside(12.0)).isFalse();
        assertThat(ShewhartLimits.individuals(AnhojRulesTests.values(3)).upper()).isNull();
    }

    @Test
    void theCentreLineIsTheBaselineMedianAndTheRulesRunOverAllPoints() {
        // baseline 4 weeks: 10, 12, 11, 13 -> median 11.5; then 9 weeks all below (6..8)
        List<RunCharts.Observation> obs = new java.util.ArrayList<>();
        LocalDate week = LocalDate.of(2026, 1, 5);
        double[] values = {10, 12, 11, 13, 8, 7, 6, 8, 7, 6, 7, 8, 6};
        for (int i = 0; i < values.length; i++) {
            obs.add(new RunCharts.Observation(week.plusWeeks(i), values[i], 6, false, i < 4));
        }
        RunChart chart = RunCharts.chart(obs);

        assertThat(chart.median()).isEqualTo(11.5);
        assertThat(chart.baselineMedian()).isTrue();
        assertThat(chart.useful()).isEqualTo(13);
        // by hand, sides against 11.5: - + - + then nine times - -> longest run 9, crossings 4
        assertThat(chart.longestRun()).isEqualTo(9);
        assertThat(chart.longestRunLimit()).isEqualTo(7);
        assertThat(chart.runSignal()).isTrue();
        assertThat(chart.points().get(3).inLongRun()).isFalse();
        assertThat(chart.points().get(4).inLongRun()).isTrue();
        assertThat(chart.crossings()).isEqualTo(4);
        assertThat(chart.crossingsLimit()).isEqualTo(3);
        assertThat(chart.crossingsSignal()).isFalse();
    }

    @Test
    void aChartWithNoValuesHasNoCentreLine() {
        RunChart chart = RunCharts.chart(Collections.nCopies(3,
                new RunCharts.Observation(LocalDate.of(2026, 1, 5), null, 0, true, false)));
        assertThat(chart.median()).isNull();
        assertThat(chart.signal()).isFalse();
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        assertThat(Periods.startOf(PeriodKind.WEEK, LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(Periods.between(PeriodKind.MONTH, LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1)))
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
    }
}
