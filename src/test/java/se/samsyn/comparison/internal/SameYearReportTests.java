package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * A year's outcome indicator and the same year's outcome report (ADR 0015, "One year's report and
 * indicators") on a hand-made region R of three municipalities A, B and D, whose indicator n and
 * report n are the same clients: A 3 women and 9 men, B 10 and 10, D 6 and 7. The report hides
 * A's and B's K and M (a choice its own relations, units among them, can make; alone it leaves A's
 * K anywhere in 1 … 11). The indicator alone hides A's K and M and, for R's sums, D's (the smaller
 * neighbour). Read together, R's K of 19 less D's 6 (the report shows it) and B's 10 (the
 * indicator shows it) is A's 3.
 */
class SameYearReportTests {

    private static final int THRESHOLD = 5;

    private static final Map<Cell, Integer> BASES = new LinkedHashMap<>();

    static {
        put("A", 3, 9);
        put("B", 10, 10);
        put("D", 6, 7);
        put("R", 19, 26);
    }

    private static void put(String area, int women, int men) {
        BASES.put(new Cell(area, "T"), women + men);
        BASES.put(new Cell(area, "K"), women);
        BASES.put(new Cell(area, "M"), men);
    }

    private static final Set<Cell> REPORT_HIDES = Set.of(new Cell("A", "K"), new Cell("A", "M"), new Cell("B", "K"),
            new Cell("B", "M"));

    private static List<Relation> relations() {
        List<Relation> relations = new ArrayList<>();
        for (String area : List.of("A", "B", "D", "R")) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        for (String sex : List.of("T", "K", "M")) {
            relations.add(new Relation(new Cell("R", sex), List.of(new Cell("A", sex), new Cell("B", sex), new Cell("D", sex))));
        }
        return relations;
    }

    /** What the report shows: every cell it does not hide, with the same n as the indicator. */
    private static Set<Cell> reportShows() {
        Set<Cell> shown = new java.util.HashSet<>(BASES.keySet());
        shown.removeAll(REPORT_HIDES);
        return shown;
    }

    /** Both publications to an attacker: each one's published n, each one's relations, and indicator n = report n. */
    private static JointAttack attack(Set<Cell> indicatorHides) {
        JointAttack attack = new JointAttack();
        BASES.forEach((cell, n) -> {
            String ind = "ind|" + cell.area() + "|" + cell.gender();
            String rep = "rep|" + cell.area() + "|" + cell.gender();
            if (indicatorHides.contains(cell)) {
                attack.hidden(ind, 1);
            } else {
                attack.published(ind, n);
            }
            if (REPORT_HIDES.contains(cell)) {
                attack.hidden(rep, 1);
            } else {
                attack.published(rep, n);
            }
            attack.sum(ind, List.of(rep));
        });
        for (Relation r : relations()) {
            for (String p : List.of("ind|", "rep|")) {
                attack.sum(p + r.parent().area() + "|" + r.parent().gender(),
                        r.children().stream().map(c -> p + c.area() + "|" + c.gender()).toList());
            }
        }
        return attack;
    }

    @Test
    void theReportAloneKeepsItsHiddenCountsProtected() {
        JointAttack report = new JointAttack();
        BASES.forEach((cell, n) -> {
            String rep = cell.area() + "|" + cell.gender();
            if (REPORT_HIDES.contains(cell)) {
                report.hidden(rep, 1);
            } else {
                report.published(rep, n);
            }
        });
        relations().forEach(r -> report.sum(r.parent().area() + "|" + r.parent().gender(),
                r.children().stream().map(c -> c.area() + "|" + c.gender()).toList()));
        assertThat(report.bounds("A|K")).containsExactly(1.0, 11.0);
    }

    @Test
    void hiddenApartTheIndicatorAndTheReportGiveAwayAMunicipalitysThreeWomen() {
        Set<Cell> alone = Suppression.suppress(BASES, relations(), THRESHOLD);

        assertThat(alone).containsExactlyInAnyOrder(new Cell("A", "K"), new Cell("A", "M"), new Cell("D", "K"),
                new Cell("D", "M"));
        assertThat(attack(alone).bounds("ind|A|K")).containsExactly(3.0, 3.0);
    }

    @Test
    void protectedTogetherTheIndicatorHidesWhatTheReportHidesAndNoHiddenCountIsNarrowed() {
        Set<Cell> together = Suppression.suppress(BASES, relations(), THRESHOLD, REPORT_HIDES, reportShows());

        assertThat(together).containsExactlyInAnyOrderElementsOf(REPORT_HIDES);
        JointAttack attack = attack(together);
        for (String cell : attack.hiddenCells()) {
            assertThat(JointAttack.protects(attack.bounds(cell), THRESHOLD)).as(cell).isTrue();
        }
        assertThat(attack.bounds("ind|A|K")).containsExactly(1.0, 11.0);
    }
}
