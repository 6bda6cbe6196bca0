package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.shared.Scope;

/**
 * The nation's outcome report of one calendar year built from the stored
 * calendar-year outcomes ({@link YearOutcomeTable}, V140 and V141) instead of its clients: the
 * medians and shares from the histograms ({@link OutcomeStatistics}), the bins from the score
 * histograms of all interventions together, and the hidden cells those the regions' protected
 * systems give the nation ({@link NationalProtection}), so the report is the one the direct pairing
 * in {@link OutcomeTables} gives, hidden cells included. A region's report is not read from here: it
 * is protected with its municipalities' and units' reports, which the stored rows do not hold. As
 * fresh as the stored rows (the gathered comparison results refresh).
 */
@Component
class StoredOutcomeReports {

    private static final int BINS = OutcomeTables.BINS;

    private final YearOutcomeTable years;
    private final Catalogue catalogue;
    private final int threshold;

    StoredOutcomeReports(YearOutcomeTable years, Catalogue catalogue,
                         @Value("${samsyn.suppression-threshold:5}") int threshold) {
        this.years = years;
        this.catalogue = catalogue;
        this.threshold = threshold;
    }

    /**
     * The nation's report of one whole calendar year ({@code from} 1 January, {@code to} 31
     * December of the same year) from the stored sums of its regions' histograms: the same rows,
     * cells and bins as pairing its clients, hidden as {@code protection} says, with suppression
     * applied and {@link OutcomeReport#asOfLastRefresh} set. Not audited here; the caller records
     * the read.
     *
     * @param protection the nation's counts and hidden cells from its regions' systems, computed
     *                   from the clients (keyed {@link OutcomeTables#ALONE}); asked only when the
     *                   stored counts are new, and the answer kept by them
     * @return empty when the stored counts differ from the clients' (the stored rows are behind
     *         the clients until the next refresh): the hidden cells are proved for the clients'
     *         counts, so the caller reads the report from the clients then
     */
    Optional<OutcomeReport> report(Instrument instrument, LocalDate from, LocalDate to, Scope target,
                                   Supplier<OutcomeHierarchy> protection) {
        Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> sums =
                years.sums(instrument.code(), from.getYear(), target);
        // every intervention's histograms per sex, T the sum of the sexes; null is all interventions
        Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> bySex = new HashMap<>();
        sums.forEach((intervention, sexes) -> {
            Map<String, Map<String, YearOutcomeTable.Histogram>> withTotal = new HashMap<>(sexes);
            Map<String, YearOutcomeTable.Histogram> total = new HashMap<>();
            sexes.values().forEach(measures -> measures.forEach((measure, histogram) ->
                    total.computeIfAbsent(measure, k -> new YearOutcomeTable.Histogram()).addAll(histogram)));
            withTotal.put("T", total);
            bySex.put(intervention, withTotal);
        });
        Map<String, Map<String, OutcomeStatistics.Cell>> raw = new HashMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Set<String> interventions = new TreeSet<>();
        bySex.keySet().stream().filter(Objects::nonNull).forEach(interventions::add);
        List<String> rowCodes = new ArrayList<>();
        rowCodes.add(null);
        rowCodes.addAll(interventions);
        for (String code : rowCodes) {
            Map<String, Map<String, YearOutcomeTable.Histogram>> sexes = bySex.getOrDefault(code, Map.of());
            Map<String, OutcomeStatistics.Cell> cells = new LinkedHashMap<>();
            Map<String, Integer> n = new HashMap<>();
            sexes.forEach((sex, measures) -> {
                OutcomeStatistics.Cell cell = OutcomeStatistics.of(histogram(measures, YearOutcomeTable.BASELINE),
                        histogram(measures, YearOutcomeTable.FOLLOW_UP), histogram(measures, YearOutcomeTable.CHANGE),
                        instrument.higherIsBetter(), instrument.minimalImportantDifference());
                n.put(sex, cell.n());
                if (OutcomeReport.SEXES.contains(sex)) {
                    cells.put(sex, cell);
                }
            });
            raw.put(code, cells);
            counts.put(code, n);
        }
        Map<String, YearOutcomeTable.Histogram> total = bySex.getOrDefault(null, Map.of()).getOrDefault("T", Map.of());
        int[] before = bins(histogram(total, YearOutcomeTable.BASELINE), instrument);
        int[] after = bins(histogram(total, YearOutcomeTable.FOLLOW_UP), instrument);
        OutcomeHierarchy hierarchy = storedHierarchy(instrument.code(), from.getYear(), counts, before, after,
                protection);
        if (hierarchy == null) {
            return Optional.empty();
        }

        Map<String, String> names = new HashMap<>();
        catalogue.interventions().forEach(t -> names.put(t.code(), t.nameSv()));
        List<OutcomeReport.Row> rows = new ArrayList<>();
        for (String code : rowCodes) {
            rows.add(new OutcomeReport.Row(code, code == null ? null : names.getOrDefault(code, code),
                    OutcomeTables.shown(raw.get(code), instrument, hierarchy, OutcomeTables.ALONE, code)));
        }
        return Optional.of(new OutcomeReport(instrument.code(), instrument.nameSv(), instrument.higherIsBetter(),
                instrument.minimalImportantDifference(), from, to, target, true, threshold, rows,
                OutcomeTables.shownDistribution(before, after, instrument, hierarchy, OutcomeTables.ALONE), true));
    }

