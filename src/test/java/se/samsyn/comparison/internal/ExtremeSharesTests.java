package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/** ADR 15, attribute disclosure: 0 % and 100 % on a base under twice the threshold (5) are withheld. */
class ExtremeSharesTests {

    @Test
    void zeroAndAllOnABaseUnderTenAreWithheld() {
        assertThat(ExtremeShares.withheld(0.0, 9.0, 5)).isTrue();
        assertThat(ExtremeShares.withheld(9.0, 9.0, 5)).isTrue();
        assertThat(ExtremeShares.withheld(0.0, 5.0, 5)).isTrue();
        assertThat(ExtremeShares.withheld(1.0, 1.0, 5)).isTrue();
    }

    @Test
    void aBaseOfTenOrMoreAndSharesInBetweenArePublished() {
        assertThat(ExtremeShares.withheld(0.0, 10.0, 5)).isFalse();
        assertThat(ExtremeShares.withheld(10.0, 10.0, 5)).isFalse();
        assertThat(ExtremeShares.withheld(1.0, 9.0, 5)).isFalse();
        assertThat(ExtremeShares.withheld(8.0, 9.0, 5)).isFalse();
        // no base, no share
        assertThat(ExtremeShares.withheld(0.0, 0.0, 5)).isFalse();
        assertThat(ExtremeShares.withheld(null, 6.0, 5)).isFalse();
        assertThat(ExtremeShares.withheld(0.0, null, 5)).isFalse();
        // the threshold decides what is small: under 2 × 3 = 6
        assertThat(ExtremeShares.withheld(0.0, 6.0, 3)).isFalse();
        assertThat(ExtremeShares.withheld(0.0, 5.0, 3)).isTrue();
    }

    @Test
    void aWithheldCellIsProtectedAsASmallCountIs() {
        Cell t = new Cell("1280", "T");
        Cell k = new Cell("1280", "K");
        Cell m = new Cell("1280", "M");
        Map<Cell, Integer> bases = Map.of(t, 12, k, 6, m, 6);
        List<Relation> relations = List.of(new Relation(t, List.of(k, m)));

        assertThat(Suppression.suppress(bases, relations, 5)).isEmpty();
        // K withheld (say 0 of 6): M would give it away as T − M, so M is hidden too
        assertThat(Suppression.suppress(bases, relations, 5, Set.of(k))).containsExactlyInAnyOrder(k, m);
        // a withheld cell with no base is not hidden
        assertThat(Suppression.suppress(Map.of(t, 6, k, 6, m, 0), relations, 5, Set.of(m))).isEmpty();
    }
}
