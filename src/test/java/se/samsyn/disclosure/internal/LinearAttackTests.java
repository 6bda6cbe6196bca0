package se.samsyn.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;
import se.samsyn.disclosure.Cell;
import se.samsyn.disclosure.Interval;
import se.samsyn.disclosure.Relation;

/**
 * What the attacker's programmes rely on: ojAlgo's simplex builder keeps every variable at or above
 * 0 (the bound the dropped one-unknown lower bounds follow from), and the tightest one-unknown
 * bounds give the exact interval with coefficients other than 1.
 */
class LinearAttackTests {

    /** ojAlgo 55.2: the builder ignores lower() and upper(), but every variable is at least 0 (standard form). */
    @Test
    void builderVariablesAreNonNegativeWhateverLowerSays() {
        // minimise y0 subject to y0 - y1 <= 5 only: 0 if y >= 0 holds, unbounded otherwise
        Optimisation.Result free = LinearSolver.newBuilder().objective(new double[] {1, 0}).lower(-10)
                .inequality(5, 1, -1).build().solve();
        assertThat(free.getState().isOptimal()).isTrue();
        assertThat(free.doubleValue(0)).isEqualTo(0.0);
        // upper(3) ignored: max y0 with y0 - y1 <= 5, y1 <= 7 gives 12
        Optimisation.Result capped = LinearSolver.newBuilder().objective(new double[] {-1, 0}).upper(3)
                .inequality(5, 1, -1).inequality(7, 0, 1).build().solve();
        assertThat(capped.doubleValue(0)).isEqualTo(12.0);
    }

    /** By hand: T = A + B = 10; 2A <= 3G (G = 4), A - Z - H <= 0 (Z hidden zero, H = 7), 3B >= 2K (K = 7), -B <= 0. */
    @Test
    void handSystemWithNonUnitOneUnknownBounds() {
        Cell a = new Cell("t", "A"), b = new Cell("t", "B"), t = new Cell("t", "T"), g = new Cell("t", "G"),
                h = new Cell("t", "H"), k = new Cell("t", "K"), z = new Cell("t", "Z");
        Map<Cell, Integer> counts = Map.of(a, 4, b, 6, t, 10, g, 4, h, 7, k, 7, z, 0);
        List<Relation> rels = List.of(Relation.sum(t, List.of(a, b)),
                new Relation(Map.of(a, 2, g, -3), false),
                new Relation(Map.of(a, 1, z, -1, h, -1), false),
                new Relation(Map.of(b, -3, k, 2), false),
                new Relation(Map.of(b, -1), false));
        Set<Cell> hidden = Set.of(a, b, z);
        Map<Cell, Interval> bounds = LinearAttack.bounds(counts, hidden, rels);
        // A <= min(6, 7, 10 - 14/3) = 5.33 -> 5; B in [14/3, 9] -> [5, 9]
        assertThat(bounds).containsEntry(a, new Interval(1, 5)).containsEntry(b, new Interval(5, 9));
        assertThat(LinearAttack.exposed(counts, hidden, rels, 5, hidden)).isEmpty();
        assertThat(LinearAttack.exposed(counts, hidden, rels, 6, hidden)).containsOnlyKeys(a, b);
    }
}
