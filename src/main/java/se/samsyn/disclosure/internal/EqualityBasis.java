package se.samsyn.disclosure.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.Relation;

/**
 * Gaussian elimination of a part's equalities over its unknowns, with sparse rows: which
 * equalities are implied by the ones before them ({@link LinearAttack#independent}). A relation
 * holds a handful of cells, so a row has few non-zero entries; the dense elimination it replaces
 * subtracted every basis row from every row over every column (about equalities × unknowns² steps:
 * most of a round's time on a joint system of some 500 unknowns, ADR 0015). The steps are the
 * same as the dense one's on its non-zero entries, in the same order: each row is reduced by the
 * basis rows in the order they were found, each only when the row's entry at that row's pivot
 * exceeds the tolerance; the pivot is the first column (in the unknowns' order) whose entry
 * exceeds it, and the row is divided by it. A step the dense elimination also takes on a zero
 * entry of a basis row leaves the row's entry as it was (x − f·0 = x), so the kept equalities are
 * exactly the same, rounding included.
 */
final class EqualityBasis {

    private final double tolerance;
    private final Map<Cell, Integer> column = new HashMap<>();
    /** The basis rows (column → entry, pivot entry 1) in the order they were found. */
    private final List<TreeMap<Integer, Double>> basis = new ArrayList<>();
    /** The pivot column of each basis row (entries before it are at most the tolerance). */
    private final List<Integer> pivots = new ArrayList<>();
    /** The basis row whose pivot each pivot column is. */
    private final Map<Integer, Integer> pivotOf = new HashMap<>();

    /**
     * @param unknowns  the unknowns in column order; terms of other cells are left out of the rows
     * @param tolerance an entry of at most this size counts as zero
     */
    EqualityBasis(List<Cell> unknowns, double tolerance) {
        this.tolerance = tolerance;
        unknowns.forEach(c -> column.put(c, column.size()));
    }

    /**
     * Reduces the equality's row over the unknowns by the basis and, when something is left, adds
     * it to the basis.
     *
     * @return true when the equality is independent of the ones added before (it is kept), false
     *         when it follows from them (or holds no unknown)
     */
    boolean add(Relation equality) {
        TreeMap<Integer, Double> row = new TreeMap<>();
        equality.terms().forEach((c, k) -> {
            Integer i = column.get(c);
            if (i != null) {
                row.merge(i, (double) k, Double::sum);
            }
        });
        // the basis rows to subtract, in the order they were found: those whose pivot the row holds,
        // and those found later whose pivot a subtraction fills in
        TreeSet<Integer> due = new TreeSet<>();
        row.keySet().forEach(c -> {
            Integer b = pivotOf.get(c);
            if (b != null) {
                due.add(b);
            }
        });
        while (!due.isEmpty()) {
            int b = due.pollFirst();
            TreeMap<Integer, Double> base = basis.get(b);
            int pivot = pivots.get(b);
            double factor = row.getOrDefault(pivot, 0.0);
            if (Math.abs(factor) > tolerance) {
                for (Map.Entry<Integer, Double> e : base.entrySet()) {
                    int c = e.getKey();
                    Double old = row.get(c);
                    row.put(c, (old == null ? 0.0 : old) - factor * e.getValue());
                    if (old == null) {
                        Integer later = pivotOf.get(c);
                        if (later != null && later > b) {
                            due.add(later);
                        }
                    }
                }
            }
        }
        Integer pivot = null;
        for (Map.Entry<Integer, Double> e : row.entrySet()) {
            if (Math.abs(e.getValue()) > tolerance) {
                pivot = e.getKey();
                break;
            }
        }
        if (pivot == null) {
            return false;
        }
        double p = row.get(pivot);
        // the entries before the pivot are at most the tolerance: kept, as the dense row keeps them
        row.replaceAll((c, v) -> v / p);
        pivotOf.put(pivot, basis.size());
        pivots.add(pivot);
        basis.add(row);
        return true;
    }
}
