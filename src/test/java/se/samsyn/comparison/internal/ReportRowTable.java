package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * One random table of the searches of {@link ReportJointSearchTests} and {@link ReportBinsJointSearchTests}:
 * the indicator's n per municipality (A, B, D in region R; X, Y in region R2) and sex, a kommungrupp
 * of the indicator's only ({A, X} or {A, B, X}), and the report's rows. A client has intervention
 * I1, I2 or both, or (in a subset table) none, then it is in the indicator only; in A and X a
 * client is in unit U1 or U2 or in none. With bins, each client also falls in one baseline-score
 * bin and one follow-up-score bin of {@code bins} per series, at every scope of the report (a
 * municipality, its units and its clients without a unit, a region): cells {@code (area/B, i)} and
 * {@code (area/F, i)}, each series summing to the scope's T.
 */
final class ReportRowTable {

    static final int THRESHOLD = 5;

    static final String REST = ":rest";

    static final List<String> MUNICIPALITIES = List.of("A", "B", "D", "X", "Y");

    private static final List<String> INTERVENTIONS = List.of("I1", "I2");

    private static final List<String> WITH_UNITS = List.of("A", "X");

    /** The two distribution series, as the suffix of a bin cell's area: baseline and follow-up. */
    static final List<String> SERIES = List.of("/B", "/F");

    final Map<Cell, Integer> indicator = new LinkedHashMap<>();

    /**
     * Every report cell: all-interventions rows as "A", intervention rows as "A/I1", units as "A:U1",
     * rests as "A:rest", bins as ("A/B", "0") … and ("A:U1/F", "2").
     */
    final Map<Cell, Integer> report = new LinkedHashMap<>();

    final int bins;

    boolean subset;

    List<Relation> indicatorRules;

    Set<Cell> extremes = new HashSet<>();

    Set<Cell> reportHides;

    private ReportRowTable(int bins) {
        this.bins = bins;
    }

    /**
     * Draws one table, its kommungrupp and extreme shares, and protects its report alone. Without
     * bins the draws are those of the search before the bins (the same seed gives the same tables).
     *
     * @param bins the number of bins in each distribution series; 0 for none
     */
    static ReportRowTable random(Random random, int bins) {
        ReportRowTable t = counts(random, bins);
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("R", List.of("A", "B", "D"));
        parents.put("R2", List.of("X", "Y"));
        parents.put("G", random.nextBoolean() ? List.of("A", "X") : List.of("A", "B", "X"));
        parents.forEach((p, members) -> sum(t.indicator, p, members));
        List<String> areas = new ArrayList<>(MUNICIPALITIES);
        areas.addAll(parents.keySet());
        t.indicatorRules = relations(areas, parents);
        t.reportHides = t.protectReport(THRESHOLD);
        for (Cell c : t.indicator.keySet()) {
            int n = t.indicator.get(c);
            if (n >= THRESHOLD && n < 2 * THRESHOLD && random.nextInt(4) == 0) {
                t.extremes.add(c);
            }
        }
        return t;
    }

    /** Whether a report cell is a distribution bin. */
    static boolean isBin(Cell c) {
        return SERIES.stream().anyMatch(s -> c.area().endsWith(s));
    }

    /** Whether the report alone keeps every hidden count of its own at the protection level (else not attacked). */
    boolean reportAloneProtected() {
        JointAttack alone = attack(Map.of(), Set.of(), List.of(), reportHides);
        return reportHides.stream().filter(c -> report.get(c) > 0)
                .allMatch(c -> ReportJointAttack.safe(alone.bounds(ReportJointAttack.rep(c)), THRESHOLD));
    }

    /**
     * As {@link #exposures(boolean, boolean)}, the bins (if any) in the marking's system.
     */
    List<String> exposures(boolean wholeReport) {
        return exposures(wholeReport, true);
    }

