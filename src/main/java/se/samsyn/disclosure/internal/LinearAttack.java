package se.samsyn.disclosure.internal;

import java.util.ArrayList;
import java.util.Collection;
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
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.Interval;
import se.samsyn.disclosure.Relation;

/**
 * The attacker's linear programmes (ojAlgo, linear relaxation): every hidden non-zero count is a
 * variable of at least 1, every other count a constant (its true value; a hidden zero is taken as
 * known, which can only over-protect). Hidden cells that share no relation are independent, so the
 * programmes are solved per connected part of the hidden cells. Every solution of the whole system
 * found on the way (the true counts first) widens the range each open cell is known to take
 * ({@code Hull}); a cell whose range is wide enough is protected. In a part of more than 24 cells
 * (and at most {@value #DIRECT}) the batch programme below is tried over the whole part first; then
 * a cell is decided within neighbourhoods of about 24, 96 and 384 cells around it: a
 * restriction (the other unknowns fixed at their true counts) can only prove it protected, a
 * relaxation (the relations that reach outside left out) only exposed. What they leave is checked
 * over the whole part: a batch programme maximises the sum of min(cell, the count that proves it)
 * over the open cells, then each cell left gets its maximum and minimum. The answer is the same as
 * over the whole part alone; ADR 0015 gives measured times.
 */
public final class LinearAttack {

    /** A bound at or beyond this counts as unbounded. */
    public static final double CAP = 1e9;

    private static final double TOLERANCE = 1e-6;

    private LinearAttack() {
    }

    /** The interval of every hidden non-zero cell: two programmes per cell. */
    public static Map<Cell, Interval> bounds(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations) {
        Map<Cell, Interval> bounds = new LinkedHashMap<>();
        for (Part part : Part.of(counts, hidden, relations, hidden)) {
            for (Cell cell : part.cells()) {
                bounds.put(cell, interval(counts, part, cell));
            }
        }
        return bounds;
    }

    /**
     * The cells among {@code candidates} that miss the protection level, with their intervals (the
     * exact ones, or for a cell a neighbourhood's relaxation finds exposed that relaxation's, which
     * is at least as wide). A cell is protected if two solutions of the system, one with it low and
     * one with it high, span the protection level; see the class comment for how they are found.
     */
    public static Map<Cell, Interval> exposed(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations,
                                              int threshold, Set<Cell> candidates) {
        Map<Cell, Interval> exposed = new LinkedHashMap<>();
        for (Part part : Part.of(counts, hidden, relations, candidates)) {
            exposed.putAll(exposed(counts, part, threshold, candidates));
        }
        return exposed;
    }

    static Map<Cell, Interval> exposed(Map<Cell, Integer> counts, Part part, int threshold, Collection<Cell> candidates) {
        Set<Cell> open = new LinkedHashSet<>(part.cells());
        open.retainAll(candidates);
        Map<Cell, Interval> exposed = new LinkedHashMap<>();
        Hull hull = new Hull(counts, threshold, open);
        if (part.cells().size() > NEIGHBOURHOODS[0]) {
            if (part.cells().size() <= DIRECT) {
                // one programme over the whole part often proves most cells at once (ADR 0015: the
                // joint system of an indicator and its report proved in about a dozen)
                batch(counts, part, hull, open);
            }
            Neighbourhoods around = new Neighbourhoods(part);
            for (int size : NEIGHBOURHOODS) {
                if (size >= part.cells().size() || open.isEmpty()) {
                    break;
                }
                local(counts, around, size, hull, open, exposed);
            }
        }
        exposed.putAll(whole(counts, part, hull, open));
        return exposed;
    }

    /**
     * The sizes of the neighbourhoods a cell is checked in before its whole part (ADR 0015): a cell
     * that none of them decides is checked over its whole part.
     */
    private static final int[] NEIGHBOURHOODS = {24, 96, 384};