    private static SortedMap<Double, Long> histogram(Map<String, YearOutcomeTable.Histogram> measures,
                                                               String measure) {
        YearOutcomeTable.Histogram histogram = measures.get(measure);
        return histogram == null ? new TreeMap<>() : histogram.counts();
    }

    /** The counts of a histogram of scores in the distribution's bins. */
    private static int[] bins(SortedMap<Double, Long> scores, Instrument instrument) {
        double width = (instrument.scoreMax() - instrument.scoreMin()) / BINS;
        int[] counts = new int[BINS];
        scores.forEach((score, clients) ->
                counts[OutcomeTables.bin(score, instrument.scoreMin(), width, BINS)] += Math.toIntExact(clients));
        return counts;
    }

    /**
     * The nation's hidden cells for the stored counts: looked up by the instrument, year and
     * counts, or taken from {@code protection} when they match the stored counts cell for cell.
     *
     * @param counts clients by row (null for all interventions) and legal sex
     * @return null when the clients' counts differ from the stored ones
     */
    private OutcomeHierarchy storedHierarchy(String instrument, int year, Map<String, Map<String, Integer>> counts,
                                             int[] before, int[] after, Supplier<OutcomeHierarchy> protection) {
        StoredCounts key = new StoredCounts(instrument, year, counts, Arrays.stream(before).boxed().toList(),
                Arrays.stream(after).boxed().toList());
        synchronized (storedHierarchies) {
            OutcomeHierarchy cached = storedHierarchies.get(key);
            if (cached != null) {
                return cached;
            }
        }
        OutcomeHierarchy hierarchy = protection.get();
        if (!hierarchy.counts().equals(cells(counts, before, after))) {
            return null;
        }
        synchronized (storedHierarchies) {
            storedHierarchies.put(key, hierarchy);
        }
        return hierarchy;
    }

    /** The stored counts as the nation's non-empty cells, keyed as {@link OutcomeHierarchy} keys them. */
    private static Map<Cell, Integer> cells(Map<String, Map<String, Integer>> counts, int[] before, int[] after) {
        Map<Cell, Integer> cells = new HashMap<>();
        counts.forEach((code, sexes) -> sexes.forEach((sex, n) -> {
            if (n > 0) {
                cells.put(new Cell(OutcomeTables.ALONE, OutcomeHierarchy.row(code, sex)), n);
            }
        }));
        for (int b = 0; b < BINS; b++) {
            if (before[b] > 0) {
                cells.put(new Cell(OutcomeTables.ALONE, OutcomeHierarchy.bin(true, b)), before[b]);
            }
            if (after[b] > 0) {
                cells.put(new Cell(OutcomeTables.ALONE, OutcomeHierarchy.bin(false, b)), after[b]);
            }
        }
        return cells;
    }

    /**
     * What the nation's hidden cells are kept by, the key of {@link #storedHierarchies}: the
     * instrument, year and stored counts; looking them up costs what the counts cost, not the
     * number of clients. The regions' split of the counts is not in the key: the hidden cells stay
     * those of the clients when they were first read with these national counts, until the
     * national counts change (ADR 0015, known limits).
     */
    private record StoredCounts(String instrument, int year, Map<String, Map<String, Integer>> counts,
                                List<Integer> before, List<Integer> after) {
    }

    /** The last 64 hierarchies of stored reports by their counts. */
    private final Map<StoredCounts, OutcomeHierarchy> storedHierarchies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StoredCounts, OutcomeHierarchy> eldest) {
            return size() > 64;
        }
    };
}
