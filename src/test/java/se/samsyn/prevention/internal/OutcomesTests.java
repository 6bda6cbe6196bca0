package se.samsyn.prevention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.Questionnaire;

/**
 * An activity's anonymous result (ADR 0015): withheld whole under 5 pairs; the improved count and
 * share withheld when none or all of 5 to 9 pairs improved, the means kept; shown otherwise.
 */
class OutcomesTests {

    private static final Questionnaire WHO5 = new Questionnaire("who-5", "WHO-5 välbefinnandeindex",
            "WHO-5 Well-Being Index", 5, 0, 5, 4, true, 10, true);

    /** {@code improved} pairs of 40 → 60 (+20) and {@code unchanged} of 50 → 52 (+2). */
    private static List<double[]> pairs(int improved, int unchanged) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < improved; i++) {
            pairs.add(new double[] {40, 60});
        }
        for (int i = 0; i < unchanged; i++) {
            pairs.add(new double[] {50, 52});
        }
        return pairs;
    }

    @Test
    void underFivePairsEverythingIsWithheld() {
        assertThat(Outcomes.summarise(WHO5, pairs(2, 2)))
                .isEqualTo(new OutcomeSummary("who-5", 4, null, null, null, null, true, false));
    }

    @Test
    void allOfFivePairsImprovedWithholdsTheShareButKeepsTheMeans() {
        assertThat(Outcomes.summarise(WHO5, pairs(5, 0)))
                .isEqualTo(new OutcomeSummary("who-5", 5, null, null, null, null, false, true));
    }

    @Test
    void noneOfNinePairsImprovedWithholdsTheShare() {
        assertThat(Outcomes.summarise(WHO5, pairs(0, 9)))
                .isEqualTo(new OutcomeSummary("who-5", 9, null, null, null, null, false, true));
    }

    @Test
    void allOfTenPairsImprovedIsShown() {
        assertThat(Outcomes.summarise(WHO5, pairs(10, 0)))
                .isEqualTo(new OutcomeSummary("who-5", 10, 10, 100.0, 40.0, 60.0, false, false));
    }

    @Test
    void noneOfTenPairsImprovedIsShown() {
        assertThat(Outcomes.summarise(WHO5, pairs(0, 10)))
                .isEqualTo(new OutcomeSummary("who-5", 10, 0, 0.0, 50.0, 52.0, false, false));
    }

    @Test
    void aShareBetweenIsShownFromFivePairs() {
        // 3 of 5 improved: 60 %, mean before (3 × 40 + 2 × 50) / 5 = 44, after (3 × 60 + 2 × 52) / 5 = 56.8
        OutcomeSummary s = Outcomes.summarise(WHO5, pairs(3, 2));
        assertThat(s.improved()).isEqualTo(3);
        assertThat(s.shareImproved()).isEqualTo(60.0);
        assertThat(s.meanBefore()).isEqualTo(44.0);
        assertThat(s.meanAfter()).isCloseTo(56.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.suppressed()).isFalse();
        assertThat(s.shareWithheld()).isFalse();
    }

    @Test
    void theExtremeRuleCoversFiveToNinePairs() {
        assertThat(OutcomeSummary.extreme(4, 4)).isFalse();
        assertThat(OutcomeSummary.extreme(5, 0)).isTrue();
        assertThat(OutcomeSummary.extreme(9, 9)).isTrue();
        assertThat(OutcomeSummary.extreme(9, 8)).isFalse();
        assertThat(OutcomeSummary.extreme(10, 10)).isFalse();
    }
}