    /**
     * Decides what it can of the {@code open} cells within neighbourhoods of about {@code size}
     * cells, and removes what it decides from {@code open}; the exposed ones go into {@code exposed}.
     * A neighbourhood is checked twice. As a <em>restriction</em>: its cells free, every other
     * unknown fixed at its true count, every relation that holds one of its cells kept; every
     * solution is a solution of the whole system, so it goes into the {@link Hull} and proves what
     * it can. As a <em>relaxation</em>: its cells free, only the relations among its cells and
     * published counts kept; every solution of the whole system is one of it, so a cell whose
     * interval there misses the protection level is exposed (the interval reported is the
     * relaxation's, at least as wide as the true one). A cell neither decides is left open for a
     * larger neighbourhood.
     */
    private static void local(Map<Cell, Integer> counts, Neighbourhoods around, int size, Hull hull,
                              Set<Cell> open, Map<Cell, Interval> exposed) {
        Set<Cell> undecided = new LinkedHashSet<>();
        for (Cell cell : List.copyOf(open)) {
            if (!open.contains(cell)) {
                continue;
            }
            List<Cell> ball = around.ball(cell, size);
            Part restriction = around.restriction(ball);
            hull.see(solve(counts, restriction, Map.of(cell, 1.0), true), open);
            if (!open.contains(cell)) {
                continue;
            }
            hull.see(solve(counts, restriction, Map.of(cell, 1.0), false), open);
            if (!open.contains(cell)) {
                continue;
            }
            Part relaxation = around.relaxation(ball);
            Interval outer = rounded(solve(counts, relaxation, Map.of(cell, 1.0), false).get(cell),
                    solve(counts, relaxation, Map.of(cell, 1.0), true).get(cell));
            if (!outer.protects(hull.threshold)) {
                open.remove(cell);
                exposed.put(cell, outer);
            } else {
                undecided.add(cell);
            }
        }
        open.retainAll(undecided);
    }

    /**
     * The range of the counts over the solutions of the whole system found so far, per open cell,
     * beginning with the true counts (a solution too). A cell whose range is wide enough, rounded
     * inwards, is protected: two solutions, one with it low and one with it high, prove it.
     */
    private static final class Hull {

        private final int threshold;
        private final Map<Cell, double[]> range = new HashMap<>();

        Hull(Map<Cell, Integer> counts, int threshold, Set<Cell> open) {
            this.threshold = threshold;
            open.forEach(c -> range.put(c, new double[] {count(counts, c), count(counts, c)}));
        }

        /** Takes in one solution of the whole system and removes the cells it proves from {@code open}. */
        void see(Map<Cell, Double> point, Set<Cell> open) {
            point.forEach((c, v) -> {
                double[] r = range.get(c);
                if (r != null && !Double.isNaN(v)) {
                    r[0] = Math.min(r[0], v);
                    r[1] = Math.max(r[1], v);
                }
            });
            open.removeIf(c -> point.containsKey(c) && rounded(range.get(c)[0], range.get(c)[1]).protects(threshold));
        }

        Interval interval(Cell c) {
            return rounded(range.get(c)[0], range.get(c)[1]);
        }
    }

    /**
     * The check over the whole part, exact: first the most the open cells can reach together, each
     * counted only up to the count that proves it (its true count + threshold − 1, and at least
     * the threshold), repeated while it proves any; then each cell left on its own, whose optimum
     * also proves every other open cell it carries far enough.
     */
    private static Map<Cell, Interval> whole(Map<Cell, Integer> counts, Part part, Hull hull, Set<Cell> candidates) {
        Map<Cell, Interval> exposed = new LinkedHashMap<>();
        Set<Cell> open = new LinkedHashSet<>(candidates);
        batch(counts, part, hull, open);
        for (Cell cell : List.copyOf(open)) {
            if (!open.contains(cell)) {
                continue;
            }
            hull.see(solve(counts, part, Map.of(cell, 1.0), true), open);
            if (!open.contains(cell)) {
                continue;
            }
            hull.see(solve(counts, part, Map.of(cell, 1.0), false), open);
            if (open.remove(cell)) {
                // both optima seen: the range is the interval
                exposed.put(cell, hull.interval(cell));
            }
        }
        return exposed;
    }

    /**
     * The batch programme over the whole part, repeated while it proves any: the most the open
     * cells can reach together, each counted only up to the count that proves it. Every optimum is
     * a solution of the whole system, so it only proves; it never finds a cell exposed.
     */
    private static void batch(Map<Cell, Integer> counts, Part part, Hull hull, Set<Cell> open) {
        while (!open.isEmpty()) {
            Map<Cell, Double> targets = new HashMap<>();
            open.forEach(c -> targets.put(c, target(count(counts, c), hull.threshold)));
            int before = open.size();
            hull.see(solve(counts, part, targets, true, true), open);
            if (open.size() == before) {
                break;
            }
        }
    }

