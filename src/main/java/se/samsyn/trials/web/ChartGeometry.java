package se.samsyn.trials.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.samsyn.trials.RunChart;

/**
 * Where a run chart's lines and points go in its SVG, drawn on the server (viewBox 0 0 640 240,
 * scaled to the page's width, so it reads at 390 px): x evenly spaced per period, y from the
 * lowest to the highest of the values, the median and the control limits, with 10 % air.
 *
 * @param line        the polyline's points through the shown values, "x,y x,y"; consecutive
 *                    shown points are joined across gaps
 * @param dots        one per shown value
 * @param medianY     the median line's y, or null
 * @param upperY      the upper control limit's y, or null
 * @param lowerY      the lower control limit's y, or null
 * @param startX      x of the first trial period (the line between baseline and trial), or null
 * @param top         the value at the top of the plot, for the axis label
 * @param bottom      the value at the bottom of the plot, for the axis label
 */
record ChartGeometry(String line, List<Dot> dots, Double medianY, Double upperY, Double lowerY, Double startX,
                     double top, double bottom) {

    static final double WIDTH = 640;
    static final double HEIGHT = 240;
    static final double LEFT = 48;
    static final double RIGHT = 12;
    static final double TOP = 12;
    static final double BOTTOM = 28;

    /**
     * One drawn point.
     *
     * @param x         x
     * @param y         y
     * @param css       {@code point}, plus {@code signal} in a long run and {@code outside} beyond the limits
     * @param point     the chart's point
     */
    record Dot(double x, double y, String css, RunChart.Point point) {
    }

    static ChartGeometry of(RunChart chart) {
        List<Double> all = new ArrayList<>();
        chart.shown().forEach(p -> all.add(p.value()));
        if (chart.median() != null) {
            all.add(chart.median());
        }
        if (chart.upperLimit() != null) {
            all.add(chart.upperLimit());
            all.add(chart.lowerLimit());
        }
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double air = (max - min) * 0.1;
        double top = max + air;
        double bottom = min - air;
        int n = chart.points().size();
        double step = n <= 1 ? 0 : (WIDTH - LEFT - RIGHT) / (n - 1);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Double startX = null;
        for (int i = 0; i < n; i++) {
            RunChart.Point p = chart.points().get(i);
            double x = LEFT + i * step;
            if (!p.baseline() && startX == null && i > 0) {
                startX = x - step / 2;
            }
            if (p.value() == null) {
                continue;
            }
            double y = y(p.value(), top, bottom);
            line.append(line.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            String css = "point" + (p.inLongRun() ? " signal" : "") + (p.outsideLimits() ? " outside" : "");
            dots.add(new Dot(round(x), round(y), css, p));
        }
        return new ChartGeometry(line.toString(), dots, chart.median() == null ? null : round(y(chart.median(), top, bottom)),
                chart.upperLimit() == null ? null : round(y(chart.upperLimit(), top, bottom)),
                chart.lowerLimit() == null ? null : round(y(chart.lowerLimit(), top, bottom)),
                startX == null ? null : round(startX), top, bottom);
    }

    private static double y(double value, double top, double bottom) {
        return TOP + (top - value) / (top - bottom) * (HEIGHT - TOP - BOTTOM);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
