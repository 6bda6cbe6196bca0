package se.samsyn.trials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The Anhøj rules against the published table of critical values (n = 10..100), and worked
 * examples counted by hand: points on the median ignored, runs and crossings counted, signals.
 */
class AnhojRulesTests {

    @ParameterizedTest(name = "n = {0}: longest run at most {1}, at least {2} crossings")
    @CsvFileSource(resources = "/trials/anhoej-limits.csv", numLinesToSkip = 1)
    void theLimitsReproduceThePublishedTable(int n, int longestRunMax, int crossingsMin) {
        assertThat(AnhojRules.longestRunLimit(n)).isEqualTo(longestRunMax);
        assertThat(AnhojRules.crossingsLimit(n)).isEqualTo(crossingsMin);
    }

    @Test
    void theTableCoversEveryNFromTenToAHundred() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/trials/anhoej-limits.csv")) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("n,")).toList();
            assertThat(rows).hasSize(91);
            assertThat(rows).contains("10,6,2", "20,7,6", "30,8,10", "100,10,41");
        }
    }

    @Test
    void pointsOnTheMedianNeitherBreakARunNorCount() {
        // median 5: above, on, above, below, on, below, above -> useful: + + - - + (5 points)
        AnhojRules.Outcome o = AnhojRules.apply(values(6, 5, 7, 4, 5, 3, 8), 5);

        assertThat(o.useful()).isEqualTo(5);
        assertThat(o.longestRun()).isEqualTo(2);
        assertThat(o.crossings()).isEqualTo(2);
        assertThat(o.tested()).as("under 10 useful observations the rules are not applied").isFalse();
        assertThat(o.runSignal()).isFalse();
    }

    @Test
    void aShiftAfterTheBaselineGivesALongRun() {
        // 12 points around median 10: 6 alternating, then 6 above (a shift). By hand: useful 12,
        // runs: 1,1,1,1,1,1(+ before shift: the 6th point is below),then 6 above -> longest 6.
        List<Double> v = values(9, 11, 9, 11, 9, 11, 12, 13, 12, 14, 13, 12);
        AnhojRules.Outcome o = AnhojRules.apply(v, 10);
        // sides: - + - + - + + + + + + +  -> the last run is 7 long (points 6..12), crossings 5
        assertThat(o.useful()).isEqualTo(12);
        assertThat(o.longestRun()).isEqualTo(7);
        assertThat(o.longestRunLimit()).isEqualTo(7); // round(log2(12) + 3) = round(6.58) = 7
        assertThat(o.runSignal()).as("7 is not longer than 7").isFalse();
        assertThat(o.crossings()).isEqualTo(5);
        assertThat(o.crossingsLimit()).isEqualTo(3); // qbinom(0.05, 11, 0.5) = 3
        assertThat(o.crossingsSignal()).isFalse();

        List<Double> longer = new ArrayList<>(v);
        longer.add(15.0);
        AnhojRules.Outcome shifted = AnhojRules.apply(longer, 10);
        assertThat(shifted.longestRun()).isEqualTo(8);
        assertThat(shifted.longestRunLimit()).isEqualTo(7); // round(log2(13) + 3) = round(6.70) = 7
        assertThat(shifted.runSignal()).isTrue();
        assertThat(shifted.inLongRun()).containsExactly(false, false, false, false, false, true, true, true, true,
                true, true, true, true);
    }

    @Test
    void tooFewCrossingsSignalWithoutALongRun() {
        // 20 points: runs of 5, 5, 5, 5 -> 3 crossings; limit for n = 20 is 6; longest 5 <= 7
        List<Double> v = new ArrayList<>();
        for (int block = 0; block < 4; block++) {
            for (int i = 0; i < 5; i++) {
                v.add(block % 2 == 0 ? 1.0 : 3.0);
            }
        }
        AnhojRules.Outcome o = AnhojRules.apply(v, 2);

        assertThat(o.useful()).isEqualTo(20);
        assertThat(o.crossings()).isEqualTo(3);
        assertThat(o.crossingsSignal()).isTrue();
        assertThat(o.longestRun()).isEqualTo(5);
        assertThat(o.runSignal()).isFalse();
    }

    @Test
    void nullsAreSkippedLikeMissingPeriods() {
        AnhojRules.Outcome o = AnhojRules.apply(Arrays.asList(1.0, null, 3.0, null, 1.0), 2);

        assertThat(o.useful()).isEqualTo(3);
        assertThat(o.crossings()).isEqualTo(2);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(AnhojRules.median(Arrays.asList(4.0, null, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(AnhojRules.median(values(5, 1, 3))).isEqualTo(3.0);
        assertThat(AnhojRules.median(Arrays.asList((Double) null))).isNull();
    }

    static List<Double> values(double... v) {
        return Arrays.stream(v).boxed().toList();
    }
}
