package se.samsyn.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import se.samsyn.disclosure.internal.LinearAttack;

/**
 * Secondary cell suppression against an attacker with a linear-programming solver (ADR 0015).
 *
 * <p>The attacker knows every published count, every {@link Relation}, and that a hidden count is
 * a whole number of at least 1. A hidden cell whose true count is 0 is taken as known to be 0,
 * which can only over-protect. The protection level for a threshold t ({@link Interval#protects}):
 * the interval the attacker derives spans at least t − 1 and reaches t. The linear relaxation is
 * used, so the true integer interval is never narrower than what is checked.
 */
public final class DisclosureControl {

    private DisclosureControl() {
    }

    /**
     * The cells to hide: {@code primary} and as many more as the protection level needs. The loop
     * of ADR 0015: attack every unchecked hidden cell ({@link #exposed}); for each exposed cell hide
     * one more published non-zero cell in a relation that holds it, an equality before an
     * inequality, the one with the fewest hidden cells first (a relation with one hidden cell gives
     * it away by subtraction), then the one with the fewest cells, the smallest count in it
     * (then by {@link Cell} order); if none of its relations has one left, the smallest published
     * cell of any relation that holds a hidden cell. Hiding more only widens intervals, so each
     * round re-checks only the cells exposed last round and those just hidden; every round hides
     * at least one cell, so it ends. Greedy, not optimal.
     *
     * @param counts    the true count of every cell (missing = 0)
     * @param primary   the cells hidden to begin with
     * @param relations the relations the attacker knows
     * @param threshold t (at least 1)
     * @return the hidden cells, {@code primary} included, in the order they were hidden
     * @throws IllegalStateException when the counts contradict the relations
     */
    public static Set<Cell> protect(Map<Cell, Integer> counts, Set<Cell> primary, List<Relation> relations,
                                    int threshold) {
        return protect(counts, primary, relations, threshold, Set.of());
    }

    /**
     * As {@link #protect(Map, Set, List, int)}, never hiding a cell of {@code fixed}: cells that
     * another publication shows anyway (hiding them would protect nothing), which the loop treats
     * as published. A hidden cell whose every relation has only fixed or hidden cells left stays as
     * protected as it gets.
     *
     * @param fixed cells that stay published whatever the loop needs; a primary cell in it is hidden all the same
     */
    public static Set<Cell> protect(Map<Cell, Integer> counts, Set<Cell> primary, List<Relation> relations,
                                    int threshold, Set<Cell> fixed) {
        Set<Cell> hidden = new LinkedHashSet<>(primary);
        Map<Cell, List<Relation>> relationsOf = new HashMap<>();
        for (Relation r : relations) {
            r.terms().keySet().forEach(c -> relationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        }
        Set<Cell> unchecked = new LinkedHashSet<>(hidden);
        while (true) {
            // a cell alone in an equality is exposed without a linear programme: the relation gives it by subtraction
            Set<Cell> exposed = alone(counts, hidden, relations);
            boolean cheap = !exposed.isEmpty();
            if (!cheap) {
                exposed = exposed(counts, hidden, relations, threshold, unchecked).keySet();
            }
            if (exposed.isEmpty()) {
                return hidden;
            }
            Set<Cell> extras = new LinkedHashSet<>();
            for (Cell cell : exposed) {
                relationsOf.getOrDefault(cell, List.of()).stream()
                        .sorted(Comparator.comparing((Relation r) -> !r.equality())
                                .thenComparingLong(r -> r.terms().keySet().stream().filter(hidden::contains).count())
                                .thenComparingInt(r -> r.terms().size()))
                        .map(r -> smallestPublished(r.terms().keySet(), hidden, counts, fixed))
                        .filter(Objects::nonNull)
                        .findFirst()
                        .ifPresent(extras::add);
            }
            if (extras.isEmpty()) {
                List<Cell> touching = new ArrayList<>();
                relations.stream().filter(r -> r.terms().keySet().stream().anyMatch(hidden::contains))
                        .forEach(r -> touching.addAll(r.terms().keySet()));
                Cell extra = smallestPublished(touching, hidden, counts, fixed);
                if (extra == null) {
                    // nothing left to hide next to a hidden cell: every interval is as wide as it gets
                    return hidden;
                }
                extras.add(extra);
            }
            hidden.addAll(extras);
            if (!cheap) {
                unchecked = new LinkedHashSet<>(exposed);
            }
            unchecked.addAll(extras);
        }
    }

    /** The hidden non-zero cells that are the only hidden non-zero cell of some equality. */
    private static Set<Cell> alone(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations) {
        Set<Cell> alone = new LinkedHashSet<>();
        for (Relation r : relations) {
            if (!r.equality()) {
                continue;
            }
            Cell only = null;
            int unknown = 0;
            for (Cell c : r.terms().keySet()) {
                if (hidden.contains(c) && counts.getOrDefault(c, 0) > 0) {
                    only = c;
                    unknown++;
                }
            }
            if (unknown == 1) {
                alone.add(only);
            }
        }
        return alone;
    }

    /**
     * The interval the attacker derives for every hidden non-zero cell: two linear programmes per
     * cell, over the hidden cells connected to it. For tests and diagnostics; {@link #exposed} is
     * cheaper.
     *
     * @return the intervals, hidden zero cells left out
     */
    public static Map<Cell, Interval> bounds(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations) {
        return LinearAttack.bounds(counts, hidden, relations);
    }

    /**
     * The cells among {@code candidates} (hidden ones) that miss the protection level, with their
     * intervals, narrowest first; the same answer as filtering {@link #bounds} but much cheaper.
     */
    public static Map<Cell, Interval> exposed(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations,
                                              int threshold, Set<Cell> candidates) {
        Map<Cell, Interval> exposed = LinearAttack.exposed(counts, hidden, relations, threshold, candidates);
        Map<Cell, Interval> ordered = new java.util.LinkedHashMap<>();
        exposed.entrySet().stream().sorted(Comparator.comparingDouble((Entry<Cell, Interval> e) -> e.getValue().width()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static Cell smallestPublished(Collection<Cell> cells, Set<Cell> hidden, Map<Cell, Integer> counts,
                                          Set<Cell> fixed) {
        return cells.stream()
                .filter(c -> !hidden.contains(c) && !fixed.contains(c) && counts.getOrDefault(c, 0) > 0)
                .min(Comparator.<Cell>comparingInt(c -> counts.getOrDefault(c, 0)).thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }
}
