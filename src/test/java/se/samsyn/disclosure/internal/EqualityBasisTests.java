package se.samsyn.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.Interval;
import se.samsyn.disclosure.Relation;

/**
 * The sparse elimination of {@link EqualityBasis} keeps exactly the equalities the dense one kept
 * before it, and the intervals over the kept ones are those worked out by hand.
 */
class EqualityBasisTests {

    private static Cell c(String item) {
        return new Cell("t", item);
    }

    /**
     * By hand: unknowns A, B, C, D (hidden, counts 2, 3, 1, 4); T = A + B (5), U = C + D (5),
     * W = A + B + C + D (10) follows from the two, A + C = 3 does not, T − U = A + B − C − D = 0
     * follows from the first two, and an inequality is always kept.
     */
    @Test
    void keepsTheIndependentEqualitiesAndTheIntervalsFollow() {
        Cell a = c("A"), b = c("B"), cc = c("C"), d = c("D"), t = c("T"), u = c("U"), w = c("W"), s = c("S");
        Map<Cell, Integer> counts = Map.of(a, 2, b, 3, cc, 1, d, 4, t, 5, u, 5, w, 10, s, 3);
        Relation first = Relation.sum(t, List.of(a, b));
        Relation second = Relation.sum(u, List.of(cc, d));
        Relation whole = Relation.sum(w, List.of(a, b, cc, d));
        Relation pair = Relation.sum(s, List.of(a, cc));
        Relation difference = new Relation(Map.of(a, 1, b, 1, cc, -1, d, -1), true);
        Relation atMost = Relation.atMost(a, b);
        List<Relation> relations = List.of(first, second, whole, pair, difference, atMost);
        List<Cell> unknowns = List.of(a, b, cc, d);

        assertThat(LinearAttack.independent(unknowns, relations)).containsExactly(first, second, pair, atMost);
        assertThat(dense(unknowns, relations)).containsExactly(first, second, pair, atMost);

        // A + B = 5, C + D = 5, A + C = 3, A ≤ B, all ≥ 1: A in 1 … 2 (A + C = 3, C ≥ 1; A ≤ B = 5 − A);
        // C = 3 − A in 1 … 2; B = 5 − A in 3 … 4; D = 5 − C in 3 … 4
        Map<Cell, Interval> bounds = LinearAttack.bounds(counts, Set.of(a, b, cc, d), relations);
        assertThat(bounds).containsEntry(a, new Interval(1, 2)).containsEntry(cc, new Interval(1, 2))
                .containsEntry(b, new Interval(3, 4)).containsEntry(d, new Interval(3, 4));
    }

    /**
     * Random sparse systems of the shape of the joint systems (sums of two to six cells with
     * coefficients ±1 and ±2, many implied, overlapping heavily): the same equalities kept as the
     * dense elimination, in the same order, on every one of them.
     */
    @Test
    void keepsWhatTheDenseEliminationKeptOnRandomSystems() {
        Random random = new Random(16);
        for (int trial = 0; trial < 200; trial++) {
            int size = 5 + random.nextInt(40);
            List<Cell> unknowns = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                unknowns.add(c("x" + i));
            }
            List<Relation> relations = new ArrayList<>();
            int rows = size / 2 + random.nextInt(2 * size);
            for (int r = 0; r < rows; r++) {
                Map<Cell, Integer> terms = new LinkedHashMap<>();
                int width = 2 + random.nextInt(5);
                for (int k = 0; k < width; k++) {
                    int coefficient = (random.nextBoolean() ? 1 : -1) * (random.nextInt(4) == 0 ? 2 : 1);
                    terms.merge(unknowns.get(random.nextInt(size)), coefficient, Integer::sum);
                }
                terms.put(c("published" + r), -1);
                terms.values().removeIf(k -> k == 0);
                relations.add(new Relation(terms, random.nextInt(5) != 0));
                if (random.nextInt(3) == 0 && relations.size() > 1) {
                    // a sum of two earlier relations' unknown parts: implied when both are equalities
                    Map<Cell, Integer> sum = new LinkedHashMap<>();
                    relations.get(random.nextInt(relations.size())).terms().forEach((cell, k) -> sum.merge(cell, k, Integer::sum));
                    relations.get(random.nextInt(relations.size())).terms().forEach((cell, k) -> sum.merge(cell, k, Integer::sum));
                    sum.values().removeIf(k -> k == 0);
                    if (!sum.isEmpty()) {
                        relations.add(new Relation(sum, true));
                    }
                }
            }
            assertThat(LinearAttack.independent(unknowns, relations)).as("trial %d", trial)
                    .containsExactlyElementsOf(dense(unknowns, relations));
        }
    }

    /** The dense elimination that {@link EqualityBasis} replaced, step for step, as the reference. */
    private static List<Relation> dense(List<Cell> unknowns, List<Relation> relations) {
        double tolerance = 1e-6;
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
                if (Math.abs(factor) > tolerance) {
                    double[] base = basis.get(b);
                    for (int c = 0; c < row.length; c++) {
                        row[c] -= factor * base[c];
                    }
                }
            }
            int pivot = -1;
            for (int c = 0; c < row.length && pivot < 0; c++) {
                if (Math.abs(row[c]) > tolerance) {
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
}
