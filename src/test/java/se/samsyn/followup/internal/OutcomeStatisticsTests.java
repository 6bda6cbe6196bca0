package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.internal.OutcomeStatistics.Cell;
import se.samsyn.followup.internal.OutcomeStatistics.Pair;

class OutcomeStatisticsTests {

    /** Changes 20, 5, 15, −5, 30. */
    private static final List<Pair> FIVE = List.of(
            new Pair(40, 60), new Pair(50, 55), new Pair(30, 45), new Pair(70, 65), new Pair(20, 50));

    private static List<Pair> pairs(int n) {
        return FIVE.subList(0, n);
    }

    @Test
    void computesMediansChangeAndShareForAnOddNumberOfClients() {
        Cell cell = OutcomeStatistics.of(FIVE, true, 10);

        assertThat(cell).isEqualTo(new Cell(5, 40.0, 55.0, 15.0, 60.0));
    }

    @Test
    void takesTheMedianOfTheChangesRatherThanTheDifferenceOfTheMedians() {
        // Baseline medians 2, follow-up median 3: difference 1, yet the middle client's change is 0.
        List<Pair> pairs = List.of(new Pair(1, 5), new Pair(2, 2), new Pair(3, 3));

        Cell cell = OutcomeStatistics.of(pairs, true, 1);

        assertThat(cell.medianBaseline()).isEqualTo(2.0);
        assertThat(cell.medianFollowUp()).isEqualTo(3.0);
        assertThat(cell.medianChange()).isEqualTo(0.0);
    }

    @Test
    void countsAChangeOfExactlyTheMinimalImportantDifferenceAsImproved() {
        assertThat(OutcomeStatistics.of(FIVE, true, 15).shareImproved()).isEqualTo(60.0);
        assertThat(OutcomeStatistics.of(FIVE, true, 16).shareImproved()).isEqualTo(40.0);
        assertThat(OutcomeStatistics.of(FIVE, true, 5).shareImproved()).isEqualTo(80.0);
    }

    @Test
    void countsAnEqualDecimalChangeAsImprovedDespiteBinaryRounding() {
        // 0.3 − 0.1 is 0.19999999999999998 in binary floating point.
        Cell cell = OutcomeStatistics.of(List.of(new Pair(0.1, 0.3)), true, 0.2);

        assertThat(cell.shareImproved()).isEqualTo(100.0);
    }

    @Test
    void countsFallsAsImprovementsWhenLowerIsBetter() {
        // Changes −10, −5, +3, −20; with MID 5 the falls of 10, 5 and 20 count.
        List<Pair> pairs = List.of(new Pair(30, 20), new Pair(25, 20), new Pair(12, 15), new Pair(40, 20));

        Cell cell = OutcomeStatistics.of(pairs, false, 5);

        assertThat(cell).isEqualTo(new Cell(4, 27.5, 20.0, -7.5, 75.0));
    }

    @Test
    void doesNotCountRisesAsImprovementsWhenLowerIsBetter() {
        Cell cell = OutcomeStatistics.of(FIVE, false, 5);

        assertThat(cell.shareImproved()).isEqualTo(20.0);
        assertThat(cell.medianChange()).isEqualTo(15.0);
    }

    @Test
    void averagesTheTwoMiddleValuesForAnEvenNumberOfClients() {
        // Baselines 40, 50, 30, 70 → 45; follow-ups 60, 55, 45, 65 → 57.5; changes 20, 5, 15, −5 → 10.
        Cell cell = OutcomeStatistics.of(pairs(4), true, 10);

        assertThat(cell).isEqualTo(new Cell(4, 45.0, 57.5, 10.0, 50.0));
    }

    @Test
    void ignoresTheOrderOfThePairs() {
        List<Pair> reversed = List.of(FIVE.get(4), FIVE.get(3), FIVE.get(2), FIVE.get(1), FIVE.get(0));

        assertThat(OutcomeStatistics.of(reversed, true, 10)).isEqualTo(OutcomeStatistics.of(FIVE, true, 10));
    }

    @Test
    void roundsTheShareImprovedToOneDecimal() {
        List<Pair> three = List.of(new Pair(0, 10), new Pair(0, 0), new Pair(0, 0));
        List<Pair> six = List.of(new Pair(0, 10), new Pair(0, 10), new Pair(0, 0),
                new Pair(0, 0), new Pair(0, 0), new Pair(0, 0));
        List<Pair> eight = List.of(new Pair(0, 10), new Pair(0, 0), new Pair(0, 0), new Pair(0, 0),
                new Pair(0, 0), new Pair(0, 0), new Pair(0, 0), new Pair(0, 0));

        assertThat(OutcomeStatistics.of(three, true, 10).shareImproved()).isEqualTo(33.3);
        assertThat(OutcomeStatistics.of(six, true, 10).shareImproved()).isEqualTo(33.3);
        assertThat(OutcomeStatistics.of(List.of(new Pair(0, 10), new Pair(0, 10), new Pair(0, 0)), true, 10)
                .shareImproved()).isEqualTo(66.7);
        assertThat(OutcomeStatistics.of(eight, true, 10).shareImproved()).isEqualTo(12.5);
    }

    @Test
    void givesZeroAndAHundredPercentAtTheExtremes() {
        assertThat(OutcomeStatistics.of(FIVE, true, 31).shareImproved()).isEqualTo(0.0);
        assertThat(OutcomeStatistics.of(List.of(new Pair(1, 9), new Pair(2, 8)), true, 6).shareImproved())
                .isEqualTo(100.0);
    }

