package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

class SuppressionTests {

    static final List<String> GENDERS = List.of("T", "K", "M");

    /** Two regions (R1: a, b, c; R2: d, e, f), the nation, and two groups crossing them (G1: a, d; G2: b, c, e, f). */
    static final Map<String, List<String>> PARENTS = new LinkedHashMap<>();

    static {
        PARENTS.put("R1", List.of("a", "b", "c"));
        PARENTS.put("R2", List.of("d", "e", "f"));
        PARENTS.put("N", List.of("a", "b", "c", "d", "e", "f"));
        PARENTS.put("G1", List.of("a", "d"));
        PARENTS.put("G2", List.of("b", "c", "e", "f"));
    }

    static List<Relation> relations(Set<String> areas) {
        List<Relation> relations = new ArrayList<>();
        for (String area : areas) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        PARENTS.forEach((parent, members) -> {
            for (String g : GENDERS) {
                relations.add(new Relation(new Cell(parent, g), members.stream().map(m -> new Cell(m, g)).toList()));
            }
        });
        return relations;
    }

    /** Builds every cell's base from the municipalities' K and M counts (0 = no row). */
    static Map<Cell, Integer> bases(Map<String, int[]> municipalities) {
        Map<Cell, Integer> bases = new HashMap<>();
        municipalities.forEach((m, km) -> {
            put(bases, new Cell(m, "K"), km[0]);
            put(bases, new Cell(m, "M"), km[1]);
            put(bases, new Cell(m, "T"), km[0] + km[1]);
        });
        PARENTS.forEach((parent, members) -> {
            int k = members.stream().mapToInt(m -> municipalities.get(m)[0]).sum();
            int mm = members.stream().mapToInt(m -> municipalities.get(m)[1]).sum();
            put(bases, new Cell(parent, "K"), k);
            put(bases, new Cell(parent, "M"), mm);
            put(bases, new Cell(parent, "T"), k + mm);
        });
        return bases;
    }

    private static void put(Map<Cell, Integer> bases, Cell cell, int n) {
        if (n > 0) {
            bases.put(cell, n);
        }
    }

