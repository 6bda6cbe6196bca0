package se.samsyn.trials.internal;

import java.util.List;

/**
 * The limits of an individuals (XmR) Shewhart control chart, plain Java: centre = mean of the
 * values, limits = mean ± 2.66 × the mean moving range (the mean absolute difference of
 * consecutive values; 2.66 = 3 / d2 with d2 = 1.128 for subgroups of two). Source: Montgomery,
 * Introduction to Statistical Quality Control, ch. 6, and qicharts2's "i" chart. Shown beside the
 * run chart to catch large shifts.
 */
final class ShewhartLimits {

    private ShewhartLimits() {
    }

    /** Centre and limits; the limits are null when there are fewer than two values (nulls skipped). */
    record Limits(Double mean, Double lower, Double upper) {

        boolean outside(double value) {
            return lower != null && (value < lower || value > upper);
        }
    }

    static Limits individuals(List<Double> values) {
        List<Double> kept = values.stream().filter(v -> v != null).toList();
        if (kept.isEmpty()) {
            return new Limits(null, null, null);
        }
        double mean = kept.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (kept.size() < 2) {
            return new Limits(mean, null, null);
        }
        double ranges = 0;
        for (int i = 1; i < kept.size(); i++) {
            ranges += Math.abs(kept.get(i) - kept.get(i - 1));
        }
        double mr = ranges / (kept.size() - 1);
        return new Limits(mean, mean - 2.66 * mr, mean + 2.66 * mr);
    }
}
