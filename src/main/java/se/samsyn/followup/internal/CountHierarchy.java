package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.DisclosureControl;
import se.samsyn.disclosure.Relation;
import se.samsyn.shared.Scope;

/**
 * The counts of a report without totals (the needs report: clients per life area and level, goals
 * per status; the clients per intervention) at every scope at once, unit, municipality, region and
 * nation, and which of them to hide so that no reader can narrow a hidden count below the
 * protection level of ADR 0015 from every published cell of every scope together (a national
 * reader sees them all; any other reader sees fewer). Plain Java, without Spring.
 *
 * <p>Such a report publishes no total and no relation between its items, so the attacker knows
 * only, per item (one life area and level, one goal status, one intervention): the nation is the
 * sum of its regions (and of any municipality outside a region), a region the sum of its
 * municipalities, a municipality the sum of its units and its clients without a unit (a report
 * never published: its counts are hidden from the start and protected like any hidden count).
 * Each item is therefore a tree of sums of its own, protected by {@link DisclosureControl#protect}
 * alone: a count from 1 to t − 1 is hidden, and the loop hides more until every hidden count keeps
 * an interval at least t − 1 wide that reaches t. The loop's linear programmes work per connected
 * part of the hidden cells, so a part stays within a region while the region's count is shown.
 * A zero is shown and never hidden. The result depends on the counts only, so every reader gets the
 * same hidden cells for a scope.
 */
final class CountHierarchy {

    private static final String REST = "rest:";

    private static final String NATION = Scope.nation().toString();

    /** How many hierarchies {@link #of} has computed on each thread, so that tests can tell a read from a computation. */
    private static final ThreadLocal<long[]> COMPUTATIONS = ThreadLocal.withInitial(() -> new long[1]);

    private final Map<Cell, Integer> counts;
    private final Set<Cell> hidden;

    private CountHierarchy(Map<Cell, Integer> counts, Set<Cell> hidden) {
        this.counts = counts;
        this.hidden = hidden;
    }

    /**
     * The count of one item among the clients of one unit (or of a municipality's clients without a
     * unit).
     *
     * @param unit         the unit code, or null for clients without a unit
     * @param municipality the municipality code, never null
     * @param region       the county code of the municipality, or null when it lies in no region
     * @param item         the item of the report, such as {@code level:d1/2}
     * @param count        at least 0
     */
    record Count(String unit, String municipality, String region, String item, int count) {
    }

    /** The item of a needs report's level count: {@code level:<life area code>/<level>}. */
    static String level(String area, int level) {
        return "level:" + area + "/" + level;
    }

    /** The item of a needs report's goal count: {@code goal:<status code>} ({@code open} for none yet). */
    static String goal(String status) {
        return "goal:" + status;
    }

    /** The item of an intervention's client count: {@code int:<code>}. */
    static String intervention(String code) {
        return "int:" + code;
    }

    /** The key of a scope's report among the cells, as {@link Scope#toString()}: "unit:X", "region:12", … */
    static String key(Scope scope) {
        return scope.toString();
    }

    /**
     * Counts every scope's report and chooses the hidden cells.
     *
     * @param leaves    the counts per unit (or municipality without a unit) and item, in any order;
     *                  two for the same place and item add up
     * @param threshold t of ADR 0015, at least 1
     */
    static CountHierarchy of(List<Count> leaves, int threshold) {
        COMPUTATIONS.get()[0]++;
        Map<Cell, Integer> counts = new TreeMap<>();
        Map<String, Set<String>> children = new TreeMap<>();
        Set<String> withUnits = new TreeSet<>();
        leaves.stream().filter(c -> c.unit() != null).forEach(c -> withUnits.add(c.municipality()));
        Set<String> items = new TreeSet<>();
        for (Count c : leaves) {
            items.add(c.item());
            String municipality = key(Scope.municipality(c.municipality()));
            String upper = c.region() == null ? NATION : key(Scope.region(c.region()));
            List<String> scopes = new ArrayList<>(List.of(NATION, municipality));
            if (c.region() != null) {
                scopes.add(upper);
                children.computeIfAbsent(NATION, k -> new TreeSet<>()).add(upper);
            }
            children.computeIfAbsent(upper, k -> new TreeSet<>()).add(municipality);
            if (withUnits.contains(c.municipality())) {
                String unit = c.unit() != null ? key(Scope.unit(c.unit())) : REST + c.municipality();
                scopes.add(unit);
                children.computeIfAbsent(municipality, k -> new TreeSet<>()).add(unit);
            }
            for (String scope : scopes) {
                counts.merge(new Cell(scope, c.item()), c.count(), Integer::sum);
            }
        }
        Set<Cell> hidden = new LinkedHashSet<>();
        for (String item : items) {
            Map<Cell, Integer> itemCounts = new TreeMap<>();
            Set<Cell> primary = new LinkedHashSet<>();
            List<Relation> relations = new ArrayList<>();
            children.forEach((parent, kids) -> {
                List<Cell> parts = kids.stream().map(k -> new Cell(k, item)).toList();
                relations.add(Relation.sum(new Cell(parent, item), parts));
                for (String scope : concat(parent, kids)) {
                    Cell cell = new Cell(scope, item);
                    int n = counts.getOrDefault(cell, 0);
                    itemCounts.put(cell, n);
                    // never published (unknown to the attacker), or from 1 to t − 1
                    if (scope.startsWith(REST) || n > 0 && n < threshold) {
                        primary.add(cell);
                    }
                }
            });
            hidden.addAll(DisclosureControl.protect(itemCounts, primary, relations, threshold));
        }
        counts.values().removeIf(n -> n == 0);
        return new CountHierarchy(counts, hidden);
    }

    /**
     * A hierarchy computed before and stored ({@link PublishedCountTable}): its cells and which of
     * them are hidden, as {@link #counts()} and {@link #hiddenCells()} gave them. Chooses nothing.
     *
     * @param counts every cell with a count above 0
     * @param hidden the hidden cells among them
     */
    static CountHierarchy stored(Map<Cell, Integer> counts, Set<Cell> hidden) {
        return new CountHierarchy(new TreeMap<>(counts), new TreeSet<>(hidden));
    }

    /** How many times {@link #of} chose hidden cells on the calling thread ({@link #stored} never does). */
    static long computations() {
        return COMPUTATIONS.get()[0];
    }

    private static List<String> concat(String parent, Set<String> kids) {
        List<String> scopes = new ArrayList<>(List.of(parent));
        scopes.addAll(kids);
        return scopes;
    }

    /** Whether a scope's item is hidden; an item with no clients is never hidden. */
    boolean hidden(Scope scope, String item) {
        Cell cell = new Cell(key(scope), item);
        return counts.getOrDefault(cell, 0) > 0 && hidden.contains(cell);
    }

    /** The count of a scope's item (0 when no client is in it). */
    int count(Scope scope, String item) {
        return counts.getOrDefault(new Cell(key(scope), item), 0);
    }

    /** Every hidden cell with a count above 0 (the never-published rest of a municipality included). */
    Set<Cell> hiddenCells() {
        return hidden.stream().filter(c -> counts.getOrDefault(c, 0) > 0)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every cell with a count above 0, and its count. */
    Map<Cell, Integer> counts() {
        return Map.copyOf(counts);
    }
}
