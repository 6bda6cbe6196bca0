package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An attacker with a linear-programming solver over several publications at once, written for the
 * tests apart from the engine: every cell is a named variable, a published cell is fixed at its
 * published count, a hidden cell lies between its lower bound (1 for a count that is never hidden
 * when empty, 0 for one that may be) and infinity, and every relation, sum or inequality, holds.
 * For each target it minimises and maximises that cell over the whole system (no splitting into
 * parts) and gives the interval rounded inwards to whole counts.
 */
final class JointAttack {

    /**
     * "Infinity" for a hidden count, far above any count of the demo (the nation's are in the
     * thousands). Kept small enough for the solver: with 1e9, ojalgo 55 reported a maximum that
     * only the cap bounds (a hidden nation cell freed by an inequality) as INFEASIBLE, where the
     * minimum of the same system was found.
     */
    private static final double CAP = 1e6;

    private final Map<String, Integer> published = new LinkedHashMap<>();
    private final Map<String, Integer> hidden = new LinkedHashMap<>();
    private final List<Map<String, Integer>> equalities = new ArrayList<>();
    private final List<Map<String, Integer>> atMostZero = new ArrayList<>();

    /** A cell the attacker reads: fixed at {@code n}. */
    JointAttack published(String cell, int n) {
        published.put(cell, n);
        hidden.remove(cell);
        return this;
    }

    /** A cell the attacker does not read, known to be at least {@code low}. */
    JointAttack hidden(String cell, int low) {
        if (!published.containsKey(cell)) {
            hidden.put(cell, low);
        }
        return this;
    }

    boolean known(String cell) {
        return published.containsKey(cell) || hidden.containsKey(cell);
    }

    boolean isHidden(String cell) {
        return hidden.containsKey(cell);
    }

