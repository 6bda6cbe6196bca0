package se.samsyn.comparison.kolada;

import java.util.Locale;
import java.util.regex.Pattern;
import se.samsyn.comparison.MeasureUnit;

/**
 * Infers an imported KPI's unit from its Kolada title, which is the only place Kolada states it.
 * An analyst can correct the unit afterwards.
 */
final class KoladaUnits {

    private static final Pattern KRONOR = Pattern.compile("(^|[^\\p{L}])kr([^\\p{L}]|$)");
    private static final Pattern PER_1000 = Pattern.compile("(/\\s*1000|per\\s+1000|/\\s*1 000|per\\s+1 000)(?![0-9 ]*0)");
    private static final Pattern DAYS = Pattern.compile("(^|[^\\p{L}])dagar([^\\p{L}]|$)");

    private KoladaUnits() {
    }

    static MeasureUnit fromTitle(String title) {
        String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
        if (t.contains("(%)") || t.matches(".*(^|[^\\p{L}])andel([^\\p{L}].*|$)")) {
            return MeasureUnit.PERCENT;
        }
        if (PER_1000.matcher(t).find()) {
            return MeasureUnit.PER_1000;
        }
        if (KRONOR.matcher(t).find()) {
            return MeasureUnit.SEK;
        }
        if (DAYS.matcher(t).find()) {
            return MeasureUnit.DAYS;
        }
        return MeasureUnit.COUNT;
    }
}
