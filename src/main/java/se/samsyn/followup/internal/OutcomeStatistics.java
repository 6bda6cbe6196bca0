package se.samsyn.followup.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The statistics of an outcome report cell, from per-client pairs of baseline and follow-up.
 *
 * <p>The median change is the median of the clients' own changes, not the difference of the two
 * medians: the latter can show an improvement that no single client had.
 */
final class OutcomeStatistics {

    /*
     * Scores from MEAN-rule instruments are decimals, and 0.3 - 0.1 is 0.19999999999999998 in
     * binary; without a tolerance a change exactly equal to the MID would not count as improved.
     */
    private static final double TOLERANCE = 1e-9;

    public record Pair(double baseline, double followUp) {

        public Pair {
            if (!Double.isFinite(baseline) || !Double.isFinite(followUp)) {
                throw new IllegalArgumentException("Scores must be finite numbers");
            }
        }
    }

    /** All figures are null when there is nothing to compute them from, or when they are suppressed. */
    public record Cell(int n, Double medianBaseline, Double medianFollowUp, Double medianChange, Double shareImproved) {
    }

    private OutcomeStatistics() {
    }

    /**
     * @param minimalImportantDifference the smallest change a client would notice; a change of at
     *        least this size in the better direction counts as improved
     */
    public static Cell of(List<Pair> pairs, boolean higherIsBetter, double minimalImportantDifference) {
        if (!Double.isFinite(minimalImportantDifference) || minimalImportantDifference < 0) {
            throw new IllegalArgumentException("The minimal important difference must be zero or more");
        }
        int n = pairs.size();
        if (n == 0) {
            return new Cell(0, null, null, null, null);
        }
        double[] baselines = new double[n];
        double[] followUps = new double[n];
        double[] changes = new double[n];
        int improved = 0;
        for (int i = 0; i < n; i++) {
            Pair pair = pairs.get(i);
            baselines[i] = pair.baseline();
            followUps[i] = pair.followUp();
            changes[i] = pair.followUp() - pair.baseline();
            double gain = higherIsBetter ? changes[i] : -changes[i];
            if (gain >= minimalImportantDifference - TOLERANCE) {
                improved++;
            }
        }
        double shareImproved = Math.round(1000.0 * improved / n) / 10.0;
        return new Cell(n, median(baselines), median(followUps), median(changes), shareImproved);
    }

    /**
     * The same cell from histograms of the clients' baseline scores, follow-up scores and changes
     * (score to number of clients, as stored in {@code fup_outcome_year}): the medians are read
     * from the cumulative counts and the share improved counts the changes of at least the minimal
     * important difference in the better direction, so the figures are exactly those of
     * {@link #of(List, boolean, double)} on the pairs the histograms were counted from.
     *
     * @throws IllegalArgumentException when the three histograms do not hold the same number of clients
     */
    public static Cell of(SortedMap<Double, Long> baselines, SortedMap<Double, Long> followUps,
                          SortedMap<Double, Long> changes,
                          boolean higherIsBetter, double minimalImportantDifference) {
        if (!Double.isFinite(minimalImportantDifference) || minimalImportantDifference < 0) {
            throw new IllegalArgumentException("The minimal important difference must be zero or more");
        }
        long n = total(changes);
        if (total(baselines) != n || total(followUps) != n) {
            throw new IllegalArgumentException("The histograms hold different numbers of clients");
        }
        if (n == 0) {
            return new Cell(0, null, null, null, null);
        }
        long improved = 0;
        for (Map.Entry<Double, Long> bar : changes.entrySet()) {
            double gain = higherIsBetter ? bar.getKey() : -bar.getKey();
            if (gain >= minimalImportantDifference - TOLERANCE) {
                improved += bar.getValue();
            }
        }
        double shareImproved = Math.round(1000.0 * improved / n) / 10.0;
        return new Cell(Math.toIntExact(n), median(baselines, n), median(followUps, n), median(changes, n),
                shareImproved);
    }

    private static long total(Map<Double, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The median of the n values a histogram sorted by value stands for. */
    private static double median(SortedMap<Double, Long> histogram, long n) {
        return n % 2 == 1 ? valueAt(histogram, n / 2) : (valueAt(histogram, n / 2 - 1) + valueAt(histogram, n / 2)) / 2;
    }

    private static double valueAt(SortedMap<Double, Long> histogram, long position) {
        long seen = 0;
        for (Map.Entry<Double, Long> bar : histogram.entrySet()) {
            seen += bar.getValue();
            if (position < seen) {
                return bar.getKey();
            }
        }
        throw new IllegalStateException("Position " + position + " beyond " + seen + " values");
    }

    /**
     * The cell with every figure withheld when it rests on 1 to threshold − 1 clients, since so few
     * could be recognised; n stays so that the reader sees why the figures are missing.
     */
    public static Cell suppressed(Cell cell, int threshold) {
        return isSuppressed(cell, threshold) ? new Cell(cell.n(), null, null, null, null) : cell;
    }

    /** An empty cell is not suppressed: there is nobody in it to protect. */
    public static boolean isSuppressed(Cell cell, int threshold) {
        return cell.n() > 0 && cell.n() < threshold;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
