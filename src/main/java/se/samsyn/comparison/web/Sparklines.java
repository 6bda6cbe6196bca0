package se.samsyn.comparison.web;

import java.util.List;
import java.util.Locale;

/** Turns a short series into the points of an SVG polyline for a small trend line in a table; gaps are skipped. */
final class Sparklines {

    String points(List<Double> values, int width, int height) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.MAX_VALUE) {
            return "";
        }
        StringBuilder points = new StringBuilder();
        int steps = Math.max(1, values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                continue;
            }
            double x = 2 + (width - 4) * (double) i / steps;
            double y = max == min ? height / 2.0 : 2 + (height - 4) * (1 - (v - min) / (max - min));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }
}
