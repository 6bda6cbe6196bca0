package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.DisclosureControl;
import se.samsyn.disclosure.Relation;

/**
 * The counts of one outcome report (one instrument and period) at every scope at once, unit,
 * municipality, region and nation, and which of them to hide so that no reader can narrow a hidden
 * count below the protection level of ADR 0015 from every published cell of every scope together
 * (a national reader sees them all; any other reader sees fewer). Plain Java, without Spring.
 *
 * <p>Cells, by item within a scope's report: {@code all/T}, {@code all/K}, {@code all/M} (the
 * all-interventions row), {@code int:<code>/T} etc. (one row per intervention), {@code before/<i>}
 * and {@code after/<i>} (the distribution bins). Relations the attacker knows:
 * <ul>
 *   <li>in every row, T = K + M;</li>
 *   <li>each distribution series sums to the all-interventions T;</li>
 *   <li>an intervention row is at most the all-interventions row of the same sex, and the
 *       all-interventions row at most the sum of the intervention rows (a client may have several);</li>
 *   <li>every item of a region is the sum over its municipalities, of the nation the sum over its
 *       regions (the same system as the sum over all municipalities, but it keeps the independent
 *       parts within a region), of a municipality with units the sum over its units and its clients
 *       without a unit ({@link #restScope}, never published, so hidden from the start and protected
 *       like any hidden count).</li>
 * </ul>
 * A scope with a single child scope publishes the child's counts and is protected as one with it.
 * With every scope this holds (tests); the pages use it per region (a region's clients: the
 * region, its municipalities and their units), since the whole country at once is too slow
 * (ADR 0015 gives measured times), and hide a nation cell where some region hides the item
 * ({@link NationalProtection}).
 * The within-report rules of {@link ReportProtection} give the starting cells; {@link
 * DisclosureControl} adds what the relations across scopes need.
 */
final class OutcomeHierarchy {

    static final String ALL = "all";

    private static final String[] SEXES = {"T", "K", "M"};

    private final Map<Cell, Integer> counts;
    private final Set<Cell> hidden;

    private OutcomeHierarchy(Map<Cell, Integer> counts, Set<Cell> hidden) {
        this.counts = counts;
        this.hidden = hidden;
    }

    /**
     * Counts and hidden cells chosen elsewhere ({@link NationalProtection}), answered as a
     * hierarchy is.
     */
    static OutcomeHierarchy published(Map<Cell, Integer> counts, Set<Cell> hidden) {
        return new OutcomeHierarchy(new TreeMap<>(counts), new LinkedHashSet<>(hidden));
    }

    /**
     * One client of the report: where it belongs, its legal sex ("K" or "M"), the interventions it
     * is counted under, and the bins of its baseline and follow-up scores.
     *
     * @param unit   the unit code, or null when the client has none
     * @param region the county code of the municipality
     */
    record Client(String unit, String municipality, String region, String sex, Set<String> interventions,
                  int beforeBin, int afterBin) {

        Client {
            interventions = Set.copyOf(interventions);
        }
    }

    /** The key of a scope's report among the cells: "unit:X", "municipality:1280", "region:12", "nation". */
    static String unitScope(String code) {
        return "unit:" + code;
    }

    static String municipalityScope(String code) {
        return "municipality:" + code;
    }

    static String regionScope(String code) {
        return "region:" + code;
    }

    static final String NATION = "nation";

    private static final String REST = "rest:";

    /**
     * The clients of a municipality with units that belong to none of them: a report of its own
     * that is never published, but that the attacker knows the municipality's report to include.
     */
    static String restScope(String municipality) {
        return REST + municipality;
    }

    static String row(String intervention, String sex) {
        return (intervention == null ? ALL : "int:" + intervention) + "/" + sex;
    }

    static String bin(boolean before, int i) {
        return (before ? "before/" : "after/") + i;
    }

    /**
     * Counts every scope's report and chooses the hidden cells.
     *
     * @param clients   every client of the report in the nation
     * @param binCount  the number of bins in each distribution series
     * @param threshold t of ADR 0015
     */
    static OutcomeHierarchy of(List<Client> clients, int binCount, int threshold) {
        return of(clients, binCount, threshold, true);
    }

