package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Similar municipalities, in the manner of Kolada: for chosen key figures with weights, the
 * difference index of a candidate is the weighted mean of its absolute differences from the
 * municipality, each divided by the key figure's range over all municipalities, times 100. Zero
 * is identical; 100 is as far apart as the two extremes on every key figure. Candidates without a
 * value for a chosen key figure are left out. Plain Java, without Spring.
 */
final class Similarity {

    private Similarity() {
    }

    /** A key figure's values per municipality, and its weight. */
    public record KeyFigure(String id, Map<String, Double> values, double weight) {
    }

    /** A candidate's difference index, overall and per key figure (each 0–100). */
    public record Match(String municipality, double index, List<Double> differences) {
    }

    static List<Match> mostSimilar(String municipality, List<KeyFigure> figures, int limit) {
        if (figures.isEmpty() || figures.stream().anyMatch(f -> f.values().get(municipality) == null)) {
            return List.of();
        }
        double totalWeight = figures.stream().mapToDouble(KeyFigure::weight).sum();
        if (totalWeight <= 0) {
            return List.of();
        }
        double[] ranges = new double[figures.size()];
        for (int k = 0; k < figures.size(); k++) {
            var stats = figures.get(k).values().values().stream().filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).summaryStatistics();
            ranges[k] = stats.getMax() - stats.getMin();
        }
        List<Match> matches = new ArrayList<>();
        for (String candidate : figures.get(0).values().keySet()) {
            if (candidate.equals(municipality)) {
                continue;
            }
            double sum = 0;
            List<Double> differences = new ArrayList<>();
            boolean complete = true;
            for (int k = 0; k < figures.size(); k++) {
                Double own = figures.get(k).values().get(municipality);
                Double other = figures.get(k).values().get(candidate);
                if (other == null) {
                    complete = false;
                    break;
                }
                double d = ranges[k] == 0 ? 0 : 100 * Math.abs(own - other) / ranges[k];
                differences.add(d);
                sum += figures.get(k).weight() * d;
            }
            if (complete) {
                matches.add(new Match(candidate, sum / totalWeight, differences));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::index).thenComparing(Match::municipality));
        return matches.subList(0, Math.min(limit, matches.size()));
    }
}
