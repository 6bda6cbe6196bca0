package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * The same year's report counts a subset of the indicator's clients (ADR 0015): a client with a
 * baseline and a follow-up but no intervention is in the indicator and not in the report, so a
 * report n is a lower bound of the indicator's cell. Region R = {A, B, D}, region R2 = {X, Y},
 * kommungrupp G = {A, X} (the indicator's only). X has one woman and one man without an
 * intervention: the indicator counts 7 women and 9 men there, the report 6 and 8. The report hides
 * A's and B's women and men.
 */
class ReportSubsetTests {

    private static final int THRESHOLD = 5;

    private static final Map<Cell, Integer> INDICATOR = new LinkedHashMap<>();

    private static final Map<Cell, Integer> REPORT = new LinkedHashMap<>();

    private static final Set<Cell> REPORT_HIDES = Set.of(new Cell("A", "K"), new Cell("A", "M"), new Cell("B", "K"),
            new Cell("B", "M"));

    static {
        for (Map<Cell, Integer> m : List.of(INDICATOR, REPORT)) {
            put(m, "A", 3, 9);
            put(m, "B", 10, 10);
            put(m, "D", 6, 7);
            put(m, "R", 19, 26);
            put(m, "Y", 9, 9);
        }
        put(INDICATOR, "X", 7, 9);
        put(REPORT, "X", 6, 8);
        put(INDICATOR, "R2", 16, 18);
        put(REPORT, "R2", 15, 17);
        put(INDICATOR, "G", 10, 18);
    }

    private static void put(Map<Cell, Integer> m, String area, int k, int men) {
        m.put(new Cell(area, "T"), k + men);
        m.put(new Cell(area, "K"), k);
        m.put(new Cell(area, "M"), men);
    }

    private static List<Relation> relations(boolean group) {
        return ReportJointAttack.relations(List.of("A", "B", "D", "R", "X", "Y", "R2", "G"), group);
    }

    @Test
    void theReportAloneIsProtected() {
        JointAttack alone = ReportJointAttack.of(Map.of(), Set.of(), List.of(), REPORT, REPORT_HIDES, relations(false),
                false);
        for (Cell c : REPORT_HIDES) {
            assertThat(ReportJointAttack.safe(alone.bounds(ReportJointAttack.rep(c)), THRESHOLD)).as("report %s", c).isTrue();
        }
    }

    @Test
    void aShownReportNIsALowerBoundSoAsThreeWomenAreNotNarrowedToTwoToFour() {
        Set<Cell> hidden = ResultMarking.hidden(INDICATOR, relations(true), THRESHOLD, Set.of(),
                ReportJointAttack.published(REPORT, REPORT_HIDES));

        JointAttack attack = ReportJointAttack.of(INDICATOR, hidden, relations(true), REPORT, REPORT_HIDES,
                relations(false), false);
        // hand-checked: without the report's bounds the marking left A's 3 women at [2, 4]
        assertThat(hidden).contains(new Cell("A", "K"));
        for (String c : attack.hiddenCells()) {
            assertThat(ReportJointAttack.safe(attack.bounds(c), THRESHOLD)).as(c).isTrue();
        }
    }
}
