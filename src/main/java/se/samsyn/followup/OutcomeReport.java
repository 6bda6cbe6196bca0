package se.samsyn.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.samsyn.shared.Scope;

/**
 * An outcome report: per intervention (and for all interventions together) and per sex
 * (T, K, M), the clients with both a baseline and a follow-up in the period. A cell is suppressed
 * when it is shown outside the owning unit and rests on fewer clients than the threshold, and a
 * sex cell is suppressed with its sibling whenever the sibling's value could be derived from T.
 * {@code asOfLastRefresh} is true when the report was read as computed in the background and
 * stored (every report outside the owning unit), which is done within a minute or so of a change
 * ({@code samsyn.followup.outcome-protection-delay}), so a change made since is not in it yet
 * ({@link OutcomeReports#outcomesAsOf()} says when the clients were read); false when it was
 * computed from the clients on the spot.
 */
public record OutcomeReport(String instrumentCode, String instrumentName, boolean higherIsBetter,
                            double minimalImportantDifference, LocalDate from, LocalDate to, Scope scope,
                            boolean suppressionApplies, int threshold, List<Row> rows, Distribution distribution,
                            boolean asOfLastRefresh) {

    public static final List<String> SEXES = List.of("T", "K", "M");

    /** One intervention's cells by sex; {@code interventionCode} is null for all interventions together. */
    public record Row(String interventionCode, String interventionName, Map<String, Cell> cells) {
    }

    /** A cell; when {@code suppressed}, n and every statistic are withheld. */
    public record Cell(Integer n, Double medianBaseline, Double medianFollowUp, Double medianChange,
                       Double shareImproved, boolean suppressed) {
    }

    /**
     * Whether the table shows any symbol: a hidden cell (".."), or a statistic with no value ("-", or
     * ".." for a share withheld beside its n); false when every cell of every row is a figure, so a
     * page or sheet need not explain the symbols.
     */
    public boolean showsSymbols() {
        return rows.stream().flatMap(row -> row.cells().values().stream()).anyMatch(c -> c.suppressed()
                || c.n() == null || c.medianBaseline() == null || c.medianFollowUp() == null
                || c.medianChange() == null || c.shareImproved() == null);
    }

    /** Score distributions before and after, as counts per bin; a null count is suppressed. */
    public record Distribution(List<String> bins, List<Integer> baseline, List<Integer> followUp) {
    }
}
