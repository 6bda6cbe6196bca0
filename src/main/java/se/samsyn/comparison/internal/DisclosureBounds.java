package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * What an attacker can learn about each hidden count of one indicator and year from everything
 * published (ADR 0015): for every hidden cell, the smallest and largest value it can take given
 * every published count, every additive relation ({@link Relation}: T = K + M, a region, the
 * nation or a kommungrupp = the sum of its municipalities) and that a hidden count is at least 1
 * (a count of 0 is always shown, and suppression never hides one, so ".." means at least 1).
 * Each bound is one linear programme (ojAlgo), over the hidden cells only, with the published
 * counts moved to the right-hand side. Hidden cells that share no relation are independent, so the
 * programmes are solved per connected group of hidden cells, which keeps them small.
 *
 * <p>The linear relaxation is used: the integer bounds are the LP bounds rounded inwards, so the
 * LP interval is never narrower than what an integer attacker gets. Plain Java, without Spring.
 */
final class DisclosureBounds {

    /** Any hidden count is at most this; a bound at or beyond it is reported as unbounded. */
    static final double CAP = 1e9;

    private static final double TOLERANCE = 1e-6;

    private DisclosureBounds() {
    }

    /**
     * The interval an attacker can derive for one hidden count, rounded inwards to whole counts;
     * {@code high} is {@link Double#POSITIVE_INFINITY} when nothing bounds it from above.
     */
    record Interval(double low, double high) {

        /** The number of whole counts between the bounds, less one (0 = the count is exact). */
        double width() {
            return high - low;
        }

        /**
         * Whether the interval meets the protection level of ADR 0015 for a threshold t: it spans
         * at least t − 1 (so at least t possible counts, as many as "0 to t − 1"), and it does not
         * lie inside 1 … t − 1, which would say "a small group, but not none".
         */
        boolean protects(int threshold) {
            return width() >= threshold - 1 && !(low >= 1 && high <= threshold - 1);
        }
    }

    /**
     * The attacker's interval for every hidden cell: two linear programmes per cell.
     *
     * @param bases     the count (n) of every existing cell; a cell not in the map does not exist (0)
     * @param hidden    the hidden cells; every other existing cell is published
     * @param relations the additive relations; children that do not exist count as 0, and a
     *                  relation whose parent does not exist, or whose children all do not exist
     *                  (a total without a breakdown), says nothing and is left out
     * @return the interval of every hidden cell, in the order of {@code hidden}
     */
    static Map<Cell, Interval> of(Map<Cell, Integer> bases, Set<Cell> hidden, Collection<Relation> relations) {
        List<Relation> live = live(bases, relations);
        Map<Cell, Interval> bounds = new LinkedHashMap<>();
        for (Part part : parts(hidden, live, hidden)) {
            for (Cell cell : part.cells()) {
                bounds.put(cell, new Interval(solve(bases, hidden, part, Map.of(cell, 1.0), false).get(cell),
                        solve(bases, hidden, part, Map.of(cell, 1.0), true).get(cell)));
            }
        }
        Map<Cell, Interval> ordered = new LinkedHashMap<>();
        hidden.forEach(c -> ordered.put(c, rounded(bounds.get(c))));
        return ordered;
    }