    static Interval interval(Map<Cell, Integer> counts, Part part, Cell cell) {
        return rounded(solve(counts, part, Map.of(cell, 1.0), false).get(cell),
                solve(counts, part, Map.of(cell, 1.0), true).get(cell));
    }

    private static Interval rounded(double low, double high) {
        return new Interval(Math.ceil(low - TOLERANCE), high >= CAP - 1 ? Double.POSITIVE_INFINITY
                : Math.floor(high + TOLERANCE));
    }

    static int count(Map<Cell, Integer> counts, Cell c) {
        return counts.getOrDefault(c, 0);
    }

    /**
     * Optimises the weighted sum of a part's unknown cells over the published system; returns the
     * value of every unknown cell at the optimum ({@link #CAP} for an unbounded maximum of one cell,
     * NaN for an unbounded sum of several). Every other cell is a constant: its true count.
     *
     * @throws IllegalStateException when the published counts contradict the relations
     */
    static Map<Cell, Double> solve(Map<Cell, Integer> counts, Part part, Map<Cell, Double> weights, boolean maximise) {
        return solve(counts, part, weights, maximise, false);
    }

    /** The count that proves a cell protected: its true count + threshold − 1, and at least the threshold. */
    private static double target(int truth, int threshold) {
        return Math.max(truth + threshold - 1, threshold);
    }

    /**
     * As {@link #solve(Map, Part, Map, boolean)}; with {@code capped}, {@code weights} holds a
     * target count per cell and the sum of min(cell, target) is maximised (a variable z ≤ cell,
     * z ≤ target per cell), so that no cell is pushed beyond what proves it at the others' cost.
     */
    static Map<Cell, Double> solve(Map<Cell, Integer> counts, Part part, Map<Cell, Double> weights, boolean maximise,
                                   boolean capped) {
        if (part.cells().size() <= DIRECT) {
            Map<Cell, Double> values = direct(counts, part, weights, maximise, capped);
            if (values != null) {
                return values;
            }
        }
        return modelled(counts, part, weights, maximise, capped);
    }

    /** Up to this many unknowns, the programme goes to the simplex solver directly (dense rows). */
    private static final int DIRECT = 800;

