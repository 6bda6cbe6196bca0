package se.samsyn.comparison.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which municipalities a refresh of results covers: all of them ({@link #ALL}), or the named ones
 * (four-digit municipality codes), whose follow-up data changed.
 *
 * @param municipalities the covered municipality codes, sorted; empty for all
 */
record Coverage(List<String> municipalities) {

    /** Every municipality: a full refresh. */
    static final Coverage ALL = new Coverage(List.of());

    Coverage {
        municipalities = List.copyOf(new TreeSet<>(municipalities));
    }

    /** Only the named municipalities; an empty set is rejected, as it would mean all. */
    static Coverage of(Set<String> municipalities) {
        if (municipalities.isEmpty()) {
            throw new IllegalArgumentException("A partial coverage names at least one municipality");
        }
        return new Coverage(List.copyOf(municipalities));
    }

    boolean all() {
        return municipalities.isEmpty();
    }

    /**
     * An SQL condition on the given municipality column, to append to a WHERE clause: blank when
     * every municipality is covered, else {@code AND column IN (:ms)} (bind {@link #codes()} as
     * {@code ms}). Always begins and ends with a space.
     */
    String filter(String column) {
        return all() ? " " : " AND " + column + " IN (:ms) ";
    }

    /** The codes to bind as {@code ms}; a placeholder when every municipality is covered (then unused). */
    List<String> codes() {
        return all() ? List.of("") : municipalities;
    }
}
