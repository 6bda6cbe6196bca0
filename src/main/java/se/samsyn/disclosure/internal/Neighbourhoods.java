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
 * The neighbourhoods of a part's cells: a cell's neighbours are the other unknowns of the
 * relations that hold it. A neighbourhood is grown breadth first from one cell, neighbours in
 * {@link Cell} order, to about a given size, so it is the same on every run.
 */
final class Neighbourhoods {

    private final Map<Cell, List<Relation>> relationsOf = new HashMap<>();
    private final Map<Cell, List<Cell>> neighbours = new HashMap<>();

    Neighbourhoods(Part part) {
        Set<Cell> unknown = new java.util.HashSet<>(part.cells());
        for (Relation r : part.held()) {
            for (Cell c : r.terms().keySet()) {
                if (unknown.contains(c)) {
                    relationsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (Cell c : part.cells()) {
            Set<Cell> next = new java.util.TreeSet<>();
            relationsOf.getOrDefault(c, List.of()).forEach(r -> r.terms().keySet().stream()
                    .filter(unknown::contains).forEach(next::add));
            next.remove(c);
            neighbours.put(c, List.copyOf(next));
        }
    }

    /** The cells within the fewest steps of {@code cell}, whole layers, until at least {@code size} (or all it reaches). */
    List<Cell> ball(Cell cell, int size) {
        Set<Cell> ball = new LinkedHashSet<>(List.of(cell));
        List<Cell> layer = List.of(cell);
        while (ball.size() < size && !layer.isEmpty()) {
            List<Cell> next = new ArrayList<>();
            for (Cell c : layer) {
                for (Cell n : neighbours.get(c)) {
                    if (ball.add(n)) {
                        next.add(n);
                    }
                }
            }
            layer = next;
        }
        return List.copyOf(ball);
    }

    /** The cells free, every other unknown fixed at its true count: every relation that holds a cell. */
    Part restriction(List<Cell> cells) {
        Set<Relation> touching = new LinkedHashSet<>();
        cells.forEach(c -> touching.addAll(relationsOf.getOrDefault(c, List.of())));
        List<Relation> held = List.copyOf(touching);
        return new Part(cells, LinearAttack.independent(cells, held), held);
    }

    /** The cells free and nothing else known of the other unknowns: only the relations among the cells. */
    Part relaxation(List<Cell> cells) {
        Set<Cell> inside = new java.util.HashSet<>(cells);
        Set<Relation> within = new LinkedHashSet<>();
        for (Cell c : cells) {
            for (Relation r : relationsOf.getOrDefault(c, List.of())) {
                if (r.terms().keySet().stream().allMatch(t -> inside.contains(t) || !relationsOf.containsKey(t))) {
                    within.add(r);
                }
            }
        }
        List<Relation> held = List.copyOf(within);
        return new Part(cells, LinearAttack.independent(cells, held), held);
    }
}
