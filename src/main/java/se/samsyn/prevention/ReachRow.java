package se.samsyn.prevention;

import java.time.YearMonth;

/**
 * Reach of an activity in one month for one sex and age band: counts only, never a person.
 *
 * @param month        the calendar month
 * @param sex          {@code K} or {@code M}
 * @param ageBand      one of the population statistics' bands (0-5, 6-15, 16-19, 20-64, 65-79, 80+)
 * @param participants persons who took part for the first time in the activity that calendar year
 * @param contacts     meetings, visits or calls with them in the month (at least {@code participants})
 */
public record ReachRow(YearMonth month, String sex, String ageBand, int participants, int contacts) {

    /** The population statistics' age bands (organisation's {@code org_v_population}), youngest first. */
    public static final java.util.List<String> AGE_BANDS = java.util.List.of("0-5", "6-15", "16-19", "20-64", "65-79", "80+");

    /** The legal sexes of the population statistics. */
    public static final java.util.List<String> SEXES = java.util.List.of("K", "M");
}
