package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary and secondary suppression of the cells of one indicator and year.
 *
 * <p>Primary: a cell based on fewer than the threshold (but not zero) is suppressed. Secondary: the published
 * cells and the additive relations between them (T = K + M in every area; a region, the nation
 * and a kommungrupp are the sums of their member municipalities) form a system of linear
 * equations in the suppressed counts. As long as that system determines any suppressed cell
 * exactly, one more published cell in an equation holding it (the one with the smallest base) is
 * suppressed too. Finally, every hidden cell is attacked with linear programming
 * ({@link DisclosureBounds}) and more cells are hidden until each meets the protection level of
 * ADR 0015. Plain Java, without Spring.
 */
final class Suppression {

    private static final double EPSILON = 1e-9;

    private Suppression() {
    }

    /** A cell's identity: an area and a gender ("T", "K" or "M"). */
    public record Cell(String area, String gender) {
    }

    /** A published relation: the parent cell equals the sum of the child cells that exist. */
    public record Relation(Cell parent, List<Cell> children) {
    }

    /**
     * Returns the cells to suppress.
     *
     * @param bases     the base (n) of every existing cell; a cell not in the map does not exist (0)
     * @param relations the additive relations between cells
     * @param threshold counts under this are suppressed
     */
    public static Set<Cell> suppress(Map<Cell, Integer> bases, Collection<Relation> relations, int threshold) {
        return suppress(bases, relations, threshold, Set.of());
    }

    /**
     * As {@link #suppress(Map, Collection, int)}, with more primary cells: {@code withheld} are hidden
     * whatever their base (attribute disclosure, {@link ExtremeShares}), and protected as the small
     * cells are. A withheld cell with a base of 0 (or not in {@code bases}) stays published.
     */
    public static Set<Cell> suppress(Map<Cell, Integer> bases, Collection<Relation> relations, int threshold,
                                     Set<Cell> withheld) {
        return suppress(bases, relations, threshold, withheld, Set.of());
    }

    /**
     * As {@link #suppress(Map, Collection, int, Set)}, never hiding a cell of {@code fixed} as a
     * secondary cell: the cells another publication shows with the same count (the same year's
     * outcome report, ADR 0015), which the attacker reads there anyway, so every check treats them
     * as published. A withheld cell in {@code fixed} is hidden all the same.
     */
    public static Set<Cell> suppress(Map<Cell, Integer> bases, Collection<Relation> relations, int threshold,
                                     Set<Cell> withheld, Set<Cell> fixed) {
        return suppress(bases, relations, threshold, withheld, fixed, Map.of());
    }

    /**
     * As {@link #suppress(Map, Collection, int, Set, Set)}, with published lower bounds: the
     * attacker knows each cell of {@code lowerBounds} is at least its bound, because another
     * publication shows the count of a subset of the cell's people (the same year's outcome report
     * counts only the clients with an intervention, ADR 0015). The linear-programming checks use
     * the bounds; a bound is never hidden.
     */
    public static Set<Cell> suppress(Map<Cell, Integer> bases, Collection<Relation> relations, int threshold,
                                     Set<Cell> withheld, Set<Cell> fixed, Map<Cell, Integer> lowerBounds) {
        Set<Cell> suppressed = new LinkedHashSet<>();
        bases.forEach((cell, n) -> {
            if (n != null && n > 0 && (n < threshold || withheld.contains(cell))) {
                suppressed.add(cell);
            }
        });
        List<Relation> live = DisclosureBounds.live(bases, relations);
        hideLoneCells(suppressed, live, bases, fixed);
        while (true) {
            Set<Cell> derivable = derivable(suppressed, live);
            if (derivable.isEmpty()) {
                protect(suppressed, live, bases, threshold, fixed, lowerBounds);
                return withoutExactSecondaries(suppressed, live, bases, threshold, fixed, withheld, lowerBounds);
            }
            // a combination of several relations exposes a cell: hide one more published cell next
            // to an exposed one if possible, otherwise in any relation that holds a hidden cell
            Set<Cell> extras = new LinkedHashSet<>();
            for (Cell exposed : derivable) {
                Cell extra = smallestPublished(live.stream()
                        .filter(r -> r.parent().equals(exposed) || r.children().contains(exposed)), suppressed, bases,
                        fixed);
                if (extra != null) {
                    extras.add(extra);
                }
            }
            if (extras.isEmpty()) {
                Cell extra = smallestPublished(live.stream()
                        .filter(r -> suppressed.contains(r.parent()) || r.children().stream().anyMatch(suppressed::contains)),
                        suppressed, bases, fixed);
                if (extra == null) {
                    // every cell in every relation is hidden already (or shown by the report anyway)
                    protect(suppressed, live, bases, threshold, fixed, lowerBounds);
                    return withoutExactSecondaries(suppressed, live, bases, threshold, fixed, withheld, lowerBounds);
                }
                extras.add(extra);
            }
            suppressed.addAll(extras);
            hideLoneCells(suppressed, live, bases, fixed);
        }
    }

    /**
     * With fixed cells, the loop can run out of cells to hide: a secondary cell whose relations hold
     * only fixed or hidden cells may be left hidden although the published counts give it exactly.
     * Showing such a cell tells the attacker nothing new (its count follows from what is published),
     * so every secondary cell the attacker pins to one count is shown again; a withheld or small cell
     * stays hidden. Without fixed cells nothing changes.
     */
    private static Set<Cell> withoutExactSecondaries(Set<Cell> suppressed, List<Relation> relations,
                                                     Map<Cell, Integer> bases, int threshold, Set<Cell> fixed,
                                                     Set<Cell> withheld, Map<Cell, Integer> lowerBounds) {
        if (fixed.isEmpty()) {
            return suppressed;
        }
        Set<Cell> secondary = new LinkedHashSet<>();
        suppressed.forEach(c -> {
            if (!withheld.contains(c) && bases.getOrDefault(c, 0) >= threshold) {
                secondary.add(c);
            }
        });
        if (secondary.isEmpty()) {
            return suppressed;
        }
        DisclosureBounds.exposed(bases, suppressed, relations, lowerBounds, threshold, secondary).forEach((cell, interval) -> {
            if (interval.high() - interval.low() < 0.5) {
                suppressed.remove(cell);
            }
        });
        return suppressed;
    }