    /**
     * As {@link #of(List, int, int)}; with {@code aboveMunicipalities} false, only the municipalities'
     * and their units' reports are counted and protected (no region or nation).
     */
    static OutcomeHierarchy of(List<Client> clients, int binCount, int threshold, boolean aboveMunicipalities) {
        SYSTEMS_PROTECTED.incrementAndGet();
        Counted counted = count(clients, aboveMunicipalities);
        Map<Cell, Integer> counts = counted.counts();
        Map<String, Set<String>> children = counted.children();
        Set<String> interventions = counted.interventions();
        Set<String> scopes = new TreeSet<>();
        counts.keySet().forEach(c -> scopes.add(c.table()));
        List<Relation> relations = new ArrayList<>();
        Set<Cell> primary = new LinkedHashSet<>();
        List<String> rows = new ArrayList<>();
        rows.add(null);
        rows.addAll(interventions);
        for (String scope : scopes) {
            if (scope.startsWith(REST)) {
                // never published: unknown to the attacker, and protected like a hidden cell
                counts.keySet().stream().filter(c -> c.table().equals(scope)).forEach(primary::add);
            }
            for (String i : rows) {
                Cell t = new Cell(scope, row(i, "T"));
                if (!counts.containsKey(t)) {
                    continue;
                }
                relations.add(Relation.sum(t, List.of(new Cell(scope, row(i, "K")), new Cell(scope, row(i, "M")))));
                Map<String, Boolean> rowHidden = ReportProtection.sexes(n(counts, t), n(counts, new Cell(scope, row(i, "K"))),
                        n(counts, new Cell(scope, row(i, "M"))), threshold, true);
                rowHidden.forEach((sex, h) -> {
                    if (h) {
                        primary.add(new Cell(scope, row(i, sex)));
                    }
                });
            }
            for (String sex : SEXES) {
                Cell all = new Cell(scope, row(null, sex));
                List<Cell> parts = new ArrayList<>();
                for (String i : interventions) {
                    Cell cell = new Cell(scope, row(i, sex));
                    if (counts.containsKey(cell)) {
                        parts.add(cell);
                        relations.add(Relation.atMost(cell, all));
                    }
                }
                if (!parts.isEmpty()) {
                    relations.add(Relation.atLeast(parts, all));
                }
            }
            Cell total = new Cell(scope, row(null, "T"));
            boolean totalShown = !primary.contains(total) && n(counts, total) >= threshold;
            for (boolean before : new boolean[] {true, false}) {
                int[] series = new int[binCount];
                List<Cell> bins = new ArrayList<>();
                for (int b = 0; b < binCount; b++) {
                    bins.add(new Cell(scope, bin(before, b)));
                    series[b] = n(counts, bins.get(b));
                }
                relations.add(Relation.sum(total, bins));
                boolean[] binHidden = ReportProtection.bins(series, totalShown, threshold, true);
                for (int b = 0; b < binCount; b++) {
                    if (binHidden[b]) {
                        primary.add(bins.get(b));
                    }
                }
            }
        }
        // every item of a parent scope is the sum of that item over its child scopes
        children.forEach((parent, kids) -> {
            Set<String> items = new TreeSet<>();
            counts.keySet().stream().filter(c -> c.table().equals(parent)).forEach(c -> items.add(c.item()));
            for (String item : items) {
                List<Cell> parts = new ArrayList<>();
                for (String kid : kids) {
                    if (counts.containsKey(new Cell(kid, item))) {
                        parts.add(new Cell(kid, item));
                    }
                }
                relations.add(Relation.sum(new Cell(parent, item), parts));
            }
        });
        return new OutcomeHierarchy(counts, protect(counts, primary, relations, children, threshold));
    }

    /**
     * How many systems {@link #of} has protected since the start (each a run of the solver); the
     * tests count them to prove that a read of a stored report runs none.
     */
    static final java.util.concurrent.atomic.AtomicLong SYSTEMS_PROTECTED = new java.util.concurrent.atomic.AtomicLong();

    /** The counts of every scope's report, which scopes sum which, and the interventions. */
    private record Counted(Map<Cell, Integer> counts, Map<String, Set<String>> children, Set<String> interventions) {
    }

    /**
     * The counts of every scope's report of the clients, as {@link #of} counts them, without
     * choosing hidden cells: the hidden cells are a function of these counts (with the bins and
     * threshold), so two sets of clients with the same counts have the same hidden cells.
     */
    static Map<Cell, Integer> counts(List<Client> clients, boolean aboveMunicipalities) {
        return count(clients, aboveMunicipalities).counts();
    }

    private static Counted count(List<Client> clients, boolean aboveMunicipalities) {
        Map<Cell, Integer> counts = new TreeMap<>();
        Map<String, Set<String>> children = new TreeMap<>();
        Set<String> interventions = new TreeSet<>();
        Set<String> withUnits = new TreeSet<>();
        clients.stream().filter(c -> c.unit() != null).forEach(c -> withUnits.add(c.municipality()));
        for (Client c : clients) {
            interventions.addAll(c.interventions());
            List<String> scopes = new ArrayList<>(List.of(municipalityScope(c.municipality())));
            if (aboveMunicipalities) {
                scopes.addAll(List.of(NATION, regionScope(c.region())));
                children.computeIfAbsent(NATION, k -> new TreeSet<>()).add(regionScope(c.region()));
                children.computeIfAbsent(regionScope(c.region()), k -> new TreeSet<>()).add(municipalityScope(c.municipality()));
            }
            if (withUnits.contains(c.municipality())) {
                String unit = c.unit() != null ? unitScope(c.unit()) : restScope(c.municipality());
                scopes.add(unit);
                children.computeIfAbsent(municipalityScope(c.municipality()), k -> new TreeSet<>()).add(unit);
            }
            for (String scope : scopes) {
                for (String sex : new String[] {"T", c.sex()}) {
                    counts.merge(new Cell(scope, row(null, sex)), 1, Integer::sum);
                    for (String i : c.interventions()) {
                        counts.merge(new Cell(scope, row(i, sex)), 1, Integer::sum);
                    }
                }
                counts.merge(new Cell(scope, bin(true, c.beforeBin())), 1, Integer::sum);
                counts.merge(new Cell(scope, bin(false, c.afterBin())), 1, Integer::sum);
            }
        }
        return new Counted(counts, children, interventions);
    }

