package se.samsyn.comparison.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * One year's outcome report of an instrument with all its rows, as the protector of the same
 * year's outcome indicator sees it (ADR 0015, "One year's report and indicators"): besides the
 * row that counts the indicator's clients, its intervention rows and its units, with their true
 * counts, the cells the report hides and the report's own relations. A cell whose area code is an
 * indicator area (municipality, region {@code 00} + county, nation {@code 0000}) is the report's
 * row of the indicator's clients there and counts the indicator cell's clients with an
 * intervention; every other cell has an area code of its own (such as {@code 0428/I1} for an
 * intervention row, {@code 0428:U1} for a unit, {@code 0428/before} with the bin's number for the
 * sex for a distribution bin) and is tied to the indicator only through the report's relations.
 *
 * @param counts the true count of every report cell (clients; 0 where the cell is empty)
 * @param hidden the report cells the report hides, a never-published report (clients without a
 *               unit) included
 * @param sums   the report's equalities, parent = Σ children (T = K + M, T = Σ bins of each
 *               distribution series, a region the sum of its municipalities, a municipality the sum
 *               of its units and its clients without a unit)
 * @param atMost the report's inequalities, parent ≤ Σ children (an intervention row at most the row
 *               of all interventions, that row at most the sum of the intervention rows)
 */
record ReportTable(Map<Cell, Integer> counts, Set<Cell> hidden, List<Relation> sums, List<Relation> atMost) {

    ReportTable {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        hidden = Set.copyOf(hidden);
        sums = List.copyOf(sums);
        atMost = List.copyOf(atMost);
    }

    /**
     * The report's published n of the indicator's cells among {@code bases}, as
     * {@link SameYearReports#published} gives them: null where the report hides the cell.
     */
    Map<Cell, Integer> published(Map<Cell, Integer> bases) {
        Map<Cell, Integer> published = new LinkedHashMap<>();
        counts.forEach((c, n) -> {
            if (bases.containsKey(c)) {
                published.put(c, hidden.contains(c) ? null : n);
            }
        });
        return published;
    }
}
