package se.samsyn.comparison;

import java.util.Arrays;
import java.util.List;

/** The population statistics' age bands (0-5, 6-15, 16-19, 20-64, 65-79, 80+), as a template parameter. */
public final class AgeBands {

    public static final List<String> ALL = List.of("0-5", "6-15", "16-19", "20-64", "65-79", "80+");

    private AgeBands() {
    }

    /** Parses a comma-separated list of bands; empty means all ages. Unknown bands are rejected. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<String> bands = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String band : bands) {
            if (!ALL.contains(band)) {
                throw new IllegalArgumentException(band);
            }
        }
        return ALL.stream().filter(bands::contains).toList();
    }

    /** The lowest and highest age the bands cover (150 for "80+"). */
    public static int[] range(List<String> bands) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (String band : bands) {
            String[] parts = band.replace("+", "-150").split("-");
            min = Math.min(min, Integer.parseInt(parts[0]));
            max = Math.max(max, Integer.parseInt(parts[1]));
        }
        return new int[] {min, max};
    }
}
