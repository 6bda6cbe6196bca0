package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Secondary suppression of a set of published counts tied by linear relations, against an
 * attacker with a linear-programming solver (ADR 0015), in plain Java without Spring. Used for
 * the outcome reports of every scope at once ({@link OutcomeHierarchy}), so that a reader of
 * several scopes cannot combine them.
 *
 * <p>The attacker knows every published count, every relation, and that a hidden count is a whole
 * number of at least 1. A hidden cell whose true count is 0 (a hidden empty bin) is taken as known
 * to the attacker, which can only over-protect. The protection level: the interval the attacker
 * derives for a hidden count spans at least threshold − 1 and reaches at least the threshold.
 *
 * <p>The loop is the one of ADR 0015: attack every hidden cell (many at once by maximising the sum
 * of the open cells: a solution where a cell reaches its true count + threshold − 1, and at least
 * the threshold, proves its interval wide enough; the rest get their own two programmes); hide one
 * more published non-zero cell (smallest count, then by key) in a relation holding each exposed
 * cell, an equality before an inequality, the one with the fewest hidden cells first (a relation
 * with one hidden cell gives it away by subtraction), then the smallest; repeat. Hiding more only widens intervals, so each round re-checks only the cells
 * exposed last round and those just hidden. Every round hides at least one cell, so it ends.
 */
final class JointSuppression {

    /** Any hidden count is at most this; a bound at or beyond it counts as unbounded. */
    static final double CAP = 1e9;

    private static final double TOLERANCE = 1e-6;

    private JointSuppression() {
    }

    /** A published count: the report of a scope ("municipality:1280") and an item in it ("all/T"). */
    record Cell(String scope, String item) implements Comparable<Cell> {

        @Override
        public int compareTo(Cell o) {
            int c = scope.compareTo(o.scope);
            return c != 0 ? c : item.compareTo(o.item);
        }

        @Override
        public String toString() {
            return scope + " " + item;
        }
    }

    /**
     * A linear relation between cells: the sum of coefficient × count over {@code terms}, plus a
     * constant, is 0 ({@code equality}) or at most 0. For an equality the constant is whatever
     * makes the true counts satisfy it (the count of people in no published cell, such as clients
     * without a unit, taken as known to the attacker); an inequality has constant 0.
     */
    record Relation(Map<Cell, Integer> terms, boolean equality) {

        Relation {
            terms = Map.copyOf(terms);
        }

        static Relation sum(Cell parent, List<Cell> children) {
            Map<Cell, Integer> terms = new LinkedHashMap<>();
            terms.merge(parent, 1, Integer::sum);
            children.forEach(c -> terms.merge(c, -1, Integer::sum));
            return new Relation(terms, true);
        }

        /** small ≤ large */
        static Relation atMost(Cell small, Cell large) {
            return new Relation(Map.of(small, 1, large, -1), false);
        }
    }

    /**
     * The cells to hide: {@code primary} and as many more as the loop needs.
     *
     * @param counts    the true count of every cell (missing = 0)
     * @param primary   the cells hidden to begin with
     * @param relations the relations the attacker knows
     * @param threshold t of ADR 0015 (at least 1)
     * @return the hidden cells, {@code primary} included
     */
    static Set<Cell> protect(Map<Cell, Integer> counts, Set<Cell> primary, List<Relation> relations, int threshold) {
        Set<Cell> hidden = new LinkedHashSet<>(primary);
        Map<Cell, List<Relation>> relationsOf = new HashMap<>();
        for (Relation r : relations) {
            r.terms().keySet().forEach(c -> relationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        }
        Set<Cell> unchecked = new LinkedHashSet<>(hidden);
        while (true) {
            Set<Cell> exposed = exposed(counts, hidden, relations, threshold, unchecked);
            if (exposed.isEmpty()) {
                return hidden;
            }
            Set<Cell> extras = new LinkedHashSet<>();
            for (Cell cell : exposed) {
                relationsOf.getOrDefault(cell, List.of()).stream()
                        .sorted(Comparator.comparing((Relation r) -> !r.equality())
                                .thenComparingLong(r -> r.terms().keySet().stream().filter(hidden::contains).count())
                                .thenComparingInt(r -> r.terms().size()))
                        .map(r -> smallestPublished(r.terms().keySet(), hidden, counts))
                        .filter(Objects::nonNull)
                        .findFirst()
                        .ifPresent(extras::add);
            }
            if (extras.isEmpty()) {
                List<Cell> touching = new ArrayList<>();
                relations.stream().filter(r -> r.terms().keySet().stream().anyMatch(hidden::contains))
                        .forEach(r -> touching.addAll(r.terms().keySet()));
                Cell extra = smallestPublished(touching, hidden, counts);
                if (extra == null) {
                    // nothing left to hide next to a hidden cell: every interval is as wide as it gets
                    return hidden;
                }
                extras.add(extra);
            }
            hidden.addAll(extras);
            unchecked = new LinkedHashSet<>(exposed);
            unchecked.addAll(extras);
        }
    }

    /**
     * The interval [low, high] an attacker derives for every hidden non-zero cell, rounded inwards
     * to whole counts (high is infinite when unbounded). Two programmes per cell; for tests and
     * diagnostics, the loop uses the cheaper {@link #exposed}.
     */
    static Map<Cell, double[]> bounds(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations) {
        Map<Cell, double[]> bounds = new LinkedHashMap<>();
        for (Part part : parts(counts, hidden, relations, hidden)) {
            for (Cell cell : part.cells()) {
                double low = solve(counts, part, Map.of(cell, 1.0), false).get(cell);
                double high = solve(counts, part, Map.of(cell, 1.0), true).get(cell);
                bounds.put(cell, new double[] {Math.ceil(low - TOLERANCE),
                        high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + TOLERANCE)});
            }
        }
        return bounds;
    }

