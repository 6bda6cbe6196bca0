package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * A seeded search over small random tables of one indicator and year and the same year's report
 * (ADR 0015): municipalities A, B, D in region R and X, Y in region R2, a kommungrupp of the
 * indicator's only ({A, X} or {A, B, X}), 1 to 12 women and men per municipality, now and then a
 * client without an intervention (in the indicator, not in the report) and an extreme share on a
 * base of 5 to 9. The report is protected alone; every table where that holds is marked by
 * {@link ResultMarking#hidden} and attacked jointly. No hidden count may be narrowed below the
 * protection level, the report's included; an indicator cell whose n the report shows (an extreme
 * share's, hidden for its value) is not a count to protect. Before the report's lower bounds and
 * published extreme n, trials 0 and 35 of this seed exposed counts.
 */
class ReportJointSearchTests {

    private static final int THRESHOLD = 5;

    private static final int TRIALS = 40;

    private static final int ROW_TRIALS = 24;

    private static final long ROW_SEED = 11;

    private static final List<String> MUNICIPALITIES = List.of("A", "B", "D", "X", "Y");

    @Test
    void noRandomTableExposesAHiddenCount() {
        Random random = new Random(7);
        List<String> exposures = new ArrayList<>();
        int attacked = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Map<Cell, Integer> indicator = new LinkedHashMap<>();
            Map<Cell, Integer> report = new LinkedHashMap<>();
            boolean subset = random.nextBoolean();
            for (String m : MUNICIPALITIES) {
                int k = 1 + random.nextInt(12);
                int men = 1 + random.nextInt(12);
                put(indicator, m, k, men);
                int withoutK = subset && k > 1 && random.nextInt(3) == 0 ? 1 : 0;
                int withoutM = subset && men > 1 && random.nextInt(3) == 0 ? 1 : 0;
                put(report, m, k - withoutK, men - withoutM);
            }
            Map<String, List<String>> parents = new LinkedHashMap<>();
            parents.put("R", List.of("A", "B", "D"));
            parents.put("R2", List.of("X", "Y"));
            Map<String, List<String>> reportParents = new LinkedHashMap<>(parents);
            parents.put("G", random.nextBoolean() ? List.of("A", "X") : List.of("A", "B", "X"));
            parents.forEach((p, members) -> sum(indicator, p, members));
            reportParents.forEach((p, members) -> sum(report, p, members));
            List<String> areas = new ArrayList<>(MUNICIPALITIES);
            areas.addAll(parents.keySet());
            List<Relation> indicatorRules = relations(areas, parents);
            List<Relation> reportRules = relations(areas.stream().filter(a -> !a.equals("G")).toList(), reportParents);

            Set<Cell> reportHides = Suppression.suppress(report, reportRules, THRESHOLD);
            Set<Cell> extremes = new HashSet<>();
            for (Cell c : indicator.keySet()) {
                int n = indicator.get(c);
                if (n >= THRESHOLD && n < 2 * THRESHOLD && random.nextInt(4) == 0) {
                    extremes.add(c);
                }
            }
            JointAttack alone = ReportJointAttack.of(Map.of(), Set.of(), List.of(), report, reportHides, reportRules,
                    false);
            if (!reportHides.stream().allMatch(c -> ReportJointAttack.safe(alone.bounds(ReportJointAttack.rep(c)), THRESHOLD))) {
                continue;
            }
            attacked++;
            Set<Cell> hidden = ResultMarking.hidden(indicator, indicatorRules, THRESHOLD, extremes,
                    ReportJointAttack.published(report, reportHides));
            JointAttack attack = ReportJointAttack.of(indicator, hidden, indicatorRules, report, reportHides, reportRules,
                    !subset);
            Set<String> nShown = new HashSet<>();
            report.forEach((c, n) -> {
                if (!reportHides.contains(c) && n.equals(indicator.get(c))) {
                    nShown.add(ReportJointAttack.ind(c));
                }
            });
            for (String c : attack.hiddenCells()) {
                if (!nShown.contains(c) && !ReportJointAttack.safe(attack.bounds(c), THRESHOLD)) {
                    exposures.add("trial " + trial + ": " + c);
                }
            }
        }
        assertThat(attacked).isGreaterThan(TRIALS / 3);
        assertThat(exposures).isEmpty();
    }

    /**
     * The same search with the report's other rows (ADR 0015, "Outcome reports"): every
     * municipality and region also has a row per intervention (I1, I2; a client in one or both),
     * and municipalities A and X have units U1 and U2 (their all-interventions row), with now and
     * then a client of no unit. The report is protected alone over all its relations ({@link
     * se.samsyn.disclosure.DisclosureControl#protect}: T = K + M in every row, a region's row the
     * sum of its municipalities', a municipality the sum of its units and its clients without a
     * unit, an intervention row at most the all-interventions row and that row at most their sum),
     * the indicator is marked as the engine marks it, from the all-interventions rows only, and the
     * attacker ({@link ReportJointAttack#of}) reads both with every one of those relations. A cell
     * hidden in both is one unknown (equal, or report ≤ indicator with a client without an
     * intervention).
     */
    @Test
    void noRandomTableWithInterventionAndUnitRowsExposesAHiddenCount() {
        Random random = new Random(ROW_SEED);
        List<String> exposures = new ArrayList<>();
        int attacked = 0;
        for (int trial = 0; trial < ROW_TRIALS; trial++) {
            RowTable table = RowTable.random(random);
            if (table.reportAloneProtected()) {
                attacked++;
                for (String c : table.exposures(true)) {
                    exposures.add("trial " + trial + ": " + c);
                }
            }
        }
        assertThat(attacked).isGreaterThan(ROW_TRIALS / 3);
        assertThat(exposures).isEmpty();
    }

    /**
     * Two tables the extended search found (trials 6 and 18 of its seed): marked with the report's
     * rows of all interventions only, as before, the report's intervention rows and units narrowed
     * hidden counts of both publications below the protection level (in trial 18 the women of A
     * and X, 2 … 4); marked in one system with the whole report, none.
     */
    @Test
    void theTablesTheSearchFoundAreProtectedWithTheWholeReport() {
        Random random = new Random(ROW_SEED);
        Map<Integer, RowTable> found = new LinkedHashMap<>();
        for (int trial = 0; trial <= 18; trial++) {
            RowTable table = RowTable.random(random);
            if (trial == 6 || trial == 18) {
                found.put(trial, table);
            }
        }
        found.forEach((trial, table) -> assertThat(table.reportAloneProtected()).as("trial %d", trial).isTrue());

        assertThat(found.get(6).exposures(false)).filteredOn(c -> c.startsWith("ind|"))
                .containsExactlyInAnyOrder("ind|A|K in [2.0, 5.0]", "ind|X|M in [1.0, 4.0]");
        assertThat(found.get(18).exposures(false)).filteredOn(c -> c.startsWith("ind|"))
                .containsExactlyInAnyOrder("ind|A|K in [2.0, 4.0]", "ind|X|K in [2.0, 4.0]");
        assertThat(found.get(6).exposures(true)).isEmpty();
        assertThat(found.get(18).exposures(true)).isEmpty();
    }

    /**
     * One random table of the extended search: the indicator's n per municipality and sex, and the
     * report's rows. A client has intervention I1, I2 or both, or (in a subset table) none, then it
     * is in the indicator only; in A and X a client is in unit U1 or U2 or in none.
     */
    private static final class RowTable {

        static final String REST = ":rest";

        private static final List<String> INTERVENTIONS = List.of("I1", "I2");

        private static final List<String> WITH_UNITS = List.of("A", "X");

        final Map<Cell, Integer> indicator = new LinkedHashMap<>();

        /** Every report cell: all-interventions rows as "A", intervention rows as "A/I1", units as "A:U1", rests as "A:rest". */
        final Map<Cell, Integer> report = new LinkedHashMap<>();

        boolean subset;

        List<Relation> indicatorRules;

        Set<Cell> extremes = new HashSet<>();

        Set<Cell> reportHides;

        /** Draws one table, its kommungrupp and extreme shares, and protects its report alone. */
        static RowTable random(Random random) {
            RowTable t = counts(random);
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

        /** Whether the report alone keeps every hidden count of its own at the protection level (else not attacked). */
        boolean reportAloneProtected() {
            JointAttack alone = attack(Map.of(), Set.of(), List.of(), reportHides);
            return reportHides.stream().filter(c -> report.get(c) > 0)
                    .allMatch(c -> ReportJointAttack.safe(alone.bounds(ReportJointAttack.rep(c)), THRESHOLD));
        }

        /**
         * Marks the indicator ({@link ResultMarking#hidden}: with the whole report, or with its rows of
         * all interventions only) and attacks both publications with every relation.
         *
         * @return the hidden counts below the protection level, with their intervals; an indicator cell
         *         whose n the report shows (an extreme share's) and clients without a unit left out
         */
        List<String> exposures(boolean wholeReport) {
            Map<Cell, Integer> allRows = new LinkedHashMap<>();
            report.forEach((c, n) -> {
                if (indicator.containsKey(c)) {
                    allRows.put(c, n);
                }
            });
            Set<Cell> hidden = wholeReport
                    ? ResultMarking.hidden(indicator, indicatorRules, THRESHOLD, extremes,
                    new ReportTable(report, reportHides, sums(), atMost()))
                    : ResultMarking.hidden(indicator, indicatorRules, THRESHOLD, extremes,
                    ReportJointAttack.published(allRows, reportHides));
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

        private static RowTable counts(Random random) {
            RowTable t = new RowTable();
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
            return t;
        }

        private static void total(Map<Cell, Integer> m, String area) {
            m.put(new Cell(area, "T"), m.get(new Cell(area, "K")) + m.get(new Cell(area, "M")));
        }

        /** The report's equalities: T = K + M in every row, regions' rows, municipalities = units + rest. */
        List<Relation> sums() {
            List<Relation> rs = new ArrayList<>();
            Set<String> areas = new java.util.LinkedHashSet<>();
            report.keySet().forEach(c -> areas.add(c.area()));
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
         * (never published) are primary.
         */
        Set<Cell> protectReport(int threshold) {
            Map<se.samsyn.disclosure.Cell, Integer> counts = new LinkedHashMap<>();
            Set<se.samsyn.disclosure.Cell> primary = new java.util.LinkedHashSet<>();
            report.forEach((c, n) -> {
                counts.put(cell(c), n);
                if (n > 0 && (n < threshold || c.area().endsWith(REST))) {
                    primary.add(cell(c));
                }
            });
            List<se.samsyn.disclosure.Relation> rs = new ArrayList<>();
            sums().forEach(r -> rs.add(se.samsyn.disclosure.Relation.sum(cell(r.parent()),
                    r.children().stream().map(RowTable::cell).toList())));
            atMost().forEach(r -> rs.add(r.children().size() == 1
                    ? se.samsyn.disclosure.Relation.atMost(cell(r.parent()), cell(r.children().get(0)))
                    : se.samsyn.disclosure.Relation.atLeast(r.children().stream().map(RowTable::cell).toList(),
                    cell(r.parent()))));
            Set<Cell> hides = new HashSet<>();
            se.samsyn.disclosure.DisclosureControl.protect(counts, primary, rs, threshold)
                    .forEach(c -> hides.add(new Cell(c.table(), c.item())));
            // a rest is never published, whatever its count
            report.keySet().stream().filter(c -> c.area().endsWith(REST)).forEach(hides::add);
            return hides;
        }

        private static se.samsyn.disclosure.Cell cell(Cell c) {
            return new se.samsyn.disclosure.Cell(c.area(), c.gender());
        }

        /** Both publications (or the report alone, with an empty indicator) with every relation. */
        JointAttack attack(Map<Cell, Integer> ind, Set<Cell> indHides, List<Relation> indRules, Set<Cell> reportHides) {
            JointAttack attack = ReportJointAttack.of(ind, indHides, indRules, report, reportHides, sums(), !subset);
            // the rest may be empty: at least 0
            report.keySet().stream().filter(c -> c.area().endsWith(REST))
                    .forEach(c -> attack.hidden(ReportJointAttack.rep(c), 0));
            atMost().forEach(r -> attack.atMost(ReportJointAttack.rep(r.parent()),
                    r.children().stream().map(ReportJointAttack::rep).toList()));
            return attack;
        }
    }

    private static void put(Map<Cell, Integer> m, String area, int k, int men) {
        m.put(new Cell(area, "T"), k + men);
        m.put(new Cell(area, "K"), k);
        m.put(new Cell(area, "M"), men);
    }

    private static void sum(Map<Cell, Integer> m, String parent, List<String> members) {
        put(m, parent, members.stream().mapToInt(a -> m.get(new Cell(a, "K"))).sum(),
                members.stream().mapToInt(a -> m.get(new Cell(a, "M"))).sum());
    }

    private static List<Relation> relations(List<String> areas, Map<String, List<String>> parents) {
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
