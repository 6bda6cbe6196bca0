package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.Direction;

class ColouringTests {

    static Map<String, Double> values(Object... pairs) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return values;
    }

    @Test
    void eightMunicipalitiesSplitTwoFourTwoWithTheDefaultCutPoints() {
        Map<String, String> c = Colouring.colour(values("a", 10.0, "b", 20.0, "c", 30.0, "d", 40.0, "e", 50.0,
                "f", 60.0, "g", 70.0, "h", 80.0, "x", null), Direction.HIGHER_BETTER, 25, 25);
        assertThat(c).containsEntry("h", "green").containsEntry("g", "green")
                .containsEntry("f", "yellow").containsEntry("c", "yellow")
                .containsEntry("b", "red").containsEntry("a", "red")
                .containsEntry("x", "grey").hasSize(9);
    }

    @Test
    void lowerIsBetterTurnsTheRankingAround() {
        Map<String, String> c = Colouring.colour(values("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0), Direction.LOWER_BETTER, 25, 25);
        assertThat(c).containsEntry("a", "green").containsEntry("b", "yellow").containsEntry("c", "yellow")
                .containsEntry("d", "red");
    }

    @Test
    void equalValuesShareTheBetterColourAndOtherCutPointsApply() {
        Map<String, String> c = Colouring.colour(values("a", 5.0, "b", 5.0, "c", 3.0, "d", 1.0, "e", 0.0),
                Direction.HIGHER_BETTER, 40, 20);
        // green: fewer than 2 better; red: fewer than 1 worse
        assertThat(c).containsEntry("a", "green").containsEntry("b", "green").containsEntry("c", "yellow")
                .containsEntry("d", "yellow").containsEntry("e", "red");
    }

    @Test
    void aNeutralIndicatorHasNoColours() {
        assertThat(Colouring.colour(values("a", 1.0, "b", 2.0), Direction.NEUTRAL, 25, 25)).isEmpty();
    }
}
