package se.samsyn.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear relation between counts that the attacker knows: the sum of coefficient × count over
 * {@code terms}, plus a constant, is 0 ({@code equality}) or at most 0. The constant is whatever
 * makes the true counts satisfy the relation: for an equality, the count of people in no cell of
 * it (known to the attacker), for an inequality 0 is enough since the true counts satisfy it.
 *
 * @param terms    coefficient of each cell (a cell with no count counts as 0)
 * @param equality true for "= 0", false for "≤ 0"
 */
public record Relation(Map<Cell, Integer> terms, boolean equality) {

    public Relation {
        terms = Map.copyOf(terms);
    }

    /** parent = Σ children (a child listed twice counts twice). */
    public static Relation sum(Cell parent, List<Cell> children) {
        Map<Cell, Integer> terms = new LinkedHashMap<>();
        terms.merge(parent, 1, Integer::sum);
        children.forEach(c -> terms.merge(c, -1, Integer::sum));
        terms.values().removeIf(k -> k == 0);
        return new Relation(terms, true);
    }

    /** small ≤ large. */
    public static Relation atMost(Cell small, Cell large) {
        return new Relation(Map.of(small, 1, large, -1), false);
    }

    /** Σ parts ≥ whole, for a whole whose members may be counted in several parts. */
    public static Relation atLeast(List<Cell> parts, Cell whole) {
        Map<Cell, Integer> terms = new LinkedHashMap<>();
        terms.put(whole, 1);
        parts.forEach(p -> terms.merge(p, -1, Integer::sum));
        terms.values().removeIf(k -> k == 0);
        return new Relation(terms, false);
    }
}
