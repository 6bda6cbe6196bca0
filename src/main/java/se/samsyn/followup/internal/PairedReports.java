package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.internal.OutcomePairs.PairRow;
import se.samsyn.shared.Scope;

/**
 * One scope's outcome report from its clients' pairs and the hidden cells of its protected system:
 * the statistics of every row and sex ({@link OutcomeStatistics}) and the distribution, hidden as
 * the system says. The same for a report computed on the request (the owning unit's, and the
 * reference in tests) and one computed in the background and stored ({@link OutcomeProtectionRefresh}),
 * so a stored report is the direct one cell for cell. Plain Java, without Spring.
 */
final class PairedReports {

    private PairedReports() {
    }

    /**
     * The report of the pairs of one scope.
     *
     * @param pairs     the scope's pairs (one per client and intervention), already filtered to it
     * @param hierarchy the hidden cells, or null for none (the owning unit's own report)
     * @param scopeKey  the scope's key among the hierarchy's cells
     * @param names     intervention names by code (a code without one is shown as its code)
     * @param stored    whether the report is read from the stored reports ({@link OutcomeReport#asOfLastRefresh})
     */
    static OutcomeReport report(List<PairRow> pairs, Instrument instrument, OutcomeHierarchy hierarchy, String scopeKey,
                                Map<String, String> names, LocalDate from, LocalDate to, Scope target, boolean suppress,
                                int threshold, boolean stored) {
        Map<String, Map<String, List<OutcomeStatistics.Pair>>> byIntervention = new TreeMap<>();
        Map<String, Map<Long, OutcomeStatistics.Pair>> all = new HashMap<>();
        for (PairRow p : pairs) {
            OutcomeStatistics.Pair pair = new OutcomeStatistics.Pair(p.baseline(), p.followUp());
            Map<String, List<OutcomeStatistics.Pair>> bySex = byIntervention.computeIfAbsent(p.intervention(), k -> new HashMap<>());
            bySex.computeIfAbsent("T", k -> new ArrayList<>()).add(pair);
            bySex.computeIfAbsent(p.sex(), k -> new ArrayList<>()).add(pair);
            all.computeIfAbsent("T", k -> new LinkedHashMap<>()).put(p.client(), pair);
            all.computeIfAbsent(p.sex(), k -> new LinkedHashMap<>()).put(p.client(), pair);
        }
        List<OutcomeReport.Row> rows = new ArrayList<>();
        Map<String, List<OutcomeStatistics.Pair>> allPairs = new HashMap<>();
        all.forEach((sex, byClient) -> allPairs.put(sex, new ArrayList<>(byClient.values())));
        rows.add(new OutcomeReport.Row(null, null,
                withoutExtremeShares(cells(allPairs, instrument, hierarchy, scopeKey, null), suppress, threshold)));
        byIntervention.forEach((code, bySex) ->
                rows.add(new OutcomeReport.Row(code, names.getOrDefault(code, code),
                        withoutExtremeShares(cells(bySex, instrument, hierarchy, scopeKey, code), suppress, threshold))));
        OutcomeReport.Distribution distribution = distribution(allPairs.getOrDefault("T", List.of()), instrument,
                hierarchy, scopeKey);
        return new OutcomeReport(instrument.code(), instrument.nameSv(), instrument.higherIsBetter(),
                instrument.minimalImportantDifference(), from, to, target, suppress, threshold, rows, distribution,
                stored);
    }

    /**
     * The attribute-disclosure rule of ADR 0015 ("Attribute disclosure (0 % or 100 %)"), as the
     * comparison indicators apply it, for a report outside the owning unit: a share improved of 0 %
     * or 100 % on fewer than 2t clients says of each of them whether they improved, so it is withheld
     * (null, the cell otherwise shown: its n and medians say nothing of a single client's change).
     * A cell with n = 0 has no share anyway; the owning unit ({@code suppress} false) sees its own.
     *
     * @param cells     a row's cells by sex, as {@link OutcomeTables#shown} gives them
     * @param suppress  whether the report is read outside the owning unit
     * @param threshold t of ADR 0015
     * @return the cells, with such shares null
     */
    static Map<String, OutcomeReport.Cell> withoutExtremeShares(Map<String, OutcomeReport.Cell> cells, boolean suppress,
                                                                int threshold) {
        if (!suppress) {
            return cells;
        }
        Map<String, OutcomeReport.Cell> result = new LinkedHashMap<>();
        cells.forEach((sex, c) -> result.put(sex, extremeOnASmallBase(c, threshold)
                ? new OutcomeReport.Cell(c.n(), c.medianBaseline(), c.medianFollowUp(), c.medianChange(), null, false)
                : c));
        return result;
    }

    /** Whether a shown cell's share improved is 0 % or 100 % on a base of 1 to 2t − 1 clients. */
    static boolean extremeOnASmallBase(OutcomeReport.Cell c, int threshold) {
        return !c.suppressed() && c.n() != null && c.n() > 0 && c.n() < 2 * threshold && c.shareImproved() != null
                && (c.shareImproved() == 0.0 || c.shareImproved() == 100.0);
    }

    /** A row's cells, hidden as the hierarchy says (none when it is null). */
    private static Map<String, OutcomeReport.Cell> cells(Map<String, List<OutcomeStatistics.Pair>> bySex,
                                                         Instrument instrument, OutcomeHierarchy hierarchy,
                                                         String scopeKey, String intervention) {
        Map<String, OutcomeStatistics.Cell> raw = new LinkedHashMap<>();
        for (String sex : OutcomeReport.SEXES) {
            raw.put(sex, OutcomeStatistics.of(bySex.getOrDefault(sex, List.of()), instrument.higherIsBetter(),
                    instrument.minimalImportantDifference()));
        }
        return OutcomeTables.shown(raw, instrument, hierarchy, scopeKey, intervention);
    }

    /**
     * The scores before and after in {@link OutcomeTables#BINS} bins. The bins of each series add
     * up to the report's total T, and each bin of a region is the sum of its municipalities' bins
     * and so on, so they are hidden as {@link OutcomeHierarchy} says.
     */
    private static OutcomeReport.Distribution distribution(List<OutcomeStatistics.Pair> pairs, Instrument instrument,
                                                           OutcomeHierarchy hierarchy, String scopeKey) {
        int binCount = OutcomeTables.BINS;
        double width = (instrument.scoreMax() - instrument.scoreMin()) / binCount;
        int[] before = new int[binCount];
        int[] after = new int[binCount];
        for (OutcomeStatistics.Pair p : pairs) {
            before[OutcomeTables.bin(p.baseline(), instrument.scoreMin(), width, binCount)]++;
            after[OutcomeTables.bin(p.followUp(), instrument.scoreMin(), width, binCount)]++;
        }
        return OutcomeTables.shownDistribution(before, after, instrument, hierarchy, scopeKey);
    }
}