    /**
     * The hidden cells of every scope. A scope with a single child scope (a region of one
     * municipality, a municipality whose clients all belong to one unit) publishes the same counts
     * as that child, so the two are one report to the attacker: the chain is protected once, as its
     * lowest scope, and every scope in it hides the same cells. The system is the same, with fewer
     * unknowns and without the equations parent = child.
     */
    private static Set<Cell> protect(Map<Cell, Integer> counts, Set<Cell> primary, List<Relation> relations,
                                     Map<String, Set<String>> children, int threshold) {
        Map<String, String> same = new HashMap<>();
        counts.keySet().forEach(c -> same.computeIfAbsent(c.table(), s -> {
            String r = s;
            while (children.containsKey(r) && children.get(r).size() == 1) {
                r = children.get(r).iterator().next();
            }
            return r;
        }));
        Map<Cell, Integer> reduced = new TreeMap<>();
        counts.forEach((c, n) -> {
            if (same.get(c.table()).equals(c.table())) {
                reduced.put(c, n);
            }
        });
        Set<Cell> start = new LinkedHashSet<>();
        primary.forEach(c -> start.add(new Cell(same.getOrDefault(c.table(), c.table()), c.item())));
        List<Relation> merged = new ArrayList<>();
        for (Relation r : relations) {
            Map<Cell, Integer> terms = new LinkedHashMap<>();
            r.terms().forEach((c, k) -> terms.merge(new Cell(same.getOrDefault(c.table(), c.table()), c.item()), k,
                    Integer::sum));
            terms.values().removeIf(k -> k == 0);
            if (!terms.isEmpty()) {
                merged.add(new Relation(terms, r.equality()));
            }
        }
        Set<Cell> hidden = DisclosureControl.protect(reduced, start, merged, threshold);
        Set<Cell> all = new LinkedHashSet<>();
        counts.keySet().forEach(c -> {
            if (hidden.contains(new Cell(same.get(c.table()), c.item()))) {
                all.add(c);
            }
        });
        primary.forEach(c -> {
            if (hidden.contains(new Cell(same.getOrDefault(c.table(), c.table()), c.item()))) {
                all.add(c);
            }
        });
        return all;
    }

    private static int n(Map<Cell, Integer> counts, Cell c) {
        return counts.getOrDefault(c, 0);
    }

    /** Whether a scope's item is hidden; an item with no clients is never hidden. */
    boolean hidden(String scope, String item) {
        return hidden.contains(new Cell(scope, item));
    }

    /** The count of a scope's item (0 when no client is in it). */
    int count(String scope, String item) {
        return counts.getOrDefault(new Cell(scope, item), 0);
    }

    /** Every hidden cell. */
    Set<Cell> hiddenCells() {
        return Set.copyOf(hidden);
    }

    /** Every cell with at least one client, and its count. */
    Map<Cell, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** A small cache of hierarchies by their clients and parameters (the pages ask for the same report often). */
    static final class Cache {

        /** The clients as a multiset, so that the order the database returned them in does not matter. */
        private record Key(Map<Client, Long> clients, int binCount, int threshold, boolean aboveMunicipalities) {
        }

        private final Map<Key, OutcomeHierarchy> entries;

        Cache(int size) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, OutcomeHierarchy> eldest) {
                    return size() > size;
                }
            };
        }

        OutcomeHierarchy get(List<Client> clients, int binCount, int threshold) {
            return get(clients, binCount, threshold, true);
        }

        /**
         * The hierarchy of the clients, computed outside the lock so that several regions can be
         * computed at once (the nation's report needs all of them); two callers asking for the same
         * new clients at once both compute it, with the same answer.
         */
        OutcomeHierarchy get(List<Client> clients, int binCount, int threshold, boolean aboveMunicipalities) {
            Key key = new Key(clients.stream().collect(java.util.stream.Collectors.groupingBy(c -> c,
                    java.util.stream.Collectors.counting())), binCount, threshold, aboveMunicipalities);
            synchronized (this) {
                OutcomeHierarchy cached = entries.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            OutcomeHierarchy computed = of(clients, binCount, threshold, aboveMunicipalities);
            synchronized (this) {
                entries.put(key, computed);
            }
            return computed;
        }
    }

    /** For tests: the cells' counts grouped by scope. */
    Map<String, Map<String, Integer>> byScope() {
        Map<String, Map<String, Integer>> result = new TreeMap<>();
        counts.forEach((c, n) -> result.computeIfAbsent(c.table(), k -> new HashMap<>()).put(c.item(), n));
        return result;
    }
}