    /**
     * The cells among {@code candidates} that do not meet the protection level for the threshold,
     * with their intervals, tightest first; the same answer as filtering {@link #of} but much
     * cheaper. A cell is protected if some solution of the published system gives it at least its
     * true count plus threshold − 1 (and at least the threshold): its interval then reaches from at
     * most the true count to at least that. Such solutions are found for many cells at once by
     * maximising their sum; only the cells left over get their own two programmes.
     *
     * @param bases the true count of every existing cell, hidden or not
     */
    static Map<Cell, Interval> exposed(Map<Cell, Integer> bases, Set<Cell> hidden, Collection<Relation> relations,
                                       int threshold, Set<Cell> candidates) {
        List<Relation> live = live(bases, relations);
        Map<Cell, Interval> exposed = new LinkedHashMap<>();
        for (Part part : parts(hidden, live, candidates)) {
            Set<Cell> open = new LinkedHashSet<>(part.cells());
            open.retainAll(candidates);
            while (!open.isEmpty()) {
                Map<Cell, Double> weights = new HashMap<>();
                open.forEach(c -> weights.put(c, 1.0));
                Map<Cell, Double> point = solve(bases, hidden, part, weights, true);
                if (!open.removeIf(c -> reaches(point.get(c), bases.get(c), threshold))) {
                    break;
                }
            }
            for (Cell cell : open) {
                double high = solve(bases, hidden, part, Map.of(cell, 1.0), true).get(cell);
                if (reaches(high, bases.get(cell), threshold)) {
                    continue;
                }
                Interval interval = rounded(new Interval(solve(bases, hidden, part, Map.of(cell, 1.0), false).get(cell), high));
                if (!interval.protects(threshold)) {
                    exposed.put(cell, interval);
                }
            }
        }
        Map<Cell, Interval> ordered = new LinkedHashMap<>();
        exposed.entrySet().stream().sorted(Comparator.comparingDouble(e -> e.getValue().width()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static boolean reaches(double value, int truth, int threshold) {
        return value + TOLERANCE >= truth + threshold - 1 && value + TOLERANCE >= threshold;
    }

    private static Interval rounded(Interval raw) {
        return new Interval(Math.ceil(raw.low() - TOLERANCE),
                raw.high() >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(raw.high() + TOLERANCE));
    }

    /** A connected group of hidden cells and the relations that hold any of them. */
    private record Part(List<Cell> cells, List<Relation> relations) {
    }

    /** The connected groups of hidden cells that hold at least one of {@code wanted}. */
    private static List<Part> parts(Set<Cell> hidden, List<Relation> live, Set<Cell> wanted) {
        Map<Cell, Cell> root = new HashMap<>();
        hidden.forEach(c -> root.put(c, c));
        for (Relation r : live) {
            Cell first = null;
            for (Cell c : cellsOf(r)) {
                if (hidden.contains(c)) {
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
            cells.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(c);
        }
        Map<Cell, List<Relation>> relations = new HashMap<>();
        for (Relation r : live) {
            cellsOf(r).stream().filter(hidden::contains).findFirst()
                    .ifPresent(c -> relations.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(r));
        }
        List<Part> parts = new ArrayList<>();
        cells.forEach((key, members) -> {
            if (members.stream().anyMatch(wanted::contains)) {
                parts.add(new Part(members, independent(members, relations.getOrDefault(key, List.of()))));
            }
        });
        return parts;
    }

    /**
     * The relations less those implied by the others (T = K + M in every area follows from the
     * sums per sex, for example). The solver reported feasible systems with such redundant
     * equations as infeasible, so they are left out; the solutions stay the same.
     */
    private static List<Relation> independent(List<Cell> unknowns, List<Relation> relations) {
        Map<Cell, Integer> column = new HashMap<>();
        unknowns.forEach(c -> column.put(c, column.size()));
        List<double[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        List<Relation> kept = new ArrayList<>();
        for (Relation r : relations) {
            double[] row = new double[unknowns.size()];
            List<Cell> cells = cellsOf(r);
            for (int i = 0; i < cells.size(); i++) {
                Integer c = column.get(cells.get(i));
                if (c != null) {
                    row[c] += i == 0 ? 1 : -1;
                }
            }
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

    /** The relations restricted to existing cells, without those that say nothing. */
    static List<Relation> live(Map<Cell, Integer> bases, Collection<Relation> relations) {
        return relations.stream()
                .filter(r -> bases.containsKey(r.parent()))
                .map(r -> new Relation(r.parent(), r.children().stream().filter(bases::containsKey).toList()))
                .filter(r -> !r.children().isEmpty())
                .toList();
    }

    /**
     * Optimises the weighted sum of a part's hidden cells over the published system and returns
     * the value of every hidden cell at the optimum; an unbounded maximum gives {@link #CAP}.
     */
    private static Map<Cell, Double> solve(Map<Cell, Integer> bases, Set<Cell> hidden, Part part,
                                           Map<Cell, Double> weights, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Cell, Variable> variables = new LinkedHashMap<>();
        for (Cell c : part.cells()) {
            // the solver works on y = x − 1 ≥ 0, the count less the 1 it is known to hold
            Variable v = model.newVariable("x" + variables.size()).lower(0).upper(CAP);
            Double weight = weights.get(c);
            if (weight != null) {
                v.weight(weight);
            }
            variables.put(c, v);
        }
        int index = 0;
        for (Relation r : part.relations()) {
            Expression e = model.newExpression("r" + index++);
            long constant = 0;
            List<Cell> cells = cellsOf(r);
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int sign = i == 0 ? 1 : -1;
                Variable v = variables.get(c);
                if (v != null) {
                    e.set(v, sign);
                    constant -= sign;
                } else if (!hidden.contains(c)) {
                    constant -= (long) sign * bases.getOrDefault(c, 0);
                }
            }
            e.level(constant);
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        Map<Cell, Double> values = new HashMap<>();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            // with every cell capped this should not happen; claim nothing for a sum of several cells
            weights.keySet().forEach(c -> values.put(c, weights.size() > 1 ? Double.NaN : maximise ? CAP : 1));
            return values;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("The published cells contradict their relations: " + result.getState() + " over " + part.cells().size() + " cells, weights " + weights.size() + (maximise ? " max" : " min"));
        }
        int i = 0;
        for (Cell c : variables.keySet()) {
            values.put(c, result.doubleValue(i++) + 1);
        }
        return values;
    }

    private static List<Cell> cellsOf(Relation r) {
        List<Cell> cells = new ArrayList<>(r.children().size() + 1);
        cells.add(r.parent());
        cells.addAll(r.children());
        return cells;
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
