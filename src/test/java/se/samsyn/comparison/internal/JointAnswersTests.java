package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * The joint protection with the whole report keeps its latest answers by their inputs
 * ({@link DisclosureBounds#protect(Map, Set, java.util.Collection, ReportTable, int, Set)}): the
 * same inputs give the same hidden cells as the first time, and what a caller does with the set it
 * got does not change the next answer; only a system not seen before is worked out
 * ({@link DisclosureBounds#jointSystemsWorkedOut()}). The cell codes are this test's own, so no other
 * test's kept answer can stand in for one of these (the answers are kept for the whole JVM).
 */
class JointAnswersTests {

    private static final Cell T = new Cell("9901", "T");
    private static final Cell K = new Cell("9901", "K");
    private static final Cell M = new Cell("9901", "M");

    /**
     * By hand: T = K + M = 7 (K 3, M 4), K under the threshold 5; the report counts the same
     * clients and hides K and M, shows T. K alone hidden in T = K + M gives it by subtraction, so
     * M (the smallest published cell of that sum) is hidden too; then K in 1 … 6 and M in 1 … 6,
     * each at least 5 possible counts and reaching 5: protected.
     */
    @Test
    void theSameInputsGiveTheSameHiddenCellsAndACallerCannotChangeThem() {
        Map<Cell, Integer> bases = Map.of(T, 7, K, 3, M, 4);
        List<Relation> relations = List.of(new Relation(T, List.of(K, M)));
        ReportTable report = new ReportTable(Map.of(T, 7, K, 3, M, 4), Set.of(K, M), relations, List.of());

        long before = DisclosureBounds.jointSystemsWorkedOut();
        Set<Cell> first = DisclosureBounds.protect(bases, Set.of(K), relations, report, 5, Set.of());
        assertThat(first).containsExactlyInAnyOrder(K, M);
        assertThat(DisclosureBounds.jointSystemsWorkedOut()).as("the first answer is worked out").isEqualTo(before + 1);
        first.add(T);

        Set<Cell> again = DisclosureBounds.protect(Map.of(T, 7, K, 3, M, 4), Set.of(K), List.copyOf(relations),
                report, 5, Set.of());
        assertThat(again).containsExactlyInAnyOrder(K, M);
        assertThat(DisclosureBounds.jointSystemsWorkedOut()).as("equal inputs: the answer kept").isEqualTo(before + 1);
        // another threshold is another system: with 3, K in 1 … 6 still, M as well, the same cells
        // (M hidden for the subtraction), so the answer is worked out again, not taken
        assertThat(DisclosureBounds.protect(bases, Set.of(K), relations, report, 3, Set.of()))
                .containsExactlyInAnyOrder(K, M);
        assertThat(DisclosureBounds.jointSystemsWorkedOut()).as("another threshold: worked out").isEqualTo(before + 2);
    }
}