    /**
     * The protection level of ADR 0015 against an attacker with a linear-programming solver: the
     * loop of the disclosure module ({@link DisclosureBounds#protect}) hides more published cells
     * until every hidden cell's interval is at least threshold − 1 wide and reaches the threshold.
     * Greedy, not optimal: it can hide more than a cell-suppression optimiser would.
     */
    private static void protect(Set<Cell> suppressed, List<Relation> relations, Map<Cell, Integer> bases,
                                int threshold, Set<Cell> fixed, Map<Cell, Integer> lowerBounds) {
        suppressed.addAll(DisclosureBounds.protect(bases, suppressed, relations, lowerBounds, threshold, fixed));
    }

    /**
     * The common case, cheaply: while some relation has exactly one hidden cell (which the others
     * would give away by subtraction), hide the published cell of that relation with the smallest
     * base, preferring a child to the parent.
     */
    private static void hideLoneCells(Set<Cell> suppressed, List<Relation> relations, Map<Cell, Integer> bases,
                                      Set<Cell> fixed) {
        Map<Cell, List<Relation>> relationsOf = new HashMap<>();
        for (Relation r : relations) {
            relationsOf.computeIfAbsent(r.parent(), c -> new ArrayList<>()).add(r);
            r.children().forEach(c -> relationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation r : relations) {
                if (hiddenIn(r, suppressed) != 1) {
                    continue;
                }
                // prefer a cell that also mends another relation with a single hidden cell, then the smallest base
                Cell extra = r.children().stream()
                        .filter(c -> !suppressed.contains(c) && !fixed.contains(c) && bases.get(c) > 0)
                        .min(Comparator.<Cell>comparingInt(c -> -(int) relationsOf.getOrDefault(c, List.of()).stream()
                                        .filter(o -> o != r && hiddenIn(o, suppressed) == 1).count())
                                .thenComparingInt(bases::get).thenComparing(Cell::area).thenComparing(Cell::gender))
                        .orElse(fixed.contains(r.parent()) ? null : r.parent());
                if (extra != null && suppressed.add(extra)) {
                    changed = true;
                }
            }
        }
    }

    private static int hiddenIn(Relation r, Set<Cell> suppressed) {
        int hidden = suppressed.contains(r.parent()) ? 1 : 0;
        for (Cell c : r.children()) {
            if (suppressed.contains(c)) {
                hidden++;
            }
        }
        return hidden;
    }

    /**
     * The suppressed cells that the relations determine exactly, given every other cell: reduces
     * the equations restricted to the unknown cells to row echelon form and reports each unknown
     * that ends up alone in a row.
     */
    public static Set<Cell> derivable(Set<Cell> unknown, Collection<Relation> relations) {
        List<Cell> columns = new ArrayList<>(unknown);
        Map<Cell, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<double[]> rows = new ArrayList<>();
        for (Relation r : relations) {
            double[] row = new double[columns.size()];
            boolean any = false;
            if (index.containsKey(r.parent())) {
                row[index.get(r.parent())] += 1;
                any = true;
            }
            for (Cell child : r.children()) {
                if (index.containsKey(child)) {
                    row[index.get(child)] -= 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        int pivotRow = 0;
        for (int col = 0; col < columns.size() && pivotRow < rows.size(); col++) {
            int best = -1;
            for (int r = pivotRow; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[col]) > EPSILON && (best < 0 || Math.abs(rows.get(r)[col]) > Math.abs(rows.get(best)[col]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] swap = rows.get(pivotRow);
            rows.set(pivotRow, rows.get(best));
            rows.set(best, swap);
            double[] pivot = rows.get(pivotRow);
            double p = pivot[col];
            for (int c = 0; c < pivot.length; c++) {
                pivot[c] /= p;
            }
            for (int r = 0; r < rows.size(); r++) {
                if (r != pivotRow) {
                    double[] row = rows.get(r);
                    double factor = row[col];
                    if (Math.abs(factor) > EPSILON) {
                        for (int c = 0; c < row.length; c++) {
                            row[c] -= factor * pivot[c];
                        }
                    }
                }
            }
            pivotRow++;
        }
        Set<Cell> determined = new LinkedHashSet<>();
        for (double[] row : rows) {
            int nonZero = -1;
            int count = 0;
            for (int c = 0; c < row.length; c++) {
                if (Math.abs(row[c]) > EPSILON) {
                    nonZero = c;
                    count++;
                }
            }
            if (count == 1) {
                determined.add(columns.get(nonZero));
            }
        }
        return determined;
    }

    private static Cell smallestPublished(java.util.stream.Stream<Relation> relations, Set<Cell> suppressed,
                                          Map<Cell, Integer> bases, Set<Cell> fixed) {
        return relations.flatMap(r -> cellsOf(r).stream())
                .filter(c -> !suppressed.contains(c) && !fixed.contains(c) && bases.get(c) > 0)
                .min(Comparator.<Cell>comparingInt(bases::get).thenComparing(Cell::area).thenComparing(Cell::gender))
                .orElse(null);
    }

    private static Set<Cell> cellsOf(Relation r) {
        Set<Cell> cells = new HashSet<>(r.children());
        cells.add(r.parent());
        return cells;
    }
}