    /**
     * Marks the indicator ({@link ResultMarking#hidden}: with the whole report, or with its rows of
     * all interventions only) and attacks both publications with every relation, the bins' included.
     *
     * @param withBins whether the marking's whole report includes the bins and their relations (the
     *                 attack always does)
     * @return the hidden counts below the protection level, with their intervals; an indicator cell
     *         whose n the report shows (an extreme share's) and clients without a unit left out
     */
    List<String> exposures(boolean wholeReport, boolean withBins) {
        Map<Cell, Integer> allRows = new LinkedHashMap<>();
        report.forEach((c, n) -> {
            if (indicator.containsKey(c)) {
                allRows.put(c, n);
            }
        });
        Set<Cell> hidden;
        if (wholeReport) {
            Map<Cell, Integer> marked = new LinkedHashMap<>(report);
            if (!withBins) {
                marked.keySet().removeIf(ReportRowTable::isBin);
            }
            List<Relation> sums = sums().stream()
                    .filter(r -> withBins || r.children().stream().noneMatch(ReportRowTable::isBin)).toList();
            hidden = ResultMarking.hidden(indicator, indicatorRules, THRESHOLD, extremes,
                    new ReportTable(marked, reportHides.stream().filter(marked::containsKey).collect(
                            java.util.stream.Collectors.toSet()), sums, atMost()));
        } else {
            hidden = ResultMarking.hidden(indicator, indicatorRules, THRESHOLD, extremes,
                    ReportJointAttack.published(allRows, reportHides));
        }
        JointAttack attack = attack(indicator, hidden, indicatorRules, reportHides);
        Set<String> nShown = new HashSet<>();
        allRows.forEach((c, n) -> {
            if (!reportHides.contains(c) && n.equals(indicator.get(c))) {
                nShown.add(ReportJointAttack.ind(c));
            }
        });
        List<String> exposures = new ArrayList<>();
        for (String c : attack.hiddenCells()) {
            if (c.contains(REST) || nShown.contains(c)) {
                continue;
            }
            double[] bounds = attack.bounds(c);
            if (!ReportJointAttack.safe(bounds, THRESHOLD)) {
                exposures.add(c + " in [" + bounds[0] + ", " + bounds[1] + "]");
            }
        }
        return exposures;
    }

    private static ReportRowTable counts(Random random, int bins) {
        ReportRowTable t = new ReportRowTable(bins);
        t.subset = random.nextBoolean();
        for (String m : MUNICIPALITIES) {
            for (String sex : List.of("K", "M")) {
                int n = 1 + random.nextInt(12);
                int all = 0;
                int i1 = 0;
                int i2 = 0;
                int u1 = 0;
                int u2 = 0;
                for (int client = 0; client < n; client++) {
                    if (t.subset && random.nextInt(6) == 0) {
                        continue;
                    }
                    all++;
                    int which = random.nextInt(10);
                    i1 += which < 5 || which >= 8 ? 1 : 0;
                    i2 += which >= 5 ? 1 : 0;
                    int unit = random.nextInt(10);
                    u1 += unit < 5 ? 1 : 0;
                    u2 += unit >= 5 && unit < 9 ? 1 : 0;
                    if (bins > 0) {
                        String scope = !WITH_UNITS.contains(m) ? null : unit < 5 ? m + ":U1" : unit < 9 ? m + ":U2" : m + REST;
                        for (String series : SERIES) {
                            // skewed, so that small bins are common: bin 0 about half the clients
                            int b = Math.min(bins - 1, Integer.numberOfTrailingZeros(random.nextInt(1 << bins) | (1 << (bins - 1))));
                            t.report.merge(new Cell(m + series, Integer.toString(b)), 1, Integer::sum);
                            if (scope != null) {
                                t.report.merge(new Cell(scope + series, Integer.toString(b)), 1, Integer::sum);
                            }
                        }
                    }
                }
                t.indicator.put(new Cell(m, sex), n);
                t.report.put(new Cell(m, sex), all);
                t.report.put(new Cell(m + "/I1", sex), i1);
                t.report.put(new Cell(m + "/I2", sex), i2);
                if (WITH_UNITS.contains(m)) {
                    t.report.put(new Cell(m + ":U1", sex), u1);
                    t.report.put(new Cell(m + ":U2", sex), u2);
                    t.report.put(new Cell(m + REST, sex), all - u1 - u2);
                }
            }
        }
        MUNICIPALITIES.forEach(m -> total(t.indicator, m));
        for (Cell c : List.copyOf(t.report.keySet())) {
            if (c.gender().equals("K")) {
                total(t.report, c.area());
            }
        }
        Map<String, List<String>> regions = Map.of("R", List.of("A", "B", "D"), "R2", List.of("X", "Y"));
        for (String r : List.of("R", "R2")) {
            for (String row : List.of("", "/I1", "/I2")) {
                for (String sex : List.of("T", "K", "M")) {
                    t.report.put(new Cell(r + row, sex),
                            regions.get(r).stream().mapToInt(m -> t.report.get(new Cell(m + row, sex))).sum());
                }
            }
        }
        // every bin of every scope, the empty ones as 0
        for (String scope : t.binScopes()) {
            for (String series : SERIES) {
                for (int b = 0; b < bins; b++) {
                    Cell cell = new Cell(scope + series, Integer.toString(b));
                    int n = scope.startsWith("R") ? regions.get(scope).stream()
                            .mapToInt(m -> t.report.getOrDefault(new Cell(m + series, cell.gender()), 0)).sum()
                            : t.report.getOrDefault(cell, 0);
                    t.report.put(cell, n);
                }
            }
        }
        return t;
    }

