package se.samsyn.prevention.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.RowProblems;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ReachRow;

/**
 * The row rule of reach, for the form and the import alike: a month ({@code yyyy-MM}) within the
 * activity's period and not after this month (a month written right that does not exist, like
 * {@code 2026-13}, is named as such rather than as a format error), a sex (K or M), one of the population statistics'
 * age bands, participants 0-1,000,000 and contacts at least the participants. Any value shaped
 * like a personnummer is refused first, in its own words.
 */
final class ReachRowRule {

    /** Written yyyy-MM, whether or not such a month exists: 2026-13 is no such month, not a format error. */
    private static final java.util.regex.Pattern MONTH_SHAPE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

    private ReachRowRule() {
    }

    /** Checks one row; the typed row, or null with the problems recorded. */
    static ReachRow check(Map<String, String> values, Activity activity, LocalDate today, RowProblems problems) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (IdentityShapes.personnummerShaped(e.getValue())) {
                problems.add(e.getKey(), "prevention.error.identity-value");
            }
        }
        if (problems.any()) {
            return null;
        }
        YearMonth month = null;
        try {
            month = YearMonth.parse(values.getOrDefault("month", "").strip());
        } catch (DateTimeParseException e) {
            problems.add("month", MONTH_SHAPE.matcher(values.getOrDefault("month", "").strip()).matches()
                    ? "prevention.error.month-invalid" : "prevention.error.month");
        }
        if (month != null && (month.isBefore(YearMonth.from(activity.startsOn()))
                || (activity.endsOn() != null && month.isAfter(YearMonth.from(activity.endsOn())))
                || month.isAfter(YearMonth.from(today)))) {
            problems.add("month", "prevention.error.month-outside", month.toString());
        }
        String sex = values.getOrDefault("sex", "").strip().toUpperCase(java.util.Locale.ROOT);
        if (!ReachRow.SEXES.contains(sex)) {
            problems.add("sex", "prevention.error.sex");
        }
        String band = values.getOrDefault("age_band", "").strip();
        if (!ReachRow.AGE_BANDS.contains(band)) {
            problems.add("age_band", "prevention.error.age-band");
        }
        Integer participants = PlainValues.integer(values.get("participants")).orElse(null);
        if (participants == null || participants < 0 || participants > 1_000_000) {
            problems.add("participants", "prevention.error.participants");
        }
        Integer contacts = PlainValues.integer(values.get("contacts")).orElse(null);
        if (contacts == null || contacts < 0 || contacts > 10_000_000) {
            problems.add("contacts", "prevention.error.contacts");
        } else if (participants != null && contacts < participants) {
            problems.add("contacts", "prevention.error.contacts-fewer");
        }
        if (problems.any()) {
            return null;
        }
        return new ReachRow(month, sex, band, participants, contacts);
    }
}
