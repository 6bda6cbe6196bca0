package se.samsyn.followup.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.samsyn.disclosure.Cell;

/**
 * The nation's outcome report (one instrument and period) and its hidden cells, from the protected
 * systems of its regions (ADR 0015, "The nation against its regions"). Plain Java, without Spring.
 *
 * <p>Each region's system ({@link OutcomeHierarchy} over the region's clients: the region, its
 * municipalities and their units) is protected on its own, and regions share no client, so the
 * attacker's feasible counts of the regions together are the product of each region's. Every item
 * of the nation (each row's T, K and M, each bin) is the sum of that item over the regions. The
 * rule: <b>a nation cell is published only when the same item is published in every region</b>
 * (an item absent from a region, with no client, is published there as 0); otherwise it is hidden.
 * Then
 * <ul>
 *   <li>a published nation cell is the sum of published region cells, which the attacker has
 *       already, and the nation's own relations (T = K + M, each series summing to T, an
 *       intervention row at most the all row) are sums of the regions' relations, so the published
 *       system of the country is the union of the regions' systems and every hidden region,
 *       municipality and unit count keeps the interval its region's system proved;</li>
 *   <li>a hidden nation cell lies in the sum of the regions' intervals for that item (a published
 *       region cell an interval of one value): with the feasible set a product, every sum of
 *       region values is reached. A hidden region cell with clients keeps the protection level
 *       (span at least t − 1, upper end at least t), so the sum's span is at least that cell's span
 *       and its upper end at least that cell's upper end: the nation cell keeps the protection
 *       level too, with no linear programme;</li>
 *   <li>a hidden nation cell whose hidden region cells are all empty (a region's bin hidden with its
 *       hidden total) is the sum of published region cells: it holds no hidden count, but it is not
 *       published, since that would tell that those region cells are empty (where a small region's
 *       few clients are not). The model's attacker, who is granted the empty hidden cells, knows
 *       it; a reader does not.</li>
 * </ul>
 * The price: a nation cell is hidden as soon as one region hides the item, however small the
 * region. More exact rules (publishing a nation cell that two or more hidden region cells
 * protect, proved by a restriction) are not made.
 */
final class NationalProtection {

    private NationalProtection() {
    }

    /**
     * The nation's report from its regions' protected systems.
     *
     * @param regions  each region's system by county code (its clients only, every scope of it)
     * @param scopeKey the key the nation's cells get in the answer
     * @return a hierarchy of the one scope {@code scopeKey}: its counts the sums over the regions,
     *         hidden the items hidden in at least one region
     */
    static OutcomeHierarchy nation(Map<String, OutcomeHierarchy> regions, String scopeKey) {
        Map<Cell, Integer> counts = new TreeMap<>();
        Set<Cell> hidden = new LinkedHashSet<>();
        regions.forEach((code, system) -> {
            String region = OutcomeHierarchy.regionScope(code);
            system.counts().forEach((cell, n) -> {
                if (cell.table().equals(region)) {
                    counts.merge(new Cell(scopeKey, cell.item()), n, Integer::sum);
                }
            });
            system.hiddenCells().forEach(cell -> {
                if (cell.table().equals(region)) {
                    hidden.add(new Cell(scopeKey, cell.item()));
                }
            });
        });
        return OutcomeHierarchy.published(counts, hidden);
    }
}