    /** The scopes with bins: every municipality, its units and rest, and the regions (none without bins). */
    private List<String> binScopes() {
        List<String> scopes = new ArrayList<>();
        if (bins == 0) {
            return scopes;
        }
        for (String m : MUNICIPALITIES) {
            scopes.add(m);
            if (WITH_UNITS.contains(m)) {
                scopes.addAll(List.of(m + ":U1", m + ":U2", m + REST));
            }
        }
        scopes.addAll(List.of("R", "R2"));
        return scopes;
    }

    private static void total(Map<Cell, Integer> m, String area) {
        m.put(new Cell(area, "T"), m.get(new Cell(area, "K")) + m.get(new Cell(area, "M")));
    }

    /**
     * The report's equalities: T = K + M in every row, regions' rows, municipalities = units + rest;
     * with bins, T = Σ bins of each series at every scope, and a region's and a municipality's bins
     * as the sums of their parts' bins.
     */
    List<Relation> sums() {
        List<Relation> rs = new ArrayList<>();
        Set<String> areas = new LinkedHashSet<>();
        report.keySet().stream().filter(c -> !isBin(c)).forEach(c -> areas.add(c.area()));
        for (String a : areas) {
            rs.add(new Relation(new Cell(a, "T"), List.of(new Cell(a, "K"), new Cell(a, "M"))));
        }
        for (String sex : List.of("T", "K", "M")) {
            for (String row : List.of("", "/I1", "/I2")) {
                rs.add(new Relation(new Cell("R" + row, sex), List.of(new Cell("A" + row, sex),
                        new Cell("B" + row, sex), new Cell("D" + row, sex))));
                rs.add(new Relation(new Cell("R2" + row, sex), List.of(new Cell("X" + row, sex),
                        new Cell("Y" + row, sex))));
            }
            for (String m : WITH_UNITS) {
                rs.add(new Relation(new Cell(m, sex), List.of(new Cell(m + ":U1", sex), new Cell(m + ":U2", sex),
                        new Cell(m + REST, sex))));
            }
        }
        for (String scope : binScopes()) {
            for (String series : SERIES) {
                List<Cell> series0 = new ArrayList<>();
                for (int b = 0; b < bins; b++) {
                    series0.add(new Cell(scope + series, Integer.toString(b)));
                }
                rs.add(new Relation(new Cell(scope, "T"), series0));
            }
        }
        for (int b = 0; b < bins; b++) {
            for (String series : SERIES) {
                String bin = Integer.toString(b);
                rs.add(new Relation(new Cell("R" + series, bin), List.of(new Cell("A" + series, bin),
                        new Cell("B" + series, bin), new Cell("D" + series, bin))));
                rs.add(new Relation(new Cell("R2" + series, bin), List.of(new Cell("X" + series, bin),
                        new Cell("Y" + series, bin))));
                for (String m : WITH_UNITS) {
                    rs.add(new Relation(new Cell(m + series, bin), List.of(new Cell(m + ":U1" + series, bin),
                            new Cell(m + ":U2" + series, bin), new Cell(m + REST + series, bin))));
                }
            }
        }
        return rs;
    }

    /** The report's inequalities, each parent ≤ Σ children: an intervention row ≤ all, all ≤ I1 + I2. */
    List<Relation> atMost() {
        List<Relation> rs = new ArrayList<>();
        List<String> areas = new ArrayList<>(MUNICIPALITIES);
        areas.addAll(List.of("R", "R2"));
        for (String a : areas) {
            for (String sex : List.of("T", "K", "M")) {
                Cell all = new Cell(a, sex);
                INTERVENTIONS.forEach(i -> rs.add(new Relation(new Cell(a + "/" + i, sex), List.of(all))));
                rs.add(new Relation(all, INTERVENTIONS.stream().map(i -> new Cell(a + "/" + i, sex)).toList()));
            }
        }
        return rs;
    }

