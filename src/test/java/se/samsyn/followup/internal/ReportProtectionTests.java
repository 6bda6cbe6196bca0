package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The outcome report's counts attacked as ADR 0015 asks, without Spring: each distribution series
 * sums to the published total, T = K + M; every hidden count is bounded by linear programming
 * (ojAlgo) and must keep an interval at least threshold − 1 wide, not inside 1 … threshold − 1.
 */
class ReportProtectionTests {

    private static final int THRESHOLD = 5;

    @Test
    void aLoneSmallBinIsNoLongerTheTotalLessTheShownBins() {
        // the case: n = 51, one bin of 3 hidden, the others (48) shown
        int[] counts = {0, 10, 3, 20, 18, 0, 0, 0, 0, 0};
        boolean[] hidden = ReportProtection.bins(counts, true, THRESHOLD, true);
        // the smallest shown bin (10) goes with it: 3 and 10 are each 1 … 12
        assertThat(hidden).containsExactly(false, true, true, false, false, false, false, false, false, false);
        assertThat(exposedBins(counts, hidden)).isZero();
    }

    @Test
    void twoSmallBinsThatTogetherHoldTooFewTakeAThird() {
        int[] counts = {1, 2, 30, 0, 0, 0, 0, 0, 0, 7};
        boolean[] hidden = ReportProtection.bins(counts, true, THRESHOLD, true);
        assertThat(hidden).containsExactly(true, true, false, false, false, false, false, false, false, true);
        assertThat(exposedBins(counts, hidden)).isZero();
    }

    @Test
    void withTheTotalHiddenEveryBinIsHidden() {
        assertThat(ReportProtection.bins(new int[] {5, 6, 0}, false, THRESHOLD, true)).containsExactly(true, true, true);
        assertThat(ReportProtection.bins(new int[] {1, 6, 0}, true, THRESHOLD, false)).containsExactly(false, false, false);
    }

    @Test
    void aTotalOfFiveWithBothSexesHiddenIsHiddenToo() {
        // K = 1, M = 4, T = 5: with T shown each sex would be known to be 1 … 4
        assertThat(ReportProtection.sexes(5, 1, 4, THRESHOLD, true)).isEqualTo(Map.of("T", true, "K", true, "M", true));
        assertThat(ReportProtection.sexes(6, 1, 5, THRESHOLD, true)).containsEntry("T", false)
                .containsEntry("K", true).containsEntry("M", true);
        assertThat(ReportProtection.sexes(12, 6, 6, THRESHOLD, true)).containsValues(false, false, false);
    }

    @RepeatedTest(40)
    void randomSeriesKeepTheProtectionLevel(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int[] counts = new int[10];
        for (int i = 0; i < counts.length; i++) {
            int roll = random.nextInt(10);
            counts[i] = roll < 3 ? 0 : roll < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(20);
        }
        int total = java.util.Arrays.stream(counts).sum();
        boolean[] hidden = ReportProtection.bins(counts, total >= THRESHOLD, THRESHOLD, true);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < THRESHOLD) {
                assertThat(hidden[i]).as("primary bin " + i).isTrue();
            }
        }
        if (total >= THRESHOLD) {
            assertThat(exposedBins(counts, hidden)).as(java.util.Arrays.toString(counts)).isZero();
        }
    }

    @RepeatedTest(40)
    void randomRowsKeepTheProtectionLevel(RepetitionInfo repetition) {
        Random random = new Random(100 + repetition.getCurrentRepetition());
        int women = random.nextInt(12);
        int men = random.nextInt(12);
        Map<String, Boolean> hidden = ReportProtection.sexes(women + men, women, men, THRESHOLD, true);
        if (!hidden.get("T") && hidden.get("K")) {
            // K + M = T published, both at least 1
            int total = women + men;
            double[] k = bounds(new int[] {women, men}, new boolean[] {true, true}, total, 0);
            assertThat(k[1] - k[0]).as("K of " + women + "+" + men).isGreaterThanOrEqualTo(THRESHOLD - 1);
            assertThat(k[1]).isGreaterThanOrEqualTo(THRESHOLD);
        }
        assertThat(hidden.get("K") == hidden.get("M") || hidden.get("T")).isTrue();
    }

    /** How many hidden bins the attacker narrows below the protection level, given the total. */
    private static int exposedBins(int[] counts, boolean[] hidden) {
        int total = java.util.Arrays.stream(counts).sum();
        int exposed = 0;
        for (int i = 0; i < counts.length; i++) {
            if (hidden[i]) {
                double[] b = bounds(counts, hidden, total, i);
                if (b[1] - b[0] < THRESHOLD - 1 || (b[0] >= 1 && b[1] <= THRESHOLD - 1)) {
                    exposed++;
                }
            }
        }
        return exposed;
    }

    /** Minimum and maximum of one hidden count when the counts sum to the total; hidden ones at least 1. */
    private static double[] bounds(int[] counts, boolean[] hidden, int total, int target) {
        double[] result = new double[2];
        for (int pass = 0; pass < 2; pass++) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Expression sum = model.newExpression("total").level(total);
            for (int i = 0; i < counts.length; i++) {
                Variable v = hidden[i] ? model.newVariable("b" + i).lower(1) : model.newVariable("b" + i).level(counts[i]);
                if (i == target) {
                    v.weight(1);
                }
                sum.set(v, 1);
            }
            Optimisation.Result r = pass == 0 ? model.minimise() : model.maximise();
            assertThat(r.getState().isFeasible()).isTrue();
            result[pass] = pass == 0 ? Math.ceil(r.getValue() - 1e-6) : Math.floor(r.getValue() + 1e-6);
        }
        return result;
    }
}
