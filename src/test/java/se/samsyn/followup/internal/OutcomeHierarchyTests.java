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
import se.samsyn.followup.internal.OutcomeHierarchy.Client;

/**
 * The outcome reports of every scope attacked together, as a national reader could (ADR 0015),
 * without Spring: an attacker written here apart from {@link se.samsyn.disclosure.DisclosureControl} counts the clients
 * itself, writes every relation it knows (T = K + M in every row, each distribution series summing
 * to the all-interventions T, an intervention row at most the all row and the all row at most the
 * intervention rows' sum, a region and the nation as the sums of their municipalities and a
 * municipality as the sum of its units and of its clients without a unit, whose never-published
 * counts it attacks too), fixes every published
 * cell, and minimises and maximises every hidden non-zero count over the whole system (ojAlgo).
 * Every hidden count must keep an interval at least threshold − 1 wide that reaches the threshold.
 */
class OutcomeHierarchyTests {

    private static final int THRESHOLD = 5;

    @Test
    void aSmallCountAtAUnitIsNotTheMunicipalityLessItsOtherUnit() {
        // unit U1: 2 women and 6 men; unit U2: 7 women and 6 men; one intervention, one bin.
        // Within U1's report its women (2) and then its men are hidden, each 1 … 7. But the
        // municipality's 9 women less U2's 7 give U1's women exactly: U2's women go too (the smallest
        // published cell of the municipality's sum, where U1's women are the only hidden cell), and
        // so do U2's men (6, next to the municipality's 12 men); the same for the intervention row.
        // U1's women are then 1 … 7.
        List<Client> clients = new ArrayList<>();
        add(clients, 2, "U1", "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 6, "U1", "0101", "01", "M", Set.of("A"), 0, 0);
        add(clients, 7, "U2", "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 6, "U2", "0101", "01", "M", Set.of("A"), 0, 0);
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 1, THRESHOLD);

        assertThat(hidden(hierarchy)).containsExactlyInAnyOrder(
                "unit:U1 all/K", "unit:U1 all/M", "unit:U1 int:A/K", "unit:U1 int:A/M",
                "unit:U2 all/K", "unit:U2 all/M", "unit:U2 int:A/K", "unit:U2 int:A/M");
        assertThat(Attack.bounds(clients, 1, hierarchy.hiddenCells()).get(new Cell("unit:U1", "all/K")))
                .containsExactly(1.0, 7.0);
        // the municipality and its units alone, as the pages protect them: the same cells
        assertThat(hidden(OutcomeHierarchy.of(clients, 1, THRESHOLD, false))).isEqualTo(hidden(hierarchy));
        assertThat(Attack.exposed(clients, 1, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void withinOneReportTheOldRulesLeaveTheUnitExact() {
        // the same clients with only each report's own rules (the code before ADR 0015's joint
        // rule): the attacker pins U1's women at 2
        List<Client> clients = new ArrayList<>();
        add(clients, 2, "U1", "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 6, "U1", "0101", "01", "M", Set.of("A"), 0, 0);
        add(clients, 7, "U2", "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 6, "U2", "0101", "01", "M", Set.of("A"), 0, 0);
        Set<Cell> perReport = Set.of(new Cell("unit:U1", "all/K"), new Cell("unit:U1", "all/M"),
                new Cell("unit:U1", "int:A/K"), new Cell("unit:U1", "int:A/M"));
        Map<Cell, double[]> bounds = Attack.bounds(clients, 1, perReport);
        assertThat(bounds.get(new Cell("unit:U1", "all/K"))).containsExactly(2.0, 2.0);
    }

    @Test
    void aSmallMunicipalityIsNotTheRegionLessItsNeighbour() {
        // region 01: municipality 0101 has 3 clients (women without a unit), 0102 has 10 women and
        // 10 men; one intervention, one bin. 0101's T, K, intervention row and bins are hidden
        // within its own report, but the region's 23 less 0102's 20 would give 3. In each sum over
        // the region (or nation) with one hidden cell, 0102's cell is the smallest published: it
        // goes, and 0101's counts are 1 … 12.
        List<Client> clients = new ArrayList<>();
        add(clients, 3, null, "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 10, null, "0102", "01", "K", Set.of("A"), 0, 0);
        add(clients, 10, null, "0102", "01", "M", Set.of("A"), 0, 0);
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 1, THRESHOLD);

        assertThat(hidden(hierarchy)).containsExactlyInAnyOrder(
                "municipality:0101 all/T", "municipality:0101 all/K", "municipality:0101 int:A/T",
                "municipality:0101 int:A/K", "municipality:0101 before/0", "municipality:0101 after/0",
                "municipality:0102 all/T", "municipality:0102 all/K", "municipality:0102 int:A/T",
                "municipality:0102 int:A/K", "municipality:0102 before/0", "municipality:0102 after/0");
        assertThat(Attack.bounds(clients, 1, hierarchy.hiddenCells()).get(new Cell("municipality:0101", "all/T")))
                .containsExactly(1.0, 12.0);
        assertThat(Attack.exposed(clients, 1, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void theCacheAnswersTheSameClientsInAnyOrderWithTheSameResult() {
        List<Client> clients = new ArrayList<>();
        add(clients, 2, "U1", "0101", "01", "K", Set.of("A"), 0, 0);
        add(clients, 6, "U1", "0101", "01", "M", Set.of("A"), 0, 0);
        add(clients, 7, "U2", "0101", "01", "K", Set.of("A"), 0, 0);
        OutcomeHierarchy.Cache cache = new OutcomeHierarchy.Cache(4);
        OutcomeHierarchy first = cache.get(clients, 1, THRESHOLD);
        List<Client> reversed = new ArrayList<>(clients);
        java.util.Collections.reverse(reversed);
        assertThat(cache.get(reversed, 1, THRESHOLD)).isSameAs(first);
        assertThat(cache.get(clients.subList(1, clients.size()), 1, THRESHOLD)).isNotSameAs(first);
    }

    @RepeatedTest(8)
    void randomHierarchiesKeepTheProtectionLevel(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<Client> clients = new ArrayList<>();
        int regions = 1 + random.nextInt(2);
        for (int r = 0; r < regions; r++) {
            String region = "0" + (r + 1);
            int municipalities = 1 + random.nextInt(3);
            for (int m = 0; m < municipalities; m++) {
                String municipality = region + "0" + (m + 1);
                int units = random.nextInt(3);
                for (int u = -1; u < units; u++) {
                    String unit = u < 0 ? null : municipality + "-U" + u;
                    int size = u < 0 ? random.nextInt(3) : random.nextInt(14);
                    for (int c = 0; c < size; c++) {
                        Set<String> interventions = new TreeSet<>();
                        interventions.add(random.nextBoolean() ? "A" : "B");
                        if (random.nextInt(4) == 0) {
                            interventions.add("A");
                        }
                        clients.add(new Client(unit, municipality, region, random.nextBoolean() ? "K" : "M",
                                interventions, random.nextInt(3), random.nextInt(3)));
                    }
                }
            }
        }
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 3, THRESHOLD);
        assertThat(hierarchy.counts()).isEqualTo(Attack.counts(clients));
        Map<Cell, Integer> counts = hierarchy.counts();
        counts.forEach((cell, n) -> {
            if (n > 0 && n < THRESHOLD) {
                assertThat(hierarchy.hiddenCells()).as("primary " + cell).contains(cell);
            }
        });
        assertThat(Attack.exposed(clients, 3, hierarchy.hiddenCells(), THRESHOLD)).as("seed " + repetition
                .getCurrentRepetition()).isEmpty();

        // as the pages use it: each region with its municipalities and their units, attacked with
        // every cell of the region
        for (String region : clients.stream().map(Client::region).distinct().sorted().toList()) {
            List<Client> within = clients.stream().filter(c -> c.region().equals(region)).toList();
            OutcomeHierarchy local = OutcomeHierarchy.of(within, 3, THRESHOLD, true);
            assertThat(local.counts()).isEqualTo(Attack.counts(within));
            assertThat(Attack.exposed(within, 3, local.hiddenCells(), THRESHOLD)).as("seed " + repetition
                    .getCurrentRepetition() + ", region " + region).isEmpty();
        }
    }

    private static void add(List<Client> clients, int n, String unit, String municipality, String region, String sex,
                            Set<String> interventions, int before, int after) {
        for (int i = 0; i < n; i++) {
            clients.add(new Client(unit, municipality, region, sex, interventions, before, after));
        }
    }

    private static Set<String> hidden(OutcomeHierarchy hierarchy) {
        Set<String> names = new TreeSet<>();
        hierarchy.hiddenCells().forEach(c -> names.add(c.toString()));
        return names;
    }

    /** The attacker, apart from the engine. */
    static final class Attack {

        private static final double CAP = 1e9;

        /** The count of every cell with at least one client. */
        static Map<Cell, Integer> counts(List<Client> clients) {
            return counts(clients, true);
        }

        static Map<Cell, Integer> counts(List<Client> clients, boolean aboveMunicipalities) {
            Map<Cell, Integer> counts = new TreeMap<>();
            Set<String> withUnits = new TreeSet<>();
            clients.stream().filter(c -> c.unit() != null).forEach(c -> withUnits.add(c.municipality()));
            for (Client c : clients) {
                List<String> scopes = new ArrayList<>(aboveMunicipalities
                        ? List.of("nation", "region:" + c.region(), "municipality:" + c.municipality())
                        : List.of("municipality:" + c.municipality()));
                if (c.unit() != null) {
                    scopes.add("unit:" + c.unit());
                } else if (withUnits.contains(c.municipality())) {
                    // the clients without a unit: never published, but inside the municipality
                    scopes.add("rest:" + c.municipality());
                }
                for (String scope : scopes) {
                    for (String sex : List.of("T", c.sex())) {
                        counts.merge(new Cell(scope, "all/" + sex), 1, Integer::sum);
                        for (String i : c.interventions()) {
                            counts.merge(new Cell(scope, "int:" + i + "/" + sex), 1, Integer::sum);
                        }
                    }
                    counts.merge(new Cell(scope, "before/" + c.beforeBin()), 1, Integer::sum);
                    counts.merge(new Cell(scope, "after/" + c.afterBin()), 1, Integer::sum);
                }
            }
            return counts;
        }

        /** The hidden non-zero cells whose interval does not meet the protection level, with it. */
        static Map<Cell, String> exposed(List<Client> clients, int bins, Set<Cell> hidden, int threshold) {
            return exposed(clients, bins, hidden, threshold, true);
        }

        static Map<Cell, String> exposed(List<Client> clients, int bins, Set<Cell> hidden, int threshold,
                                         boolean aboveMunicipalities) {
            Map<Cell, String> exposed = new LinkedHashMap<>();
            bounds(clients, bins, hidden, aboveMunicipalities).forEach((cell, b) -> {
                if (b[1] - b[0] < threshold - 1 || b[1] < threshold) {
                    exposed.put(cell, "[" + b[0] + ", " + b[1] + "]");
                }
            });
            return exposed;
        }

        /** [low, high] of every hidden non-zero cell, rounded inwards; high infinite when unbounded. */
        static Map<Cell, double[]> bounds(List<Client> clients, int bins, Set<Cell> hidden) {
            return bounds(clients, bins, hidden, true);
        }

        static Map<Cell, double[]> bounds(List<Client> clients, int bins, Set<Cell> hidden, boolean aboveMunicipalities) {
            Map<Cell, Integer> counts = counts(clients, aboveMunicipalities);
            Map<Cell, double[]> bounds = new LinkedHashMap<>();
            for (Cell target : new TreeSet<>(hidden)) {
                if (counts.getOrDefault(target, 0) == 0) {
                    continue;
                }
                double low = solve(clients, bins, counts, hidden, target, false, aboveMunicipalities);
                double high = solve(clients, bins, counts, hidden, target, true, aboveMunicipalities);
                bounds.put(target, new double[] {Math.ceil(low - 1e-6),
                        high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6)});
            }
            return bounds;
        }

        private static double solve(List<Client> clients, int bins, Map<Cell, Integer> counts, Set<Cell> hidden,
                                    Cell target, boolean maximise, boolean aboveMunicipalities) {
            Set<String> scopes = new TreeSet<>();
            Set<String> interventions = new TreeSet<>();
            Map<String, Set<String>> children = new TreeMap<>();
            for (Client c : clients) {
                interventions.addAll(c.interventions());
                String m = "municipality:" + c.municipality();
                scopes.add(m);
                if (aboveMunicipalities) {
                    scopes.addAll(List.of("nation", "region:" + c.region()));
                    children.computeIfAbsent("nation", k -> new TreeSet<>()).add(m);
                    children.computeIfAbsent("region:" + c.region(), k -> new TreeSet<>()).add(m);
                }
                if (c.unit() != null) {
                    scopes.add("unit:" + c.unit());
                    children.computeIfAbsent(m, k -> new TreeSet<>()).add("unit:" + c.unit());
                }
            }
            for (Client c : clients) {
                String m = "municipality:" + c.municipality();
                if (c.unit() == null && children.containsKey(m)) {
                    scopes.add("rest:" + c.municipality());
                    children.get(m).add("rest:" + c.municipality());
                }
            }
            List<String> items = new ArrayList<>();
            List<String> rows = new ArrayList<>(List.of("all"));
            interventions.forEach(i -> rows.add("int:" + i));
            for (String row : rows) {
                for (String sex : List.of("T", "K", "M")) {
                    items.add(row + "/" + sex);
                }
            }
            for (int b = 0; b < bins; b++) {
                items.add("before/" + b);
                items.add("after/" + b);
            }
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Map<Cell, Variable> x = new LinkedHashMap<>();
            for (String scope : scopes) {
                for (String item : items) {
                    Cell cell = new Cell(scope, item);
                    int n = counts.getOrDefault(cell, 0);
                    // a hidden empty cell is taken as known: the stronger attacker
                    x.put(cell, hidden.contains(cell) && n > 0
                            ? model.newVariable(cell.toString()).lower(1)
                            : model.newVariable(cell.toString()).level(n));
                }
            }
            x.get(target).weight(1);
            int[] index = {0};
            for (String scope : scopes) {
                for (String row : rows) {
                    equation(model, index, x.get(new Cell(scope, row + "/T")),
                            List.of(x.get(new Cell(scope, row + "/K")), x.get(new Cell(scope, row + "/M"))));
                }
                for (String series : List.of("before/", "after/")) {
                    List<Variable> parts = new ArrayList<>();
                    for (int b = 0; b < bins; b++) {
                        parts.add(x.get(new Cell(scope, series + b)));
                    }
                    equation(model, index, x.get(new Cell(scope, "all/T")), parts);
                }
                for (String sex : List.of("T", "K", "M")) {
                    Expression sum = model.newExpression("s" + index[0]++).lower(0);
                    sum.set(x.get(new Cell(scope, "all/" + sex)), -1);
                    for (String i : interventions) {
                        Variable v = x.get(new Cell(scope, "int:" + i + "/" + sex));
                        sum.set(v, 1);
                        model.newExpression("u" + index[0]++).upper(0).set(v, 1).set(x.get(new Cell(scope, "all/" + sex)), -1);
                    }
                }
            }
            children.forEach((parent, kids) -> {
                for (String item : items) {
                    List<Variable> parts = new ArrayList<>();
                    kids.forEach(k -> parts.add(x.get(new Cell(k, item))));
                    equation(model, index, x.get(new Cell(parent, item)), parts);
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

        /** parent = Σ parts */
        private static void equation(ExpressionsBasedModel model, int[] index, Variable parent, List<Variable> parts) {
            Expression e = model.newExpression("e" + index[0]++).level(0);
            e.set(parent, 1);
            parts.forEach(p -> e.set(p, -1));
        }
    }
}
