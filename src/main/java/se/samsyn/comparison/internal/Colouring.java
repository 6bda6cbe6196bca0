package se.samsyn.comparison.internal;

import java.util.HashMap;
import java.util.Map;
import se.samsyn.comparison.Direction;

/**
 * Relative colours for one indicator, year and gender: municipalities are ranked by the
 * indicator's direction; the best share is green, the worst share red, the rest yellow, and a
 * municipality without a published value grey. Equal values share the better colour. A neutral
 * indicator gets no colours. Plain Java, without Spring.
 */
final class Colouring {

    static final String GREEN = se.samsyn.comparison.Comparisons.GREEN;
    static final String YELLOW = se.samsyn.comparison.Comparisons.YELLOW;
    static final String RED = se.samsyn.comparison.Comparisons.RED;
    static final String GREY = se.samsyn.comparison.Comparisons.GREY;

    private Colouring() {
    }

    /**
     * @param values       the published value per municipality; null for missing or suppressed
     * @param direction    the indicator's direction
     * @param greenPercent the share (0–100) coloured green, for example 25
     * @param redPercent   the share (0–100) coloured red, for example 25
     */
    static Map<String, String> colour(Map<String, Double> values, Direction direction, double greenPercent,
                                             double redPercent) {
        Map<String, String> colours = new HashMap<>();
        if (direction == Direction.NEUTRAL) {
            return colours;
        }
        double[] shown = values.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        int count = shown.length;
        values.forEach((area, value) -> {
            if (value == null) {
                colours.put(area, GREY);
                return;
            }
            int better = 0;
            int worse = 0;
            for (double other : shown) {
                if (direction == Direction.HIGHER_BETTER ? other > value : other < value) {
                    better++;
                } else if (direction == Direction.HIGHER_BETTER ? other < value : other > value) {
                    worse++;
                }
            }
            if (better < count * greenPercent / 100.0) {
                colours.put(area, GREEN);
            } else if (worse < count * redPercent / 100.0) {
                colours.put(area, RED);
            } else {
                colours.put(area, YELLOW);
            }
        });
        return colours;
    }
}