    @Test
    void countsNoChangeAsImprovedOnlyWhenTheMinimalImportantDifferenceIsZero() {
        List<Pair> unchanged = List.of(new Pair(5, 5));

        assertThat(OutcomeStatistics.of(unchanged, true, 0).shareImproved()).isEqualTo(100.0);
        assertThat(OutcomeStatistics.of(unchanged, false, 0).shareImproved()).isEqualTo(100.0);
        assertThat(OutcomeStatistics.of(unchanged, true, 1).shareImproved()).isEqualTo(0.0);
    }

    @Test
    void handlesASingleClient() {
        assertThat(OutcomeStatistics.of(List.of(new Pair(12, 20)), true, 8)).isEqualTo(new Cell(1, 12.0, 20.0, 8.0, 100.0));
    }

    @Test
    void leavesEveryFigureEmptyWithoutClients() {
        assertThat(OutcomeStatistics.of(List.of(), true, 10)).isEqualTo(new Cell(0, null, null, null, null));
        assertThat(OutcomeStatistics.of(List.of(), false, 10)).isEqualTo(new Cell(0, null, null, null, null));
    }

    @Test
    void rejectsANegativeOrNonFiniteMinimalImportantDifference() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutcomeStatistics.of(FIVE, true, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> OutcomeStatistics.of(FIVE, true, Double.NaN));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeStatistics.of(FIVE, true, Double.POSITIVE_INFINITY));
    }

    @Test
    void rejectsAPairWithoutAFiniteScore() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pair(Double.NaN, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Pair(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void suppressesEveryFigureButNBelowTheThreshold() {
        Cell four = OutcomeStatistics.of(pairs(4), true, 10);

        assertThat(OutcomeStatistics.isSuppressed(four, 5)).isTrue();
        assertThat(OutcomeStatistics.suppressed(four, 5)).isEqualTo(new Cell(4, null, null, null, null));
    }

    @Test
    void suppressesASingleClient() {
        Cell one = OutcomeStatistics.of(pairs(1), true, 10);

        assertThat(OutcomeStatistics.isSuppressed(one, 5)).isTrue();
        assertThat(OutcomeStatistics.suppressed(one, 5)).isEqualTo(new Cell(1, null, null, null, null));
    }

    @Test
    void showsACellAtTheThreshold() {
        Cell five = OutcomeStatistics.of(FIVE, true, 10);

        assertThat(OutcomeStatistics.isSuppressed(five, 5)).isFalse();
        assertThat(OutcomeStatistics.suppressed(five, 5)).isEqualTo(new Cell(5, 40.0, 55.0, 15.0, 60.0));
    }

    @Test
    void doesNotCallAnEmptyCellSuppressed() {
        Cell empty = OutcomeStatistics.of(List.of(), true, 10);

        assertThat(OutcomeStatistics.isSuppressed(empty, 5)).isFalse();
        assertThat(OutcomeStatistics.suppressed(empty, 5)).isEqualTo(new Cell(0, null, null, null, null));
    }

    @Test
    void suppressesNothingWithAThresholdOfOneOrLess() {
        Cell one = OutcomeStatistics.of(pairs(1), true, 10);

        assertThat(OutcomeStatistics.isSuppressed(one, 1)).isFalse();
        assertThat(OutcomeStatistics.isSuppressed(one, 0)).isFalse();
        assertThat(OutcomeStatistics.suppressed(one, 1)).isSameAs(one);
    }

    /** The histograms of FIVE and a sixth client (40 → 44): values and how many clients have each. */
    private static java.util.SortedMap<Double, Long> histogram(double... valueThenCount) {
        java.util.SortedMap<Double, Long> h = new java.util.TreeMap<>();
        for (int i = 0; i < valueThenCount.length; i += 2) {
            h.put(valueThenCount[i], (long) valueThenCount[i + 1]);
        }
        return h;
    }

    @Test
    void givesTheSameCellFromHistogramsAsFromThePairs() {
        // FIVE: baselines 20 30 40 50 70, follow-ups 45 50 55 60 65, changes −5 5 15 20 30
        assertThat(OutcomeStatistics.of(histogram(20, 1, 30, 1, 40, 1, 50, 1, 70, 1),
                histogram(45, 1, 50, 1, 55, 1, 60, 1, 65, 1), histogram(-5, 1, 5, 1, 15, 1, 20, 1, 30, 1), true, 10))
                .isEqualTo(new Cell(5, 40.0, 55.0, 15.0, 60.0));
        // with 40 → 44 as well: an even number, the middle two values averaged; 3 of 6 improved
        List<Pair> six = new java.util.ArrayList<>(FIVE);
        six.add(new Pair(40, 44));
        Cell fromHistograms = OutcomeStatistics.of(histogram(20, 1, 30, 1, 40, 2, 50, 1, 70, 1),
                histogram(44, 1, 45, 1, 50, 1, 55, 1, 60, 1, 65, 1), histogram(-5, 1, 4, 1, 5, 1, 15, 1, 20, 1, 30, 1),
                true, 10);
        assertThat(fromHistograms).isEqualTo(new Cell(6, 40.0, 52.5, 10.0, 50.0))
                .isEqualTo(OutcomeStatistics.of(six, true, 10));
        // a decimal change equal to the MID counts as improved here too
        assertThat(OutcomeStatistics.of(histogram(0.1, 1), histogram(0.3, 1), histogram(0.3 - 0.1, 1), true, 0.2)
                .shareImproved()).isEqualTo(100.0);
        assertThat(OutcomeStatistics.of(histogram(), histogram(), histogram(), true, 10))
                .isEqualTo(new Cell(0, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                OutcomeStatistics.of(histogram(1, 2), histogram(1, 1), histogram(0, 1), true, 10));
    }
}
