package se.samsyn.disclosure;

import java.util.Objects;

/**
 * One published count: the table (or report) it belongs to and the item in it, for example the
 * report of a scope ("municipality:1280") and a row and sex ("all/T"), or an area ("1280") and a
 * sex ("K"). Ordered by table, then item; the order breaks ties when secondary cells are chosen.
 *
 * @param table the table or report, never null
 * @param item  the item within it, never null
 */
public record Cell(String table, String item) implements Comparable<Cell> {

    public Cell {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public int compareTo(Cell o) {
        int c = table.compareTo(o.table);
        return c != 0 ? c : item.compareTo(o.item);
    }

    @Override
    public String toString() {
        return table + " " + item;
    }
}
