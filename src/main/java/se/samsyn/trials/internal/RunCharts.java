package se.samsyn.trials.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.samsyn.trials.RunChart;

/**
 * Builds a {@link RunChart} from one value per period (ADR 13): the centre line is the median of
 * the baseline points (the periods before the start) when the baseline has at least one value,
 * else of all points; the Anhøj rules ({@link AnhojRules}) are applied to every point with a value
 * against that median, from 10 useful observations on; the individuals chart's limits
 * ({@link ShewhartLimits}) come from the baseline points when there are at least two, else from all.
 */
final class RunCharts {

    private RunCharts() {
    }

    /** One period's value (null when none or suppressed), count and flags. */
    record Observation(LocalDate periodStart, Double value, int count, boolean suppressed, boolean baseline) {
    }

    static RunChart chart(List<Observation> observations) {
        List<Double> values = observations.stream().map(Observation::value).toList();
        List<Double> baseline = observations.stream().filter(Observation::baseline).map(Observation::value).toList();
        Double baselineMedian = AnhojRules.median(baseline);
        Double median = baselineMedian != null ? baselineMedian : AnhojRules.median(values);
        ShewhartLimits.Limits limits = ShewhartLimits.individuals(
                baseline.stream().filter(v -> v != null).count() >= 2 ? baseline : values);
        if (median == null) {
            List<RunChart.Point> points = observations.stream().map(o -> new RunChart.Point(o.periodStart(), null,
                    o.count(), o.suppressed(), o.baseline(), false, false)).toList();
            return new RunChart(points, null, false, 0, 0, 0, 0, 0, false, false, false, null, null, null);
        }
        AnhojRules.Outcome outcome = AnhojRules.apply(values, median);
        List<RunChart.Point> points = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            points.add(new RunChart.Point(o.periodStart(), o.value(), o.count(), o.suppressed(), o.baseline(),
                    outcome.runSignal() && outcome.inLongRun()[i], o.value() != null && limits.outside(o.value())));
        }
        return new RunChart(points, median, baselineMedian != null, outcome.useful(), outcome.longestRun(),
                outcome.longestRunLimit(), outcome.crossings(), outcome.crossingsLimit(), outcome.tested(),
                outcome.runSignal(), outcome.crossingsSignal(), limits.mean(), limits.upper(), limits.lower());
    }
}