    @Test
    void smallCellsArePrimarySuppressedButZeroIsNot() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String code : List.of("a", "b", "c", "d", "e", "f")) {
            m.put(code, new int[] {10, 10});
        }
        m.put("a", new int[] {0, 12});
        Set<Cell> hidden = Suppression.suppress(bases(m), relations(m.keySet()), 5);
        assertThat(hidden).isEmpty();
    }

    @Test
    void whenWomenAreSuppressedAndTheTotalShownMenAreSuppressedToo() {
        Map<Cell, Integer> bases = Map.of(new Cell("x", "T"), 12, new Cell("x", "K"), 3, new Cell("x", "M"), 9);
        Set<Cell> hidden = Suppression.suppress(bases,
                List.of(new Relation(new Cell("x", "T"), List.of(new Cell("x", "K"), new Cell("x", "M")))), 5);
        assertThat(hidden).containsExactlyInAnyOrder(new Cell("x", "K"), new Cell("x", "M"));
    }

    @Test
    void aSingleSmallMunicipalityCannotBeTakenFromItsRegion() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String code : List.of("a", "b", "c", "d", "e", "f")) {
            m.put(code, new int[] {20, 20});
        }
        m.put("b", new int[] {2, 20});
        Set<Cell> hidden = Suppression.suppress(bases(m), relations(m.keySet()), 5);
        assertThat(hidden).contains(new Cell("b", "K"));
        assertThat(attack(bases(m), hidden)).isEmpty();
    }

    @RepeatedTest(40)
    void noPublishedCombinationRevealsASuppressedCell(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String code : List.of("a", "b", "c", "d", "e", "f")) {
            m.put(code, new int[] {small(random), small(random)});
        }
        Map<Cell, Integer> bases = bases(m);
        Set<Cell> hidden = Suppression.suppress(bases, relations(m.keySet()), 5);
        bases.forEach((cell, n) -> {
            if (n < 5) {
                assertThat(hidden).as("primary " + cell).contains(cell);
            }
        });
        assertThat(attack(bases, hidden)).as("derivable from " + hidden).isEmpty();
    }

    private static int small(Random random) {
        int roll = random.nextInt(10);
        return roll < 2 ? 0 : roll < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(20);
    }

    /**
     * An attacker who knows every published cell and every relation, and that a suppressed cell
     * holds at least 1: eliminates exactly over fractions, then, where few cells remain unknown,
     * enumerates every integer solution. Returns the suppressed cells it can pin to one value.
     */
    static Set<Cell> attack(Map<Cell, Integer> bases, Set<Cell> hidden) {
        return attack(bases, hidden, relations(Set.of("a", "b", "c", "d", "e", "f")));
    }

    static Set<Cell> attack(Map<Cell, Integer> bases, Set<Cell> hidden, List<Relation> relations) {
        List<Cell> unknown = new ArrayList<>(hidden);
        List<long[]> equations = new ArrayList<>();
        for (Relation r : relations) {
            long[] row = new long[unknown.size() + 1];
            boolean involved = false;
            long constant = 0;
            List<Cell> cells = new ArrayList<>();
            cells.add(r.parent());
            cells.addAll(r.children());
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int sign = i == 0 ? 1 : -1;
                int index = unknown.indexOf(c);
                if (index >= 0) {
                    row[index] += sign;
                    involved = true;
                } else {
                    constant -= sign * bases.getOrDefault(c, 0);
                }
            }
            row[unknown.size()] = constant;
            if (involved) {
                equations.add(row);
            }
        }
        Set<Cell> pinned = new HashSet<>(exactlyDetermined(equations, unknown));
        if (unknown.size() <= 4) {
            Map<Cell, Set<Integer>> seen = new HashMap<>();
            int[] values = new int[unknown.size()];
            enumerate(equations, unknown, values, 0, seen);
            seen.forEach((cell, possible) -> {
                if (possible.size() == 1) {
                    pinned.add(cell);
                }
            });
        }
        return pinned;
    }

    private static void enumerate(List<long[]> equations, List<Cell> unknown, int[] values, int index,
                                  Map<Cell, Set<Integer>> seen) {
        if (index == values.length) {
            for (long[] row : equations) {
                long sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += row[i] * values[i];
                }
                if (sum != row[values.length]) {
                    return;
                }
            }
            for (int i = 0; i < values.length; i++) {
                seen.computeIfAbsent(unknown.get(i), c -> new HashSet<>()).add(values[i]);
            }
            return;
        }
        for (int v = 1; v <= 40; v++) {
            values[index] = v;
            enumerate(equations, unknown, values, index + 1, seen);
        }
    }

    /** Gauss–Jordan over exact fractions; an unknown alone in a reduced row is determined. */
    private static Set<Cell> exactlyDetermined(List<long[]> equations, List<Cell> unknown) {
        int columns = unknown.size();
        List<java.math.BigInteger[][]> rows = new ArrayList<>();
        for (long[] e : equations) {
            java.math.BigInteger[][] row = new java.math.BigInteger[columns][];
            for (int c = 0; c < columns; c++) {
                row[c] = new java.math.BigInteger[] {java.math.BigInteger.valueOf(e[c]), java.math.BigInteger.ONE};
            }
            rows.add(row);
        }
        int pivotRow = 0;
        for (int col = 0; col < columns && pivotRow < rows.size(); col++) {
            int found = -1;
            for (int r = pivotRow; r < rows.size(); r++) {
                if (rows.get(r)[col][0].signum() != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            java.util.Collections.swap(rows, pivotRow, found);
            java.math.BigInteger[][] pivot = rows.get(pivotRow);
            java.math.BigInteger[] p = pivot[col];
            for (int c = 0; c < columns; c++) {
                pivot[c] = divide(pivot[c], p);
            }
            for (int r = 0; r < rows.size(); r++) {
                if (r == pivotRow || rows.get(r)[col][0].signum() == 0) {
                    continue;
                }
                java.math.BigInteger[] factor = rows.get(r)[col];
                for (int c = 0; c < columns; c++) {
                    rows.get(r)[c] = subtract(rows.get(r)[c], multiply(factor, pivot[c]));
                }
            }
            pivotRow++;
        }
        Set<Cell> determined = new HashSet<>();
        for (java.math.BigInteger[][] row : rows) {
            int nonZero = -1;
            int count = 0;
            for (int c = 0; c < columns; c++) {
                if (row[c][0].signum() != 0) {
                    nonZero = c;
                    count++;
                }
            }
            if (count == 1) {
                determined.add(unknown.get(nonZero));
            }
        }
        return determined;
    }

    private static java.math.BigInteger[] divide(java.math.BigInteger[] a, java.math.BigInteger[] b) {
        return reduce(a[0].multiply(b[1]), a[1].multiply(b[0]));
    }

    private static java.math.BigInteger[] multiply(java.math.BigInteger[] a, java.math.BigInteger[] b) {
        return reduce(a[0].multiply(b[0]), a[1].multiply(b[1]));
    }

    private static java.math.BigInteger[] subtract(java.math.BigInteger[] a, java.math.BigInteger[] b) {
        return reduce(a[0].multiply(b[1]).subtract(b[0].multiply(a[1])), a[1].multiply(b[1]));
    }

    private static java.math.BigInteger[] reduce(java.math.BigInteger n, java.math.BigInteger d) {
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        java.math.BigInteger g = n.gcd(d);
        return g.signum() == 0 ? new java.math.BigInteger[] {n, d} : new java.math.BigInteger[] {n.divide(g), d.divide(g)};
    }
}
