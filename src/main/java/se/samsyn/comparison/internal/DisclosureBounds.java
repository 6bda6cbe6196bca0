package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * The attacker's interval for every hidden cell.
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
        Map<Cell, Cell> root = new HashMap<>();
        hidden.forEach(c -> root.put(c, c));
        for (Relation r : live) {
            Cell first = null;
            for (Cell c : cellsOf(r)) {
                if (hidden.contains(c)) {
                    if (first == null) {
                        first = c;
                    } else {
                        root.put(find(root, c), find(root, first));
                    }
                }
            }
        }
        Map<Cell, List<Cell>> components = new LinkedHashMap<>();
        for (Cell c : hidden) {
            components.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(c);
        }
        Map<Cell, Interval> bounds = new HashMap<>();
        for (List<Cell> component : components.values()) {
            Cell any = component.get(0);
            List<Relation> involved = live.stream()
                    .filter(r -> cellsOf(r).stream().anyMatch(c -> hidden.contains(c) && find(root, c).equals(find(root, any))))
                    .toList();
            for (Cell cell : component) {
                double low = solve(bases, hidden, component, involved, cell, false);
                double high = solve(bases, hidden, component, involved, cell, true);
                bounds.put(cell, new Interval(Math.ceil(low - TOLERANCE),
                        high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + TOLERANCE)));
            }
        }
        Map<Cell, Interval> ordered = new LinkedHashMap<>();
        hidden.forEach(c -> ordered.put(c, bounds.get(c)));
        return ordered;
    }

    /** The relations restricted to existing cells, without those that say nothing. */
    static List<Relation> live(Map<Cell, Integer> bases, Collection<Relation> relations) {
        return relations.stream()
                .filter(r -> bases.containsKey(r.parent()))
                .map(r -> new Relation(r.parent(), r.children().stream().filter(bases::containsKey).toList()))
                .filter(r -> !r.children().isEmpty())
                .toList();
    }

    private static double solve(Map<Cell, Integer> bases, Set<Cell> hidden, List<Cell> component,
                                List<Relation> relations, Cell target, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Cell, Variable> variables = new HashMap<>();
        for (Cell c : component) {
            Variable v = model.newVariable(c.area() + "_" + c.gender()).lower(1).upper(CAP);
            if (c.equals(target)) {
                v.weight(1);
            }
            variables.put(c, v);
        }
        int index = 0;
        for (Relation r : relations) {
            Expression e = model.newExpression("r" + index++);
            long constant = 0;
            List<Cell> cells = cellsOf(r);
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int sign = i == 0 ? 1 : -1;
                Variable v = variables.get(c);
                if (v != null) {
                    e.set(v, sign);
                } else if (!hidden.contains(c)) {
                    constant -= (long) sign * bases.getOrDefault(c, 0);
                }
            }
            e.level(constant);
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? CAP : 1;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("The published cells contradict their relations near " + target);
        }
        return result.getValue();
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
