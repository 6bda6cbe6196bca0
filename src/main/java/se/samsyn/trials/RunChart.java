package se.samsyn.trials;

import java.time.LocalDate;
import java.util.List;

/**
 * A run chart with the Anhøj rules applied (ADR 13), and the limits of an individuals (Shewhart)
 * chart where there are enough points.
 *
 * @param points          the periods in order, each with its value or none
 * @param median          the centre line: the median of the baseline points, or of all points when
 *                        the baseline has none; null when no point has a value
 * @param baselineMedian  whether {@code median} came from the baseline
 * @param useful          the number of useful observations: points with a value not on the median
 * @param longestRun      the longest run of points on one side of the median
 * @param longestRunLimit round(log2(useful) + 3); a longer run signals
 * @param crossings       how many times the line crosses the median
 * @param crossingsLimit  the 5th percentile of Binomial(useful - 1, 0.5); fewer crossings signal
 * @param tested          whether the rules were applied (at least 10 useful observations)
 * @param runSignal       an unusually long run
 * @param crossingsSignal unusually few crossings
 * @param mean            the mean of the points with a value (the individuals chart's centre), or null
 * @param upperLimit      mean + 2.66 × mean moving range, or null when fewer than 2 points
 * @param lowerLimit      mean − 2.66 × mean moving range, or null when fewer than 2 points
 */
public record RunChart(List<Point> points, Double median, boolean baselineMedian, int useful, int longestRun,
                       int longestRunLimit, int crossings, int crossingsLimit, boolean tested, boolean runSignal,
                       boolean crossingsSignal, Double mean, Double upperLimit, Double lowerLimit) {

    /**
     * One period of the chart.
     *
     * @param periodStart   first day of the week or month
     * @param value         the measure's value, or null when there is no data or it is suppressed
     * @param count         how many observations the value rests on (uses, answers, clients,
     *                      measurements); 0 when suppressed for the reader
     * @param suppressed    whether a value exists but is hidden for this reader (fewer than the
     *                      threshold, or a rating group under the minimum)
     * @param baseline      whether the period is before the trial's start
     * @param inLongRun     whether the point belongs to a run longer than the limit
     * @param outsideLimits whether the point lies outside the individuals chart's limits
     */
    public record Point(LocalDate periodStart, Double value, int count, boolean suppressed, boolean baseline,
                        boolean inLongRun, boolean outsideLimits) {
    }

    /** Whether either Anhøj rule signals non-random variation. */
    public boolean signal() {
        return runSignal || crossingsSignal;
    }

    /** The points that have a value. */
    public List<Point> shown() {
        return points.stream().filter(p -> p.value() != null).toList();
    }
}