    /** The cells among {@code candidates} that do not meet the protection level. */
    static Set<Cell> exposed(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations, int threshold,
                             Set<Cell> candidates) {
        Set<Cell> exposed = new LinkedHashSet<>();
        for (Part part : parts(counts, hidden, relations, candidates)) {
            Set<Cell> open = new LinkedHashSet<>(part.cells());
            open.retainAll(candidates);
            while (!open.isEmpty()) {
                Map<Cell, Double> weights = new HashMap<>();
                open.forEach(c -> weights.put(c, 1.0));
                Map<Cell, Double> point = solve(counts, part, weights, true);
                if (!open.removeIf(c -> reaches(point.get(c), count(counts, c), threshold))) {
                    break;
                }
            }
            for (Cell cell : open) {
                double high = solve(counts, part, Map.of(cell, 1.0), true).get(cell);
                if (reaches(high, count(counts, cell), threshold)) {
                    continue;
                }
                double low = Math.ceil(solve(counts, part, Map.of(cell, 1.0), false).get(cell) - TOLERANCE);
                double top = high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + TOLERANCE);
                if (top - low < threshold - 1 || top < threshold) {
                    exposed.add(cell);
                }
            }
        }
        return exposed;
    }

    private static boolean reaches(double value, int truth, int threshold) {
        return value + TOLERANCE >= truth + threshold - 1 && value + TOLERANCE >= threshold;
    }

    private static int count(Map<Cell, Integer> counts, Cell c) {
        return counts.getOrDefault(c, 0);
    }

    /** A connected group of unknown cells (hidden and non-zero) and the relations that hold any of them. */
    private record Part(List<Cell> cells, List<Relation> relations) {
    }

    private static List<Part> parts(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations,
                                    Set<Cell> wanted) {
        Map<Cell, Cell> root = new HashMap<>();
        for (Cell c : hidden) {
            if (count(counts, c) > 0) {
                root.put(c, c);
            }
        }
        for (Relation r : relations) {
            Cell first = null;
            for (Cell c : r.terms().keySet()) {
                if (root.containsKey(c)) {
                    if (first == null) {
                        first = c;
                    } else {
                        Cell a = find(root, c);
                        Cell b = find(root, first);
                        if (!a.equals(b)) {
                            root.put(a, b);
                        }
                    }
                }
            }
        }
        Map<Cell, List<Cell>> cells = new LinkedHashMap<>();
        for (Cell c : hidden) {
            if (root.containsKey(c)) {
                cells.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Cell, List<Relation>> held = new HashMap<>();
        for (Relation r : relations) {
            r.terms().keySet().stream().filter(root::containsKey).findFirst()
                    .ifPresent(c -> held.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(r));
        }
        List<Part> parts = new ArrayList<>();
        cells.forEach((key, members) -> {
            if (members.stream().anyMatch(wanted::contains)) {
                parts.add(new Part(members, independent(members, held.getOrDefault(key, List.of()))));
            }
        });
        return parts;
    }

    /**
     * The relations less the equalities implied by the others (the solver has reported feasible
     * systems with redundant equations as infeasible; the solutions stay the same without them).
     * Inequalities are all kept.
     */
    private static List<Relation> independent(List<Cell> unknowns, List<Relation> relations) {
        Map<Cell, Integer> column = new HashMap<>();
        unknowns.forEach(c -> column.put(c, column.size()));
        List<double[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        List<Relation> kept = new ArrayList<>();
        for (Relation r : relations) {
            if (!r.equality()) {
                kept.add(r);
                continue;
            }
            double[] row = new double[unknowns.size()];
            r.terms().forEach((c, k) -> {
                Integer i = column.get(c);
                if (i != null) {
                    row[i] += k;
                }
            });
            for (int b = 0; b < basis.size(); b++) {
                double factor = row[pivots.get(b)];
                if (Math.abs(factor) > TOLERANCE) {
                    double[] base = basis.get(b);
                    for (int c = 0; c < row.length; c++) {
                        row[c] -= factor * base[c];
                    }
                }
            }
            int pivot = -1;
            for (int c = 0; c < row.length && pivot < 0; c++) {
                if (Math.abs(row[c]) > TOLERANCE) {
                    pivot = c;
                }
            }
            if (pivot >= 0) {
                double p = row[pivot];
                for (int c = 0; c < row.length; c++) {
                    row[c] /= p;
                }
                basis.add(row);
                pivots.add(pivot);
                kept.add(r);
            }
        }
        return kept;
    }

    /**
     * Optimises the weighted sum of a part's unknown cells over the published system; returns the
     * value of every unknown cell at the optimum. Every other cell is a constant: its true count.
     */
    private static Map<Cell, Double> solve(Map<Cell, Integer> counts, Part part, Map<Cell, Double> weights,
                                           boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Cell, Variable> variables = new LinkedHashMap<>();
        for (Cell c : part.cells()) {
            // y = x − 1 ≥ 0: the count less the 1 it is known to hold
            Variable v = model.newVariable("x" + variables.size()).lower(0);
            Double weight = weights.get(c);
            if (weight != null) {
                v.weight(weight);
            }
            variables.put(c, v);
        }
        int index = 0;
        for (Relation r : part.relations()) {
            Expression e = model.newExpression("r" + index++);
            // Σ k·x (+ c) {=, ≤} 0 with x = y + 1 for unknowns and the true count for the others
            long rhs = 0;
            long truth = 0;
            for (Map.Entry<Cell, Integer> t : r.terms().entrySet()) {
                int k = t.getValue();
                truth += (long) k * count(counts, t.getKey());
                Variable v = variables.get(t.getKey());
                if (v != null) {
                    e.set(v, k);
                    rhs -= k;
                } else {
                    rhs -= (long) k * count(counts, t.getKey());
                }
            }
            if (r.equality()) {
                // the constant is −truth, moved to the right-hand side
                e.level(rhs + truth);
            } else {
                // Σ k·y + s = rhs with a slack s ≥ 0: the solver has reported feasible systems
                // with the inequalities written as upper limits as infeasible
                e.set(model.newVariable("s" + index).lower(0), 1);
                e.level(rhs);
            }
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        Map<Cell, Double> values = new HashMap<>();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            weights.keySet().forEach(c -> values.put(c, weights.size() > 1 ? Double.NaN : maximise ? CAP : 1));
            return values;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("The published counts contradict their relations: " + result.getState()
                    + " over " + part.cells().size() + " cells");
        }
        int i = 0;
        for (Cell c : variables.keySet()) {
            values.put(c, result.doubleValue(i++) + 1);
        }
        return values;
    }

    private static Cell smallestPublished(java.util.Collection<Cell> cells, Set<Cell> hidden, Map<Cell, Integer> counts) {
        return cells.stream()
                .filter(c -> !hidden.contains(c) && count(counts, c) > 0)
                .min(Comparator.<Cell>comparingInt(c -> count(counts, c)).thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    private static Cell find(Map<Cell, Cell> root, Cell c) {
        Cell r = c;
        while (!root.get(r).equals(r)) {
            r = root.get(r);
        }
        Cell walk = c;
        while (!root.get(walk).equals(r)) {
            Cell next = root.get(walk);
            root.put(walk, r);
            walk = next;
        }
        return r;
    }
}
