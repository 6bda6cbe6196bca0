package se.samsyn.comparison;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.samsyn.organisation.Municipality;
import se.samsyn.shared.Actor;

/**
 * Reads stored comparison results for pages, exports and the API. Suppressed cells are always
 * returned without their value and base ({@link ResultRow#published()}); nothing here computes
 * results, which happens on refresh ({@link Indicators#refresh}). Every method taking an
 * {@link Actor} answers {@link IndicatorNotFound} (404) for an indicator the actor may not see.
 */
public interface Comparisons {

    /** The area code of the nation (riket) in results. */
    String NATION = "0000";

    /** Relative colour codes of a result row (ADR 8): best quarter, middle half, worst quarter, none. */
    String GREEN = "green";
    /** The middle half of the relative colouring. */
    String YELLOW = "yellow";
    /** The worst quarter of the relative colouring. */
    String RED = "red";
    /** No colour: suppressed, missing or too few values. */
    String GREY = "grey";

    /**
     * The change signal ({@code se.samsyn.cluster.ChangeSignals}) raised when stored results change,
     * so that every instance drops its caches of them.
     */
    String RESULTS_CHANGED = "comparison-results";

    /** One municipality's row in an indicator table; {@code rank} 1 is best, null when not shown. */
    record MunicipalityResult(Municipality municipality, ResultRow result, Integer rank) {
    }

    /**
     * A comparison value for a group of areas: the aggregate where computed, and the unweighted
     * mean of the {@code contributing} members with a published value (null if none).
     */
    record GroupValue(String code, String name, ResultRow aggregate, Double memberMean, int contributing) {

        /**
         * The symbols this row shows in place of its two figures: the aggregate's ("..", "." or "-", none
         * when shown; "-" when not computed), and "-" when no member mean. Empty when both figures show.
         */
        public java.util.Set<String> symbols() {
            java.util.Set<String> shown = new java.util.HashSet<>();
            if (aggregate == null) {
                shown.add("-");
            } else if (!aggregate.published().shown()) {
                shown.add(aggregate.published().symbol());
            }
            if (memberMean == null) {
                shown.add("-");
            }
            return shown;
        }
    }

    /** One indicator in one year and gender ({@code T}, {@code K}, {@code M}): every municipality, the nation, the regions and groups. */
    record IndicatorTable(Indicator indicator, int year, String gender, List<Integer> years,
                          List<MunicipalityResult> municipalities, ResultRow nation,
                          List<GroupValue> groups, List<GroupValue> regions) {

        /** The symbols the kommungrupp table shows, in the order "..", ".", "-"; empty when every figure shows. */
        public List<String> groupSymbols() {
            return symbolsOf(groups);
        }

        /** The symbols the region table shows, in the order "..", ".", "-"; empty when every figure shows. */
        public List<String> regionSymbols() {
            return symbolsOf(regions);
        }

        private static List<String> symbolsOf(List<GroupValue> rows) {
            java.util.Set<String> shown = new java.util.HashSet<>();
            rows.forEach(row -> shown.addAll(row.symbols()));
            return java.util.stream.Stream.of("..", ".", "-").filter(shown::contains).toList();
        }
    }

    /** One year of the trend: the nation, and optionally one municipality and its group's member mean; null where not shown. */
    record TrendPoint(int year, Double nation, Double municipality, Double groupMean) {
    }

    /** One indicator on a municipality's profile (latest year, total); means are null when no member value is shown. */
    record ProfileLine(Indicator indicator, Integer year, ResultRow own, Double groupMean, Double peerMean,
                       Double similarMean, ResultRow nation, List<Double> trend) {
    }

    /** The indicator, if the actor may see it; otherwise {@link IndicatorNotFound}. */
    Indicator indicator(Actor actor, String id);

    /** The slug of the knowledge-guide entry that describes the indicator, if any. */
    Optional<String> guideEntry(Actor actor, String id);

    /** The years with stored results, ascending. */
    List<Integer> years(Actor actor, String id);

    /**
     * One indicator's table.
     *
     * @param requestedYear   the year, or null (or a year without results) for the latest
     * @param requestedGender {@code K} or {@code M}; anything else means total ({@code T})
     * @param countyCode      a county code to keep only its municipalities, or null/blank for all
     * @param groupCode       a kommungrupp code to keep only its municipalities, or null/blank for all
     */
    IndicatorTable table(Actor actor, String id, Integer requestedYear, String requestedGender,
                         String countyCode, String groupCode);

    /** The nation per year, and the municipality and its kommungrupp's member mean when a municipality is given. */
    List<TrendPoint> trend(Actor actor, String id, String municipalityCode, String gender);

    /**
     * Every visible indicator for one municipality, compared with its kommungrupp, its peer groups,
     * the given similar municipalities and the nation. Unknown municipality: {@code MunicipalityNotFound} (404).
     */
    List<ProfileLine> profile(Actor actor, String municipalityCode, List<String> similar);

    /** The shown municipality values (total; the given year, or the latest with data) of an indicator, by municipality code. */
    Map<String, Double> municipalityValues(String indicatorId, Integer year);

    /** The share (0–100) of municipalities coloured green, from {@code samsyn.comparison.green-percent}. */
    double greenPercent();

    /** The share (0–100) of municipalities coloured red, from {@code samsyn.comparison.red-percent}. */
    double redPercent();
}