    /**
     * The report's own protection over all its relations: small counts and every non-empty rest
     * (never published) are primary; with bins, each series by the report's own rule
     * ({@link #binsToHide}) given whether its scope's T is primary.
     */
    Set<Cell> protectReport(int threshold) {
        Map<se.samsyn.disclosure.Cell, Integer> counts = new LinkedHashMap<>();
        Set<se.samsyn.disclosure.Cell> primary = new LinkedHashSet<>();
        report.forEach((c, n) -> {
            counts.put(cell(c), n);
            if (!isBin(c) && n > 0 && (n < threshold || c.area().endsWith(REST))) {
                primary.add(cell(c));
            }
        });
        for (String scope : binScopes()) {
            Cell total = new Cell(scope, "T");
            boolean totalShown = !primary.contains(cell(total)) && report.get(total) >= threshold;
            for (String series : SERIES) {
                int[] n = new int[bins];
                for (int b = 0; b < bins; b++) {
                    n[b] = report.get(new Cell(scope + series, Integer.toString(b)));
                }
                boolean[] hide = binsToHide(n, totalShown, threshold);
                for (int b = 0; b < bins; b++) {
                    if (hide[b] && n[b] > 0) {
                        primary.add(cell(new Cell(scope + series, Integer.toString(b))));
                    }
                }
            }
        }
        List<se.samsyn.disclosure.Relation> rs = new ArrayList<>();
        sums().forEach(r -> rs.add(se.samsyn.disclosure.Relation.sum(cell(r.parent()),
                r.children().stream().map(ReportRowTable::cell).toList())));
        atMost().forEach(r -> rs.add(r.children().size() == 1
                ? se.samsyn.disclosure.Relation.atMost(cell(r.parent()), cell(r.children().get(0)))
                : se.samsyn.disclosure.Relation.atLeast(r.children().stream().map(ReportRowTable::cell).toList(),
                cell(r.parent()))));
        Set<Cell> hides = new HashSet<>();
        se.samsyn.disclosure.DisclosureControl.protect(counts, primary, rs, threshold)
                .forEach(c -> hides.add(new Cell(c.table(), c.item())));
        // a rest is never published, whatever its count
        report.keySet().stream().filter(c -> c.area().contains(REST)).forEach(hides::add);
        return hides;
    }

    /**
     * The report's rule for one distribution series (ADR 0015, "Outcome reports"), written here
     * apart from the production code: every bin of 1 … threshold − 1, then while the k hidden bins
     * holding R together have R − k &lt; threshold − 1 the smallest shown non-empty bin, every bin
     * when none is left; every bin when the total is not shown.
     */
    static boolean[] binsToHide(int[] n, boolean totalShown, int threshold) {
        boolean[] hide = new boolean[n.length];
        if (!totalShown) {
            java.util.Arrays.fill(hide, true);
            return hide;
        }
        int k = 0;
        int held = 0;
        for (int b = 0; b < n.length; b++) {
            if (n[b] > 0 && n[b] < threshold) {
                hide[b] = true;
                k++;
                held += n[b];
            }
        }
        while (k > 0 && held - k < threshold - 1) {
            int smallest = -1;
            for (int b = 0; b < n.length; b++) {
                if (!hide[b] && n[b] > 0 && (smallest < 0 || n[b] < n[smallest])) {
                    smallest = b;
                }
            }
            if (smallest < 0) {
                java.util.Arrays.fill(hide, true);
                return hide;
            }
            hide[smallest] = true;
            k++;
            held += n[smallest];
        }
        return hide;
    }

    private static se.samsyn.disclosure.Cell cell(Cell c) {
        return new se.samsyn.disclosure.Cell(c.area(), c.gender());
    }

    /**
     * Both publications (or the report alone, with an empty indicator) with every relation. A
     * hidden empty bin is known to be 0 to this attacker (as the production protection assumes; a
     * stronger attacker than a reader, who cannot tell it from a small bin).
     */
    JointAttack attack(Map<Cell, Integer> ind, Set<Cell> indHides, List<Relation> indRules, Set<Cell> reportHides) {
        Set<Cell> hides = new HashSet<>(reportHides);
        report.forEach((c, n) -> {
            if (isBin(c) && n == 0) {
                hides.remove(c);
            }
        });
        JointAttack attack = ReportJointAttack.of(ind, indHides, indRules, report, hides, sums(), !subset);
        // the rest may be empty: at least 0
        report.keySet().stream().filter(c -> c.area().contains(REST) && hides.contains(c))
                .forEach(c -> attack.hidden(ReportJointAttack.rep(c), 0));
        atMost().forEach(r -> attack.atMost(ReportJointAttack.rep(r.parent()),
                r.children().stream().map(ReportJointAttack::rep).toList()));
        return attack;
    }

    static void put(Map<Cell, Integer> m, String area, int k, int men) {
        m.put(new Cell(area, "T"), k + men);
        m.put(new Cell(area, "K"), k);
        m.put(new Cell(area, "M"), men);
    }

    static void sum(Map<Cell, Integer> m, String parent, List<String> members) {
        put(m, parent, members.stream().mapToInt(a -> m.get(new Cell(a, "K"))).sum(),
                members.stream().mapToInt(a -> m.get(new Cell(a, "M"))).sum());
    }

    static List<Relation> relations(List<String> areas, Map<String, List<String>> parents) {
        List<Relation> rs = new ArrayList<>();
        for (String a : areas) {
            rs.add(new Relation(new Cell(a, "T"), List.of(new Cell(a, "K"), new Cell(a, "M"))));
        }
        parents.forEach((p, members) -> {
            for (String s : List.of("T", "K", "M")) {
                rs.add(new Relation(new Cell(p, s), members.stream().map(m -> new Cell(m, s)).toList()));
            }
        });
        return rs;
    }
}
