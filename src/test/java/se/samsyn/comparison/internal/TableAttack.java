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
 * An attacker with a linear-programming solver, written for the tests apart from the engine's
 * {@link DisclosureBounds}: every cell that exists is a variable, a published cell is fixed at its
 * published count, a hidden cell is at least 1 (zero is always shown), and every relation holds.
 * For each hidden cell it minimises and maximises that cell over the whole system at once (no
 * splitting into parts) and reports the interval rounded inwards to whole counts.
 */
final class TableAttack {

    private static final double CAP = 1e9;

    private TableAttack() {
    }

    /** The attacker's interval for one hidden cell; high is infinite when unbounded. */
    record Bound(Cell cell, long low, double high) {

        /** ADR 0015: at least threshold − 1 wide, and not inside 1 … threshold − 1. */
        boolean protects(int threshold) {
            return high - low >= threshold - 1 && !(low >= 1 && high <= threshold - 1);
        }
    }

    /**
     * @param counts    the published count of every published cell that exists
     * @param hidden    the hidden cells (they exist; their counts are unknown to the attacker)
     * @param relations parent = sum of children; a child that is neither published nor hidden
     *                  does not exist and counts 0; a relation without an existing child or parent
     *                  is not published and is ignored
     */
    static List<Bound> attack(Map<Cell, Integer> counts, Set<Cell> hidden, Collection<Relation> relations) {
        List<Bound> bounds = new ArrayList<>();
        for (Cell target : hidden) {
            double low = solve(counts, hidden, relations, target, false);
            double high = solve(counts, hidden, relations, target, true);
            bounds.add(new Bound(target, (long) Math.ceil(low - 1e-6),
                    high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6)));
        }
        return bounds;
    }

    /** The hidden cells whose interval is narrower than the protection level, with their intervals. */
    static List<Bound> exposed(Map<Cell, Integer> counts, Set<Cell> hidden, Collection<Relation> relations,
                               int threshold) {
        return attack(counts, hidden, relations).stream().filter(b -> !b.protects(threshold)).toList();
    }

    private static double solve(Map<Cell, Integer> counts, Set<Cell> hidden, Collection<Relation> relations,
                                Cell target, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Cell, Variable> variables = new LinkedHashMap<>();
        counts.forEach((cell, n) -> variables.put(cell, model.newVariable("p" + variables.size()).level(n)));
        for (Cell cell : hidden) {
            variables.put(cell, model.newVariable("h" + variables.size()).lower(1).upper(CAP));
        }
        variables.get(target).weight(1);
        int index = 0;
        Map<Cell, Boolean> exists = new HashMap<>();
        variables.keySet().forEach(c -> exists.put(c, true));
        for (Relation r : relations) {
            List<Cell> children = r.children().stream().filter(exists::containsKey).toList();
            if (!exists.containsKey(r.parent()) || children.isEmpty()) {
                continue;
            }
            Expression e = model.newExpression("r" + index++).level(0);
            e.set(variables.get(r.parent()), 1);
            for (Cell child : children) {
                e.set(variables.get(child), -1);
            }
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? CAP : 1;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("infeasible attack on " + target);
        }
        return result.getValue();
    }
}
