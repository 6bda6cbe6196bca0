package se.samsyn.followup;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.samsyn.disclosure.Cell;

/**
 * Every row of the stored calendar-year outcome reports of one instrument and year at every scope
 * (ADR 0015, "The whole report against the indicators"), <strong>with the true counts of the cells
 * the reports hide</strong>: for the comparison refresh only, which protects the same year's
 * outcome indicators in one system with the whole report. In-process only; never published, never
 * exposed over HTTP, never shown to a reader.
 *
 * <p>A cell is {@code (scope, item)}: the scope {@code nation}, {@code region:12},
 * {@code municipality:1280}, {@code unit:<code>}, or {@code rest:1280} (a municipality's clients
 * without a unit, a report never published); the item {@code all/T} (the all-interventions row,
 * T, K or M), {@code int:<code>/K} (one intervention's row), or {@code before/<i>} and
 * {@code after/<i>} (bin i, 0 to 9, of the baseline-score and follow-up-score distributions). A
 * scope's bins of each series sum to its {@code all/T}; a hidden empty bin has no count, so it is
 * known to be 0 (as the report's own protection treats it, which can only over-protect).
 *
 * @param countedAt when the stored reports' counts were read
 * @param counts    the true count of clients of every cell (an absent cell counts 0)
 * @param hidden    the cells no reader outside the owning unit sees (every cell of a {@code rest:}
 *                  scope among them)
 * @param sums      equalities: {@link Sum#whole()} = Σ {@link Sum#parts()} (T = K + M in a row;
 *                  {@code all/T} = Σ {@code before/<i>} and = Σ {@code after/<i>} in every scope; a
 *                  region the sum of its municipalities, the nation of its regions, a municipality
 *                  with units the sum of its units and its {@code rest:} scope, item by item, each
 *                  bin included)
 * @param atMost    inequalities: {@link Sum#whole()} ≤ Σ {@link Sum#parts()} (an intervention row
 *                  at most the all-interventions row of the same sex; that row at most the sum of
 *                  the intervention rows)
 */
public record PublishedOutcomeTable(Instant countedAt, Map<Cell, Integer> counts, Set<Cell> hidden, List<Sum> sums,
                                    List<Sum> atMost) {

    /** Copies the collections and makes them unmodifiable. */
    public PublishedOutcomeTable {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        hidden = Set.copyOf(hidden);
        sums = List.copyOf(sums);
        atMost = List.copyOf(atMost);
    }

    /**
     * One relation between cells: {@code whole} against the sum of {@code parts} (absent parts count 0).
     *
     * @param whole the cell on the left
     * @param parts the cells summed on the right
     */
    public record Sum(Cell whole, List<Cell> parts) {

        /** Copies {@code parts}. */
        public Sum {
            parts = List.copyOf(parts);
        }
    }
}