    /**
     * As {@link #modelled}, built for ojAlgo's simplex solver directly: without the model's
     * presolve, which took most of the time of the small programmes of the neighbourhoods. Null
     * when that solver finds no optimum and no unbounded ray, so that the model answers instead.
     */
    private static Map<Cell, Double> direct(Map<Cell, Integer> counts, Part part, Map<Cell, Double> weights,
                                            boolean maximise, boolean capped) {
        Map<Cell, Integer> column = new HashMap<>();
        part.cells().forEach(c -> column.put(c, column.size()));
        List<Cell> capping = capped ? List.copyOf(weights.keySet()) : List.of();
        int n = column.size() + capping.size();
        double[] objective = new double[n];
        double sign = maximise ? -1 : 1;
        if (capped) {
            for (int k = 0; k < capping.size(); k++) {
                // unequal weights (fixed by the cell's place in the part): where raising one open
                // cell lowers another by as much, equal weights leave both at their true counts,
                // and the optimum proves neither; with unequal ones it moves them, and proves both
                objective[column.size() + k] = sign * (1 + spread(column.get(capping.get(k))));
            }
        } else {
            weights.forEach((c, w) -> objective[column.get(c)] = sign * w);
        }
        org.ojalgo.optimisation.linear.LinearSolver.Builder builder =
                org.ojalgo.optimisation.linear.LinearSolver.newBuilder().objective(objective).lower(0);
        for (int k = 0; k < capping.size(); k++) {
            // z ≤ y = x − 1 and z ≤ target − 1
            double[] row = new double[n];
            row[column.size() + k] = 1;
            row[column.get(capping.get(k))] = -1;
            builder.inequality(0, row);
            double[] cap = new double[n];
            cap[column.size() + k] = 1;
            builder.inequality(weights.get(capping.get(k)) - 1, cap);
        }
        // an inequality with one unknown bounds it: of several such bounds of a cell, only the
        // tightest above and the tightest below are rows (the others follow from them), and a
        // bound below of at most 0 follows from y ≥ 0 (ADR 0015: most rows of the joint system)
        double[] upper = new double[n];
        double[] lower = new double[n];
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        for (Relation r : part.relations()) {
            double[] row = new double[n];
            long rhs = 0;
            long truth = 0;
            int unknowns = 0;
            int last = -1;
            for (Map.Entry<Cell, Integer> t : r.terms().entrySet()) {
                int k = t.getValue();
                truth += (long) k * count(counts, t.getKey());
                Integer i = column.get(t.getKey());
                if (i != null) {
                    row[i] += k;
                    rhs -= k;
                    unknowns++;
                    last = i;
                } else {
                    rhs -= (long) k * count(counts, t.getKey());
                }
            }
            if (r.equality()) {
                builder.equality(rhs + truth, row);
            } else if (unknowns == 1 && row[last] > 0) {
                upper[last] = Math.min(upper[last], rhs / row[last]);
            } else if (unknowns == 1 && row[last] < 0) {
                lower[last] = Math.max(lower[last], rhs / row[last]);
            } else {
                builder.inequality(rhs, row);
            }
        }
        for (int i = 0; i < column.size(); i++) {
            if (upper[i] < Double.POSITIVE_INFINITY) {
                double[] row = new double[n];
                row[i] = 1;
                builder.inequality(upper[i], row);
            }
            if (lower[i] > 0) {
                double[] row = new double[n];
                row[i] = -1;
                builder.inequality(-lower[i], row);
            }
        }
        Optimisation.Result result = builder.build().solve();
        Map<Cell, Double> values = new HashMap<>();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            weights.keySet().forEach(c -> values.put(c, weights.size() > 1 ? Double.NaN : maximise ? CAP : 1));
            return values;
        }
        if (!result.getState().isOptimal()) {
            return null;
        }
        column.forEach((c, i) -> values.put(c, result.doubleValue(i) + 1));
        return values;
    }

    /** A number in 0 … 0.5 spread evenly over the places of a part's cells (the golden ratio's fraction). */
    private static double spread(int place) {
        double golden = 0.6180339887498949;
        return (place * golden - Math.floor(place * golden)) / 2;
    }

    /** As {@link #solve(Map, Part, Map, boolean, boolean)}, through ojAlgo's model (with its presolve). */
    private static Map<Cell, Double> modelled(Map<Cell, Integer> counts, Part part, Map<Cell, Double> weights,
                                              boolean maximise, boolean capped) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Cell, Variable> variables = new LinkedHashMap<>();
        for (Cell c : part.cells()) {
            // y = x − 1 ≥ 0: the count less the 1 it is known to hold
            Variable v = model.newVariable("x" + variables.size()).lower(0);
            Double weight = weights.get(c);
            if (weight != null && !capped) {
                v.weight(weight);
            }
            variables.put(c, v);
        }
        int index = 0;
        if (capped) {
            for (Map.Entry<Cell, Double> w : weights.entrySet()) {
                // z − y + s = 0 with z in 0 … target − 1 and a slack s ≥ 0: z ≤ y = x − 1
                Variable z = model.newVariable("z" + index).lower(0).upper(w.getValue() - 1).weight(1);
                model.newExpression("c" + index).set(z, 1).set(variables.get(w.getKey()), -1)
                        .set(model.newVariable("t" + index).lower(0), 1).level(0);
                index++;
            }
        }
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


    /**
     * The relations less the equalities implied by the others, restricted to the unknowns (the
     * solver has reported feasible systems with redundant equations as infeasible; the solutions
     * stay the same without them). Inequalities are all kept. An equality is kept when it is not
     * implied by the equalities kept before it ({@link EqualityBasis}, sparse Gaussian elimination).
     */
    static List<Relation> independent(List<Cell> unknowns, List<Relation> relations) {
        EqualityBasis basis = new EqualityBasis(unknowns, TOLERANCE);
        List<Relation> kept = new ArrayList<>();
        for (Relation r : relations) {
            if (!r.equality() || basis.add(r)) {
                kept.add(r);
            }
        }
        return kept;
    }
}
