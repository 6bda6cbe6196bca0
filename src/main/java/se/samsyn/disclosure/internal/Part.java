package se.samsyn.disclosure.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.Relation;

/**
 * A connected group of unknown cells (hidden and non-zero), the independent relations that hold
 * any of them ({@code relations}, what the programmes use) and all those relations ({@code held}).
 */
record Part(List<Cell> cells, List<Relation> relations, List<Relation> held) {

    /** The parts that hold at least one of {@code wanted}. */
    static List<Part> of(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> relations, Set<Cell> wanted) {
        Map<Cell, Cell> root = new HashMap<>();
        for (Cell c : hidden) {
            if (LinearAttack.count(counts, c) > 0) {
                root.put(c, c);
            }
        }
        for (Relation r : relations) {
            Cell first = null;
            for (Cell c : r.terms().keySet()) {
                if (root.containsKey(c)) {
                    if (first == null) {
                        first = c;
                    } else {
                        Cell a = find(root, c);
                        Cell b = find(root, first);
                        if (!a.equals(b)) {
                            root.put(a, b);
                        }
                    }
                }
            }
        }
        Map<Cell, List<Cell>> cells = new LinkedHashMap<>();
        for (Cell c : hidden) {
            if (root.containsKey(c)) {
                cells.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Cell, List<Relation>> held = new HashMap<>();
        for (Relation r : relations) {
            r.terms().keySet().stream().filter(root::containsKey).findFirst()
                    .ifPresent(c -> held.computeIfAbsent(find(root, c), k -> new ArrayList<>()).add(r));
        }
        List<Part> parts = new ArrayList<>();
        cells.forEach((key, members) -> {
            if (members.stream().anyMatch(wanted::contains)) {
                List<Relation> all = held.getOrDefault(key, List.of());
                parts.add(new Part(members, LinearAttack.independent(members, all), all));
            }
        });
        return parts;
    }

    private static Cell find(Map<Cell, Cell> root, Cell c) {
        Cell r = c;
        while (!root.get(r).equals(r)) {
            r = root.get(r);
        }
        Cell walk = c;
        while (!root.get(walk).equals(r)) {
            Cell next = root.get(walk);
            root.put(walk, r);
            walk = next;
        }
        return r;
    }
}
