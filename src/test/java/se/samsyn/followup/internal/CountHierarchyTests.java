package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.internal.CountHierarchy.Count;
import se.samsyn.shared.Scope;

/**
 * The needs report and the clients per intervention of every scope attacked together, as a
 * national reader could (ADR 0015), without Spring: an attacker written here apart from
 * {@link se.samsyn.disclosure.DisclosureControl} sums the counts per scope itself, writes every
 * relation it knows (per item, the nation and a region as the sums of their municipalities, a
 * municipality as the sum of its units and of its clients without a unit, whose never-published
 * counts it attacks too), fixes every published cell, and minimises and maximises every hidden
 * non-zero count over the whole system (ojAlgo). Every hidden count must keep an interval at least
 * threshold − 1 wide that reaches the threshold. The reports publish no totals, so one report alone
 * gives a hidden count no upper bound; each "old way" case shows the rule of one report at a time
 * (hide 1 … 4) leaving a count exact once a reader holds two scopes' reports.
 */
class CountHierarchyTests {

    private static final int THRESHOLD = 5;

    private static final String ITEM = CountHierarchy.level("d1", 2);

    @Test
    void aSmallUnitIsNotItsMunicipalityLessTheOtherUnit() {
        // municipality 0101 (region 01): unit U1 has 3 clients at level 2 of d1, unit U2 has 10.
        // The municipality's 13 less U2's 10 would give U1's 3: U2 is hidden too, and U1 is 1 … 12.
        List<Count> leaves = List.of(new Count("U1", "0101", "01", ITEM, 3), new Count("U2", "0101", "01", ITEM, 10));

        Set<Cell> perReport = Set.of(new Cell("unit:U1", ITEM));
        assertThat(Attack.bounds(leaves, perReport).get(new Cell("unit:U1", ITEM))).containsExactly(3.0, 3.0);

        CountHierarchy hierarchy = CountHierarchy.of(leaves, THRESHOLD);
        assertThat(names(hierarchy.hiddenCells())).containsExactly("unit:U1 " + ITEM, "unit:U2 " + ITEM);
        assertThat(hierarchy.hidden(Scope.unit("U1"), ITEM)).isTrue();
        assertThat(hierarchy.hidden(Scope.municipality("0101"), ITEM)).isFalse();
        assertThat(hierarchy.count(Scope.municipality("0101"), ITEM)).isEqualTo(13);
        assertThat(hierarchy.count(Scope.nation(), ITEM)).isEqualTo(13);
        Map<Cell, double[]> bounds = Attack.bounds(leaves, hierarchy.hiddenCells());
        assertThat(bounds.get(new Cell("unit:U1", ITEM))).containsExactly(1.0, 12.0);
        assertThat(bounds.get(new Cell("unit:U2", ITEM))).containsExactly(1.0, 12.0);
        assertThat(Attack.exposed(leaves, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void aSmallMunicipalityIsNotItsRegionLessItsNeighbours() {
        // region 01: 0101 has 3 (all in unit A1), 0102 has 10 (B1), 0103 has 8 (C1); region 02:
        // 0201 has 20 (D1). The region's 21 less 10 and 8 would give 0101's 3: 0103, the smallest
        // shown neighbour, goes, and with it its only unit C1 (which is 0103's count itself).
        List<Count> leaves = List.of(new Count("A1", "0101", "01", ITEM, 3), new Count("B1", "0102", "01", ITEM, 10),
                new Count("C1", "0103", "01", ITEM, 8), new Count("D1", "0201", "02", ITEM, 20));

        Set<Cell> perReport = Set.of(new Cell("unit:A1", ITEM), new Cell("municipality:0101", ITEM));
        assertThat(Attack.bounds(leaves, perReport).get(new Cell("municipality:0101", ITEM))).containsExactly(3.0, 3.0);

        CountHierarchy hierarchy = CountHierarchy.of(leaves, THRESHOLD);
        assertThat(names(hierarchy.hiddenCells())).containsExactly("municipality:0101 " + ITEM,
                "municipality:0103 " + ITEM, "unit:A1 " + ITEM, "unit:C1 " + ITEM);
        assertThat(Attack.bounds(leaves, hierarchy.hiddenCells()).get(new Cell("municipality:0101", ITEM)))
                .containsExactly(1.0, 10.0);
        assertThat(Attack.exposed(leaves, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void aSmallRegionIsNotTheNationLessTheOtherRegions() {
        // region 01 has 2 goals achieved, region 02 has 30 and region 03 has 6, each in one
        // municipality and unit. The nation's 38 less 30 and 6 would give region 01's 2: region 03
        // goes with its municipality and unit, and region 01 is 1 … 7.
        String goal = CountHierarchy.goal("achieved");
        List<Count> leaves = List.of(new Count("A1", "0101", "01", goal, 2), new Count("B1", "0201", "02", goal, 30),
                new Count("C1", "0301", "03", goal, 6));

        Set<Cell> perReport = Set.of(new Cell("region:01", goal), new Cell("municipality:0101", goal),
                new Cell("unit:A1", goal));
        assertThat(Attack.bounds(leaves, perReport).get(new Cell("region:01", goal))).containsExactly(2.0, 2.0);

        CountHierarchy hierarchy = CountHierarchy.of(leaves, THRESHOLD);
        assertThat(names(hierarchy.hiddenCells())).containsExactly("municipality:0101 " + goal,
                "municipality:0301 " + goal, "region:01 " + goal, "region:03 " + goal, "unit:A1 " + goal,
                "unit:C1 " + goal);
        assertThat(Attack.bounds(leaves, hierarchy.hiddenCells()).get(new Cell("region:01", goal)))
                .containsExactly(1.0, 7.0);
        assertThat(Attack.exposed(leaves, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void itemsAreProtectedApartAndZerosAreShown() {
        // two interventions: A is small in U1 and pulls U2 in; B has a zero in U1, which stays shown,
        // and nothing of B is hidden
        String a = CountHierarchy.intervention("A");
        String b = CountHierarchy.intervention("B");
        List<Count> leaves = List.of(new Count("U1", "0101", "01", a, 1), new Count("U2", "0101", "01", a, 9),
                new Count("U2", "0101", "01", b, 12));
        CountHierarchy hierarchy = CountHierarchy.of(leaves, THRESHOLD);
        assertThat(names(hierarchy.hiddenCells())).containsExactly("unit:U1 " + a, "unit:U2 " + a);
        assertThat(hierarchy.count(Scope.unit("U1"), b)).isZero();
        assertThat(hierarchy.hidden(Scope.unit("U1"), b)).isFalse();
        assertThat(Attack.exposed(leaves, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void theSameCountsInAnyOrderGiveTheSameHiddenCellsAndAStoredCopyAnswersTheSame() {
        List<Count> leaves = new ArrayList<>(List.of(new Count("U1", "0101", "01", ITEM, 3),
                new Count("U2", "0101", "01", ITEM, 10), new Count("U3", "0102", "01", ITEM, 7)));
        CountHierarchy first = CountHierarchy.of(leaves, THRESHOLD);
        List<Count> reversed = new ArrayList<>(leaves);
        java.util.Collections.reverse(reversed);
        // computed again, the same hidden cells: every reader gets the same
        assertThat(CountHierarchy.of(reversed, THRESHOLD).hiddenCells()).isEqualTo(first.hiddenCells());
        long computed = CountHierarchy.computations();
        CountHierarchy stored = CountHierarchy.stored(first.counts(), first.hiddenCells());
        assertThat(CountHierarchy.computations()).isEqualTo(computed);
        assertThat(stored.counts()).isEqualTo(first.counts());
        assertThat(stored.hiddenCells()).isEqualTo(first.hiddenCells());
        for (Scope scope : List.of(Scope.unit("U1"), Scope.unit("U2"), Scope.municipality("0101"), Scope.region("01"),
                Scope.nation())) {
            assertThat(stored.hidden(scope, ITEM)).as(scope.toString()).isEqualTo(first.hidden(scope, ITEM));
            assertThat(stored.count(scope, ITEM)).as(scope.toString()).isEqualTo(first.count(scope, ITEM));
        }
    }

    @RepeatedTest(12)
    void randomHierarchiesKeepTheProtectionLevel(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<Count> leaves = new ArrayList<>();
        List<String> items = List.of(CountHierarchy.level("d1", 0), CountHierarchy.level("d1", 3),
                CountHierarchy.goal("open"));
        int regions = 1 + random.nextInt(3);
        for (int r = 0; r < regions; r++) {
            // a municipality outside every region now and then
            String region = random.nextInt(6) == 0 ? null : "0" + (r + 1);
            int municipalities = 1 + random.nextInt(3);
            for (int m = 0; m < municipalities; m++) {
                String municipality = "0" + (r + 1) + "0" + (m + 1);
                int units = random.nextInt(4);
                for (int u = -1; u < units; u++) {
                    String unit = u < 0 ? null : municipality + "-U" + u;
                    for (String item : items) {
                        int n = u < 0 ? random.nextInt(3) : random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0
                                ? 1 + random.nextInt(4) : random.nextInt(15);
                        if (n > 0) {
                            leaves.add(new Count(unit, municipality, region, item, n));
                        }
                    }
                }
            }
        }
        CountHierarchy hierarchy = CountHierarchy.of(leaves, THRESHOLD);
        assertThat(hierarchy.counts()).isEqualTo(Attack.counts(leaves));
        hierarchy.counts().forEach((cell, n) -> {
            if (n < THRESHOLD) {
                assertThat(hierarchy.hiddenCells()).as("primary " + cell).contains(cell);
            }
        });
        assertThat(Attack.exposed(leaves, hierarchy.hiddenCells(), THRESHOLD))
                .as("seed " + repetition.getCurrentRepetition()).isEmpty();
    }

    private static List<String> names(Set<Cell> cells) {
        return cells.stream().map(Cell::toString).sorted().toList();
    }

    /** The attacker, apart from the engine. */
    static final class Attack {

        private static final double CAP = 1e9;

        /** The count of every cell above 0: nation, region, municipality, unit, and a municipality's rest. */
        static Map<Cell, Integer> counts(List<Count> leaves) {
            Map<Cell, Integer> counts = new TreeMap<>();
            Set<String> withUnits = new TreeSet<>();
            leaves.stream().filter(c -> c.unit() != null).forEach(c -> withUnits.add(c.municipality()));
            for (Count c : leaves) {
                for (String scope : scopes(c, withUnits)) {
                    counts.merge(new Cell(scope, c.item()), c.count(), Integer::sum);
                }
            }
            counts.values().removeIf(n -> n == 0);
            return counts;
        }

        private static List<String> scopes(Count c, Set<String> withUnits) {
            List<String> scopes = new ArrayList<>(List.of("nation:0000", "municipality:" + c.municipality()));
            if (c.region() != null) {
                scopes.add("region:" + c.region());
            }
            if (c.unit() != null) {
                scopes.add("unit:" + c.unit());
            } else if (withUnits.contains(c.municipality())) {
                scopes.add("rest:" + c.municipality());
            }
            return scopes;
        }

        /** The hidden non-zero cells whose interval misses the protection level, with it. */
        static Map<Cell, String> exposed(List<Count> leaves, Set<Cell> hidden, int threshold) {
            Map<Cell, String> exposed = new LinkedHashMap<>();
            bounds(leaves, hidden).forEach((cell, b) -> {
                if (b[1] - b[0] < threshold - 1 || b[1] < threshold) {
                    exposed.put(cell, "[" + b[0] + ", " + b[1] + "]");
                }
            });
            return exposed;
        }

        /** [low, high] of every hidden non-zero cell, rounded inwards; high infinite when unbounded. */
        static Map<Cell, double[]> bounds(List<Count> leaves, Set<Cell> hidden) {
            Map<Cell, Integer> counts = counts(leaves);
            Map<Cell, double[]> bounds = new LinkedHashMap<>();
            for (Cell target : new TreeSet<>(hidden)) {
                if (counts.getOrDefault(target, 0) == 0) {
                    continue;
                }
                double low = solve(leaves, counts, hidden, target, false);
                double high = solve(leaves, counts, hidden, target, true);
                bounds.put(target, new double[] {Math.ceil(low - 1e-6),
                        high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6)});
            }
            return bounds;
        }

        /** Every relation of every item at once: the nation and each region over their municipalities. */
        private static double solve(List<Count> leaves, Map<Cell, Integer> counts, Set<Cell> hidden, Cell target,
                                    boolean maximise) {
            Set<String> withUnits = new TreeSet<>();
            leaves.stream().filter(c -> c.unit() != null).forEach(c -> withUnits.add(c.municipality()));
            Set<String> items = new TreeSet<>();
            Map<String, Set<String>> children = new TreeMap<>();
            for (Count c : leaves) {
                items.add(c.item());
                String m = "municipality:" + c.municipality();
                children.computeIfAbsent("nation:0000", k -> new TreeSet<>()).add(m);
                if (c.region() != null) {
                    children.computeIfAbsent("region:" + c.region(), k -> new TreeSet<>()).add(m);
                }
                if (withUnits.contains(c.municipality())) {
                    children.computeIfAbsent(m, k -> new TreeSet<>())
                            .add(c.unit() != null ? "unit:" + c.unit() : "rest:" + c.municipality());
                }
            }
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Map<Cell, Variable> x = new LinkedHashMap<>();
            int[] index = {0};
            java.util.function.Function<Cell, Variable> variable = cell -> x.computeIfAbsent(cell, k -> {
                int n = counts.getOrDefault(k, 0);
                // a hidden empty cell is taken as known: the stronger attacker
                return hidden.contains(k) && n > 0 ? model.newVariable("x" + index[0]++).lower(1)
                        : model.newVariable("x" + index[0]++).level(n);
            });
            variable.apply(target).weight(1);
            children.forEach((parent, kids) -> {
                for (String item : items) {
                    Expression e = model.newExpression("e" + index[0]++).level(0);
                    e.set(variable.apply(new Cell(parent, item)), 1);
                    kids.forEach(k -> e.set(variable.apply(new Cell(k, item)), -1));
                }
            });
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            if (result.getState() == Optimisation.State.UNBOUNDED) {
                return maximise ? CAP : 1;
            }
            assertThat(result.getState().isFeasible()).as("feasible attack on " + target + ": " + result.getState())
                    .isTrue();
            return result.getValue();
        }
    }
}