    /** parent = Σ children; a cell that is neither published nor hidden is 0. */
    JointAttack sum(String parent, List<String> children) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        terms.merge(parent, 1, Integer::sum);
        children.forEach(c -> terms.merge(c, -1, Integer::sum));
        equalities.add(terms);
        return this;
    }

    /** Σ parts ≤ whole... written as small ≤ Σ large. */
    JointAttack atMost(String small, List<String> large) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        terms.merge(small, 1, Integer::sum);
        large.forEach(c -> terms.merge(c, -1, Integer::sum));
        atMostZero.add(terms);
        return this;
    }

    /** The hidden cells. */
    Set<String> hiddenCells() {
        return new LinkedHashSet<>(hidden.keySet());
    }

    /** The attacker's interval [low, high] of one hidden cell; high is infinite when unbounded. */
    double[] bounds(String target) {
        return new double[] {Math.ceil(solve(target, false) - 1e-6), highOf(solve(target, true))};
    }

    private static double highOf(double high) {
        return high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6);
    }

    /** ADR 0015: the interval spans at least threshold − 1 and reaches the threshold. */
    static boolean protects(double[] bounds, int threshold) {
        return bounds[1] - bounds[0] >= threshold - 1 && bounds[1] >= threshold;
    }

    /**
     * One solution that maximises Σ weight × cell over the whole system: the value of every hidden
     * cell in it. Every value is feasible, so a cell found at v shows that the attacker's upper bound
     * is at least v (used to prove many intervals wide at once before bounding the rest one by one).
     *
     * With {@code goals}, each of those cells is held at most at its goal: a solution of that system
     * is one of the whole system too, and the solver is not led to the cap of "infinity" (ojAlgo 55
     * called such a batch infeasible).
     *
     * @param weights a positive weight of each hidden cell in the objective
     * @param goals   an upper bound of some hidden cells for this programme only
     * @throws IllegalStateException when the system has no solution (a relation or goal written is untrue)
     */
    Map<String, Double> maximum(Map<String, Double> weights, Map<String, Integer> goals) {
        return solution(weights, goals, true);
    }

    /**
     * One solution that maximises or minimises Σ weight × cell over the hidden cells alone (the
     * published counts on the right-hand sides), some cells held at most at a cap for this programme
     * only: the value of every hidden cell in it. Any solution of the capped system is one of the
     * whole system, so each value is a point of the attacker's interval of that cell.
     *
     * @param weights  a weight of each hidden cell in the objective (absent: 0)
     * @param caps     an upper bound of some hidden cells for this programme only; must not cut off
     *                 the true counts, or the programme may have no solution
     * @param maximise true to maximise, false to minimise
     * @return every hidden cell's value in the solution, in the order the cells were declared
     * @throws IllegalStateException when the (capped) system has no solution
     */
    Map<String, Double> solution(Map<String, Double> weights, Map<String, Integer> caps, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> variables = model(model, true);
        weights.forEach((cell, w) -> variables.get(cell).weight(w));
        caps.forEach((cell, cap) -> variables.get(cell).upper(Math.min(cap, CAP)));
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("infeasible " + (maximise ? "maximum" : "minimum") + " of "
                    + (weights.size() == 1 ? weights.keySet().iterator().next() : weights.size() + " cells") + ": "
                    + result.getState());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        int index = 0;
        for (String cell : variables.keySet()) {
            values.put(cell, result.doubleValue(index++));
        }
        return values;
    }

    /**
     * The relations (and published cells) that the given counts break, in words: empty when every
     * relation written holds for the true counts.
     *
     * @param counts the true count of each cell; an absent cell counts 0
     */
    List<String> untrue(Map<String, Integer> counts) {
        List<String> untrue = new ArrayList<>();
        published.forEach((cell, n) -> {
            if (counts.getOrDefault(cell, 0) != n.intValue()) {
                untrue.add(cell + " published " + n + ", counts " + counts.getOrDefault(cell, 0));
            }
        });
        hidden.forEach((cell, low) -> {
            if (counts.getOrDefault(cell, 0) < low) {
                untrue.add(cell + " hidden at least " + low + ", counts " + counts.getOrDefault(cell, 0));
            }
        });
        for (Map<String, Integer> terms : equalities) {
            if (value(terms, counts) != 0) {
                untrue.add("untrue sum " + terms);
            }
        }
        for (Map<String, Integer> terms : atMostZero) {
            if (value(terms, counts) > 0) {
                untrue.add("untrue inequality " + terms);
            }
        }
        return untrue;
    }

    private long value(Map<String, Integer> terms, Map<String, Integer> counts) {
        long sum = 0;
        for (Map.Entry<String, Integer> t : terms.entrySet()) {
            if (known(t.getKey())) {
                sum += (long) t.getValue() * counts.getOrDefault(t.getKey(), 0);
            }
        }
        return sum;
    }

    /**
     * As {@link #bounds}, with the published counts moved to the right-hand sides so that only the
     * hidden cells are variables: the same system and interval, a smaller programme.
     */
    double[] boundsOverHidden(String target) {
        return new double[] {Math.ceil(solve(target, false, true, null) - 1e-6) + 0.0,
            highOf(solve(target, true, true, null))};
    }

    private double solve(String target, boolean maximise) {
        return solve(target, maximise, false, null);
    }

    private double solve(String target, boolean maximise, boolean overHidden, Integer goal) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> variables = model(model, overHidden);
        variables.get(target).weight(1);
        if (goal != null) {
            variables.get(target).upper(Math.min(goal, CAP));
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? CAP : 0;
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("infeasible attack on " + target);
        }
        return result.getValue();
    }

    /**
     * Every cell a variable of {@code model} (published first, then hidden, in order) under every
     * relation; with {@code overHidden} only the hidden cells, the published counts on the right-hand
     * sides and the relations without a hidden cell left out.
     */
    private Map<String, Variable> model(ExpressionsBasedModel model, boolean overHidden) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        if (!overHidden) {
            published.forEach((cell, n) -> variables.put(cell, model.newVariable("v" + variables.size()).level(n)));
        }
        hidden.forEach((cell, low) -> variables.put(cell, model.newVariable("v" + variables.size()).lower(low).upper(CAP)));
        int index = 0;
        for (Map<String, Integer> terms : equalities) {
            if (!overHidden) {
                set(model.newExpression("e" + index++).level(0), terms, variables);
            } else if (terms.keySet().stream().anyMatch(hidden::containsKey)) {
                set(model.newExpression("e" + index++).level(-constant(terms)), terms, variables);
            }
        }
        for (Map<String, Integer> terms : atMostZero) {
            if (!overHidden) {
                set(model.newExpression("e" + index++).upper(0), terms, variables);
            } else if (terms.keySet().stream().anyMatch(hidden::containsKey)) {
                set(model.newExpression("e" + index++).upper(-constant(terms)), terms, variables);
            }
        }
        return variables;
    }

    /** Σ k × published count over the published cells of one relation. */
    private long constant(Map<String, Integer> terms) {
        long sum = 0;
        for (Map.Entry<String, Integer> t : terms.entrySet()) {
            Integer n = published.get(t.getKey());
            if (n != null) {
                sum += (long) t.getValue() * n;
            }
        }
        return sum;
    }

    private static void set(Expression e, Map<String, Integer> terms, Map<String, Variable> variables) {
        terms.forEach((cell, k) -> {
            Variable v = variables.get(cell);
            if (v != null && k != 0) {
                e.set(v, k);
            }
        });
    }
}
