package se.samsyn.trials.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The Anhøj rules for run charts, plain Java (ADR 13). Source: Anhøj J, Olesen AV (2014), "Run
 * charts revisited: a simulation study of run chart rules for detection of non-random variation in
 * health care processes", PLoS ONE 9(11): e113825; the same limits as the R package qicharts2.
 *
 * <ul>
 *   <li>Points exactly on the median are ignored: they neither break nor add to a run, nor cross.
 *       The rest are the useful observations, n.</li>
 *   <li>Longest run: the longest sequence of consecutive useful points on the same side of the
 *       median. It signals when it is longer than round(log2(n) + 3).</li>
 *   <li>Crossings: how often consecutive useful points lie on different sides. They signal when
 *       fewer than the 5th percentile of Binomial(n − 1, 0.5), R's qbinom(0.05, n − 1, 0.5).</li>
 * </ul>
 */
final class AnhojRules {

    /** Below this many useful observations the rules are not applied (the published table starts at 10). */
    static final int MIN_USEFUL = 10;

    private AnhojRules() {
    }

    /**
     * The outcome for one series.
     *
     * @param useful          n, the useful observations
     * @param longestRun      the longest run
     * @param longestRunLimit the longest run allowed without a signal
     * @param crossings       the number of crossings
     * @param crossingsLimit  the fewest crossings allowed without a signal
     * @param inLongRun       per input value, whether it belongs to a run longer than the limit
     */
    record Outcome(int useful, int longestRun, int longestRunLimit, int crossings, int crossingsLimit,
                   boolean[] inLongRun) {

        boolean tested() {
            return useful >= MIN_USEFUL;
        }

        boolean runSignal() {
            return tested() && longestRun > longestRunLimit;
        }

        boolean crossingsSignal() {
            return tested() && crossings < crossingsLimit;
        }
    }

    /** round(log2(n) + 3), half up; 0 for n under 1. */
    static int longestRunLimit(int n) {
        return n < 1 ? 0 : (int) Math.round(Math.log(n) / Math.log(2) + 3);
    }

    /** The 5th percentile of Binomial(n − 1, 0.5): the smallest k with P(X ≤ k) ≥ 0.05; 0 for n under 2. */
    static int crossingsLimit(int n) {
        return n < 2 ? 0 : new BinomialDistribution(null, n - 1, 0.5).inverseCumulativeProbability(0.05);
    }

    /**
     * Applies the rules to the values (null = no value, skipped) against the median.
     *
     * @param values the series in time order
     * @param median the centre line
     */
    static Outcome apply(List<Double> values, double median) {
        List<Integer> sides = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null && Double.compare(v, median) != 0) {
                sides.add(v > median ? 1 : -1);
                positions.add(i);
            }
        }
        int n = sides.size();
        int limit = longestRunLimit(n);
        boolean[] inLongRun = new boolean[values.size()];
        int longest = 0;
        int crossings = 0;
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !sides.get(i).equals(sides.get(i - 1))) {
                crossings++;
                runStart = i;
            }
            int length = i - runStart + 1;
            longest = Math.max(longest, length);
            if (i == n - 1 || !sides.get(i + 1).equals(sides.get(i))) {
                if (length > limit) {
                    for (int j = runStart; j <= i; j++) {
                        inLongRun[positions.get(j)] = true;
                    }
                }
            }
        }
        return new Outcome(n, longest, limit, crossings, crossingsLimit(n), inLongRun);
    }

    /** The median of the values (nulls skipped); null when there are none. */
    static Double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
