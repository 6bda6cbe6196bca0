package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;
import se.samsyn.disclosure.DisclosureControl;
import se.samsyn.disclosure.Interval;

/**
 * The cells and relations of one indicator and year in the terms of the disclosure module
 * ({@link DisclosureControl}, ADR 0015): a cell (area, gender) is the module's cell (table = area,
 * item = gender), a relation parent = Σ children an equality. What an attacker can learn about
 * each hidden count from every published count, every additive relation and that a hidden count
 * is at least 1 (a count of 0 is always shown, and suppression never hides one), and the choice of
 * secondary cells, are the module's. Plain Java, without Spring.
 */
final class DisclosureBounds {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisclosureBounds.class);

    /** The table prefix of the published lower bounds' own cells (no area code starts with it). */
    private static final String BOUND = "at least ";

    /** The table prefix of the same year's report's cells in a joint system (no area code starts with it). */
    private static final String REPORT = "report ";

    private DisclosureBounds() {
    }

    /**
     * The attacker's interval for every hidden cell: two linear programmes per cell.
     *
     * @param bases     the count (n) of every existing cell; a cell not in the map does not exist (0)
     * @param hidden    the hidden cells; every other existing cell is published
     * @param relations the additive relations; see {@link #live}
     * @return the interval of every hidden non-zero cell, in the order of {@code hidden}
     */
    static Map<Cell, Interval> of(Map<Cell, Integer> bases, Set<Cell> hidden, Collection<Relation> relations) {
        Map<se.samsyn.disclosure.Cell, Interval> bounds = DisclosureControl.bounds(counts(bases), cells(hidden),
                relations(live(bases, relations)));
        Map<Cell, Interval> ordered = new LinkedHashMap<>();
        hidden.forEach(c -> {
            Interval i = bounds.get(cell(c));
            if (i != null) {
                ordered.put(c, i);
            }
        });
        return ordered;
    }

    /**
     * The cells among {@code candidates} that do not meet the protection level for the threshold,
     * with their intervals, narrowest first ({@link DisclosureControl#exposed}).
     *
     * @param bases the true count of every existing cell, hidden or not
     */
    static Map<Cell, Interval> exposed(Map<Cell, Integer> bases, Set<Cell> hidden, Collection<Relation> relations,
                                       int threshold, Set<Cell> candidates) {
        return exposed(bases, hidden, relations, Map.of(), threshold, candidates);
    }

    /**
     * As {@link #exposed(Map, Set, Collection, int, Set)}, with published lower bounds: the
     * attacker also knows that each cell of {@code lowerBounds} is at least its bound (another
     * publication counts a subset of the cell's people and shows that count).
     */
    static Map<Cell, Interval> exposed(Map<Cell, Integer> bases, Set<Cell> hidden, Collection<Relation> relations,
                                       Map<Cell, Integer> lowerBounds, int threshold, Set<Cell> candidates) {
        Map<Cell, Interval> exposed = new LinkedHashMap<>();
        DisclosureControl.exposed(counts(bases, lowerBounds), cells(hidden),
                        relations(live(bases, relations), lowerBounds, bases), threshold, cells(candidates))
                .forEach((c, i) -> exposed.put(new Cell(c.table(), c.item()), i));
        return exposed;
    }

    /**
     * Hides more of the cells until every hidden cell meets the protection level
     * ({@link DisclosureControl#protect}).
     *
     * @return the hidden cells, {@code primary} included
     */
    static Set<Cell> protect(Map<Cell, Integer> bases, Set<Cell> primary, Collection<Relation> relations, int threshold) {
        return protect(bases, primary, relations, threshold, Set.of());
    }

    /**
     * As {@link #protect(Map, Set, Collection, int)}, never hiding a cell of {@code fixed} (one
     * that another publication shows anyway).
     */
    static Set<Cell> protect(Map<Cell, Integer> bases, Set<Cell> primary, Collection<Relation> relations, int threshold,
                             Set<Cell> fixed) {
        return protect(bases, primary, relations, Map.of(), threshold, fixed);
    }

    /**
     * As {@link #protect(Map, Set, Collection, int, Set)}, with published lower bounds (see
     * {@link #exposed(Map, Set, Collection, Map, int, Set)}); a bound is never hidden.
     */
    static Set<Cell> protect(Map<Cell, Integer> bases, Set<Cell> primary, Collection<Relation> relations,
                             Map<Cell, Integer> lowerBounds, int threshold, Set<Cell> fixed) {
        Set<se.samsyn.disclosure.Cell> kept = cells(fixed);
        lowerBounds.keySet().forEach(c -> kept.add(bound(c)));
        Set<Cell> hidden = new LinkedHashSet<>();
        DisclosureControl.protect(counts(bases, lowerBounds), cells(primary),
                        relations(live(bases, relations), lowerBounds, bases), threshold, kept)
                .forEach(c -> hidden.add(new Cell(c.table(), c.item())));
        return hidden;
    }

    /**
     * As {@link #protect(Map, Set, Collection, int, Set)}, in one system with the same year's whole
     * outcome report (ADR 0015, one year's report and indicators): the report's cells are cells of
     * their own (table {@value #REPORT} + area), its hidden cells hidden from the start and its
     * shown ones published, under the report's equalities and inequalities; each report cell of an
     * indicator area is tied to the indicator's cell (equal where the true counts are, report ≤
     * indicator where the report counts fewer). Only indicator cells are hidden by the loop.
     *
     * <p>The answers of recent systems (at most {@value #KEPT}) are kept by their inputs (copied): the
     * improved share and the median change of the same instrument and year (S00001 and S00002 of
     * WHO-5) build the same system, and the start-up re-marking, the gathered refresh and the
     * registry's later delivery each mark both; the loop is deterministic, so an answer kept is the
     * answer a second run would give (a third of the demo start-up's re-marking, ADR 0015).
     *
     * @return the hidden indicator cells, {@code primary} included (a new set on every call)
     */
    static Set<Cell> protect(Map<Cell, Integer> bases, Set<Cell> primary, Collection<Relation> relations,
                             ReportTable report, int threshold, Set<Cell> fixed) {
        JointSystem system = new JointSystem(new java.util.HashMap<>(bases), List.copyOf(primary), List.copyOf(relations),
                report, threshold, Set.copyOf(fixed));
        List<Cell> known = ANSWERS.getIfPresent(system);
        if (known != null) {
            return new LinkedHashSet<>(known);
        }
        Set<Cell> hidden = joint(bases, primary, relations, report, threshold, fixed);
        WORKED_OUT.incrementAndGet();
        ANSWERS.put(system, List.copyOf(hidden));
        return hidden;
    }

    /** How many joint systems this JVM has worked out rather than taken from {@link #ANSWERS}. */
    private static final java.util.concurrent.atomic.AtomicLong WORKED_OUT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The number of joint protections worked out since the JVM started, an answer taken from those
     * kept not counted: what tells a test that a kept answer was used.
     */
    static long jointSystemsWorkedOut() {
        return WORKED_OUT.get();
    }

    /** The inputs of one joint protection, copied: the key of {@link #ANSWERS}. */
    private record JointSystem(Map<Cell, Integer> bases, List<Cell> primary, List<Relation> relations, ReportTable report,
                               int threshold, Set<Cell> fixed) {
    }

    /** The number of joint protections whose answers are kept. */
    private static final int KEPT = 8;

    /**
     * The answers of recent joint protections (at most {@value #KEPT}, Caffeine's size eviction),
     * by their inputs; safe for concurrent refreshes.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<JointSystem, List<Cell>> ANSWERS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(KEPT).build();

    private static Set<Cell> joint(Map<Cell, Integer> bases, Set<Cell> primary, Collection<Relation> relations,
                                   ReportTable report, int threshold, Set<Cell> fixed) {
        Map<se.samsyn.disclosure.Cell, Integer> counts = counts(bases);
        report.counts().forEach((c, n) -> counts.put(reported(c), n));
        Set<se.samsyn.disclosure.Cell> start = cells(primary);
        report.hidden().forEach(c -> {
            if (report.counts().getOrDefault(c, 0) > 0) {
                start.add(reported(c));
            }
        });
        Set<se.samsyn.disclosure.Cell> kept = cells(fixed);
        report.counts().keySet().forEach(c -> kept.add(reported(c)));
        List<se.samsyn.disclosure.Relation> all = relations(live(bases, relations));
        live(report.counts(), report.sums()).forEach(r -> all.add(se.samsyn.disclosure.Relation.sum(reported(r.parent()),
                r.children().stream().map(DisclosureBounds::reported).toList())));
        report.atMost().forEach(r -> all.add(r.children().size() == 1
                ? se.samsyn.disclosure.Relation.atMost(reported(r.parent()), reported(r.children().get(0)))
                : se.samsyn.disclosure.Relation.atLeast(r.children().stream().map(DisclosureBounds::reported).toList(),
                reported(r.parent()))));
        report.counts().forEach((c, n) -> {
            Integer base = bases.get(c);
            if (base != null && n.equals(base)) {
                all.add(se.samsyn.disclosure.Relation.sum(cell(c), List.of(reported(c))));
            } else if (base != null && n < base) {
                all.add(se.samsyn.disclosure.Relation.atMost(reported(c), cell(c)));
            }
        });
        // a report scope with a single child scope (a region of one municipality, a municipality of
        // one unit) publishes the child's counts: one cell to the attacker, as OutcomeHierarchy
        // protects it (the same system, with fewer unknowns); hidden only where every copy is hidden
        Map<se.samsyn.disclosure.Cell, se.samsyn.disclosure.Cell> same = new java.util.HashMap<>();
        live(report.counts(), report.sums()).forEach(r -> {
            if (r.children().size() == 1) {
                same.put(reported(r.children().get(0)), reported(r.parent()));
            }
        });
        java.util.function.UnaryOperator<se.samsyn.disclosure.Cell> root = c -> {
            se.samsyn.disclosure.Cell r = c;
            for (int guard = 0; same.containsKey(r) && guard < 64; guard++) {
                r = same.get(r);
            }
            return r;
        };
        Map<se.samsyn.disclosure.Cell, Integer> merged = new java.util.HashMap<>();
        counts.forEach((c, n) -> merged.merge(root.apply(c), n, Math::max));
        Set<se.samsyn.disclosure.Cell> shownRoots = new java.util.HashSet<>();
        counts.forEach((c, n) -> {
            if (n > 0 && c.table().startsWith(REPORT) && !start.contains(c)) {
                shownRoots.add(root.apply(c));
            }
        });
        Set<se.samsyn.disclosure.Cell> mergedStart = new LinkedHashSet<>();
        start.forEach(c -> {
            if (!shownRoots.contains(root.apply(c))) {
                mergedStart.add(root.apply(c));
            }
        });
        Set<se.samsyn.disclosure.Cell> mergedKept = new LinkedHashSet<>();
        kept.forEach(c -> mergedKept.add(root.apply(c)));
        List<se.samsyn.disclosure.Relation> mergedRelations = new java.util.ArrayList<>();
        for (se.samsyn.disclosure.Relation r : all) {
            Map<se.samsyn.disclosure.Cell, Integer> terms = new java.util.LinkedHashMap<>();
            r.terms().forEach((c, k) -> terms.merge(root.apply(c), k, Integer::sum));
            terms.values().removeIf(k -> k == 0);
            if (!terms.isEmpty()) {
                mergedRelations.add(new se.samsyn.disclosure.Relation(terms, r.equality()));
            }
        }
        if (log.isDebugEnabled()) {
            Set<se.samsyn.disclosure.Cell> unknowns = new java.util.HashSet<>();
            mergedStart.forEach(c -> {
                if (merged.getOrDefault(c, 0) > 0) {
                    unknowns.add(c);
                }
            });
            long held = mergedRelations.stream().filter(r -> r.terms().keySet().stream().anyMatch(unknowns::contains))
                    .count();
            log.debug("Joint system with the report: {} report cells ({} hidden), {} unknowns at the start under {} "
                    + "relations holding one", report.counts().size(), report.hidden().size(), unknowns.size(), held);
        }
        Set<Cell> hidden = new LinkedHashSet<>();
        DisclosureControl.protect(merged, mergedStart, mergedRelations, threshold, mergedKept).forEach(c -> {
            if (!c.table().startsWith(REPORT)) {
                hidden.add(new Cell(c.table(), c.item()));
            }
        });
        return hidden;
    }

    /**
     * The relations restricted to existing cells, without those that say nothing: children that do
     * not exist count as 0, and a relation whose parent does not exist, or whose children all do
     * not exist (a total without a breakdown), is left out.
     */
    static List<Relation> live(Map<Cell, Integer> bases, Collection<Relation> relations) {
        return relations.stream()
                .filter(r -> bases.containsKey(r.parent()))
                .map(r -> new Relation(r.parent(), r.children().stream().filter(bases::containsKey).toList()))
                .filter(r -> !r.children().isEmpty())
                .toList();
    }

    private static se.samsyn.disclosure.Cell cell(Cell c) {
        return new se.samsyn.disclosure.Cell(c.area(), c.gender());
    }

    /** A cell of the same year's report, as a cell of its own table. */
    private static se.samsyn.disclosure.Cell reported(Cell c) {
        return new se.samsyn.disclosure.Cell(REPORT + c.area(), c.gender());
    }

    /** The published count that bounds a cell from below, as a cell of its own table. */
    private static se.samsyn.disclosure.Cell bound(Cell c) {
        return new se.samsyn.disclosure.Cell(BOUND + c.area(), c.gender());
    }

    private static Map<se.samsyn.disclosure.Cell, Integer> counts(Map<Cell, Integer> bases) {
        return counts(bases, Map.of());
    }

    private static Map<se.samsyn.disclosure.Cell, Integer> counts(Map<Cell, Integer> bases, Map<Cell, Integer> lowerBounds) {
        Map<se.samsyn.disclosure.Cell, Integer> counts = new LinkedHashMap<>();
        bases.forEach((c, n) -> counts.put(cell(c), n == null ? 0 : n));
        lowerBounds.forEach((c, n) -> counts.put(bound(c), n));
        return counts;
    }

    private static Set<se.samsyn.disclosure.Cell> cells(Collection<Cell> cells) {
        Set<se.samsyn.disclosure.Cell> result = new LinkedHashSet<>();
        cells.forEach(c -> result.add(cell(c)));
        return result;
    }

    private static List<se.samsyn.disclosure.Relation> relations(List<Relation> live) {
        return relations(live, Map.of(), Map.of());
    }

    /** The equalities, then bound ≤ cell for every bounded cell that exists. */
    private static List<se.samsyn.disclosure.Relation> relations(List<Relation> live, Map<Cell, Integer> lowerBounds,
                                                                 Map<Cell, Integer> bases) {
        List<se.samsyn.disclosure.Relation> result = new ArrayList<>();
        live.forEach(r -> result.add(se.samsyn.disclosure.Relation.sum(cell(r.parent()),
                r.children().stream().map(DisclosureBounds::cell).toList())));
        lowerBounds.keySet().forEach(c -> {
            if (bases.containsKey(c)) {
                result.add(se.samsyn.disclosure.Relation.atMost(bound(c), cell(c)));
            }
        });
        return result;
    }
}
