package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.shared.Scope;

/**
 * The nation's outcome report of one calendar year built from the stored
 * calendar-year outcomes (a region's could be too, but the pages compute it from its clients, as it
 * is protected with its municipalities' and units' reports, which the stored rows do not hold) ({@link YearOutcomeTable}, V140 and V141) instead of their clients: the
 * medians and shares from the histograms ({@link OutcomeStatistics}), the bins from the score
 * histograms of all interventions together, and the hidden cells from {@link OutcomeHierarchy}
 * given the same counts as the direct pairing in {@link OutcomeTables} gives it, so the report is
 * the same, hidden cells included. As fresh as the stored rows (the gathered comparison results
 * refresh).
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
     * A region's or the nation's report of one whole calendar year ({@code from} 1 January,
     * {@code to} 31 December of the same year) from the stored sums of its municipalities'
     * histograms: the same rows, cells and bins as pairing its clients, protected on its own as
     * one report with the same counts ({@link #storedHierarchy}), with suppression applied and
     * {@link OutcomeReport#asOfLastRefresh} set. Not audited here; the caller records the read.
     */
    OutcomeReport report(Instrument instrument, LocalDate from, LocalDate to, Scope target) {
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
        OutcomeHierarchy hierarchy = storedHierarchy(counts, interventions, before, after);

        Map<String, String> names = new HashMap<>();
        catalogue.interventions().forEach(t -> names.put(t.code(), t.nameSv()));
        List<OutcomeReport.Row> rows = new ArrayList<>();
        for (String code : rowCodes) {
            rows.add(new OutcomeReport.Row(code, code == null ? null : names.getOrDefault(code, code),
                    OutcomeTables.shown(raw.get(code), instrument, hierarchy, OutcomeTables.ALONE, code)));
        }
        return new OutcomeReport(instrument.code(), instrument.nameSv(), instrument.higherIsBetter(),
                instrument.minimalImportantDifference(), from, to, target, true, threshold, rows,
                OutcomeTables.shownDistribution(before, after, instrument, hierarchy, OutcomeTables.ALONE), true);
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
     * The hierarchy of a report protected on its own, from its counts: {@link OutcomeHierarchy}
     * counts, per scope, each row's clients by sex and each bin's clients, and nothing else of
     * them, so clients made up to give exactly the stored counts give the same hidden cells as
     * the real ones. Each sex's N clients of the all-interventions row take the interventions in
     * turn (intervention X on the next n(X) of them, round the N), so every client has one or
     * more and each intervention its count, and the bins are dealt out in order.
     *
     * @param counts clients by row (null for all interventions) and legal sex
     */
    private OutcomeHierarchy storedHierarchy(Map<String, Map<String, Integer>> counts, Set<String> interventions,
                                             int[] before, int[] after) {
        StoredCounts key = new StoredCounts(counts, Arrays.stream(before).boxed().toList(),
                Arrays.stream(after).boxed().toList());
        synchronized (storedHierarchies) {
            OutcomeHierarchy cached = storedHierarchies.get(key);
            if (cached != null) {
                return cached;
            }
        }
        OutcomeHierarchy hierarchy = madeUpClients(counts, interventions, before, after);
        synchronized (storedHierarchies) {
            storedHierarchies.put(key, hierarchy);
        }
        return hierarchy;
    }

    /**
     * The counts a stored report's hierarchy rests on, the key of {@link #storedHierarchies}: the
     * same counts give the same hidden cells, and looking them up costs what the counts cost, not
     * the number of clients (as the made-up clients would).
     */
    private record StoredCounts(Map<String, Map<String, Integer>> counts, List<Integer> before, List<Integer> after) {
    }

    /** The last 32 hierarchies of stored reports by their counts. */
    private final Map<StoredCounts, OutcomeHierarchy> storedHierarchies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StoredCounts, OutcomeHierarchy> eldest) {
            return size() > 32;
        }
    };

    private OutcomeHierarchy madeUpClients(Map<String, Map<String, Integer>> counts, Set<String> interventions,
                                           int[] before, int[] after) {
        List<String> sexes = new ArrayList<>();
        List<Set<String>> held = new ArrayList<>();
        Map<String, Integer> all = counts.getOrDefault(null, Map.of());
        new TreeMap<>(all).forEach((sex, n) -> {
            if ("T".equals(sex)) {
                return;
            }
            int first = sexes.size();
            for (int i = 0; i < n; i++) {
                sexes.add(sex);
                held.add(new TreeSet<>());
            }
            int next = 0;
            for (String code : interventions) {
                int count = counts.getOrDefault(code, Map.of()).getOrDefault(sex, 0);
                for (int i = 0; i < count; i++) {
                    held.get(first + next).add(code);
                    next = (next + 1) % n;
                }
            }
        });
        int[] beforeBins = deal(before, sexes.size());
        int[] afterBins = deal(after, sexes.size());
        List<OutcomeHierarchy.Client> clients = new ArrayList<>();
        for (int i = 0; i < sexes.size(); i++) {
            clients.add(new OutcomeHierarchy.Client(null, OutcomeTables.ALONE_CODE, "?", sexes.get(i), held.get(i), beforeBins[i],
                    afterBins[i]));
        }
        return OutcomeHierarchy.of(clients, BINS, threshold, false);
    }

    /** The bin of each of {@code clients} clients, dealt out in bin order from the bins' counts. */
    private static int[] deal(int[] bins, int clients) {
        int[] dealt = new int[clients];
        int next = 0;
        for (int b = 0; b < bins.length; b++) {
            for (int i = 0; i < bins[b]; i++) {
                dealt[next++] = b;
            }
        }
        if (next != clients) {
            throw new IllegalStateException("The bins hold " + next + " clients, the rows " + clients);
        }
        return dealt;
    }

}
