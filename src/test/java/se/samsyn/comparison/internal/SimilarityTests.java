package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarityTests {

    static Map<String, Double> figure(double a, double b, double c, Double d) {
        Map<String, Double> values = new HashMap<>();
        values.put("a", a);
        values.put("b", b);
        values.put("c", c);
        values.put("d", d);
        return values;
    }

    @Test
    void theDifferenceIndexIsTheWeightedMeanOfRangeScaledDifferences() {
        // population ranges 0..100, share 80+ ranges 0..10; b differs by 10 % and 50 %, c by 100 % and 0 %
        List<Similarity.KeyFigure> figures = List.of(
                new Similarity.KeyFigure("population", figure(50, 60, 0, 100.0), 3),
                new Similarity.KeyFigure("share80", figure(5, 10, 5, 0.0), 1));
        List<Similarity.Match> matches = Similarity.mostSimilar("a", figures, 7);
        assertThat(matches).extracting(Similarity.Match::municipality).containsExactly("b", "c", "d");
        assertThat(matches.get(0).index()).isCloseTo((3 * 10 + 1 * 50) / 4.0, within(1e-9));
        assertThat(matches.get(0).differences()).containsExactly(10.0, 50.0);
        assertThat(matches.get(1).index()).isCloseTo((3 * 50 + 0) / 4.0, within(1e-9));
        assertThat(matches.get(2).index()).isCloseTo((3 * 50 + 1 * 50) / 4.0, within(1e-9));
    }

    @Test
    void candidatesWithoutAValueAreLeftOutAndTheLimitHolds() {
        List<Similarity.KeyFigure> figures = List.of(new Similarity.KeyFigure("x", figure(1, 2, 3, null), 1));
        assertThat(Similarity.mostSimilar("a", figures, 1)).extracting(Similarity.Match::municipality).containsExactly("b");
        assertThat(Similarity.mostSimilar("d", figures, 7)).isEmpty();
    }
}
