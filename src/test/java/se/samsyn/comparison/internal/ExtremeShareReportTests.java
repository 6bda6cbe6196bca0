package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * An extreme share whose n the same year's report shows (ADR 0015): region R = {A, B, D}, region
 * R2 = {X, Y}, kommungrupp G = {A, X} (the indicator's only). The indicator's n equals the
 * report's everywhere. D's women (8) and men (7) have an improved share of 0 % or 100 %: the
 * indicator withholds their value, the report shows their n. The report hides A and B (all
 * three cells) and X and Y (women and men) and is protected on its own.
 */
class ExtremeShareReportTests {

    private static final int THRESHOLD = 5;

    private static final Map<Cell, Integer> N = new LinkedHashMap<>();

    private static final Set<Cell> REPORT_HIDES = new HashSet<>();

    private static final Set<Cell> EXTREMES = Set.of(new Cell("D", "K"), new Cell("D", "M"));

    static {
        put("A", 8, 5);
        put("B", 3, 1);
        put("D", 8, 7);
        put("X", 1, 11);
        put("Y", 8, 12);
        put("R", 19, 13);
        put("R2", 9, 23);
        put("G", 9, 16);
        for (String s : List.of("T", "K", "M")) {
            REPORT_HIDES.add(new Cell("A", s));
            REPORT_HIDES.add(new Cell("B", s));
        }
        for (String s : List.of("K", "M")) {
            REPORT_HIDES.add(new Cell("X", s));
            REPORT_HIDES.add(new Cell("Y", s));
        }
    }

    private static void put(String area, int k, int m) {
        N.put(new Cell(area, "T"), k + m);
        N.put(new Cell(area, "K"), k);
        N.put(new Cell(area, "M"), m);
    }

    private static Map<Cell, Integer> report() {
        Map<Cell, Integer> report = new LinkedHashMap<>(N);
        report.keySet().removeIf(c -> c.area().equals("G"));
        return report;
    }

    private static List<Relation> relations(boolean group) {
        return ReportJointAttack.relations(List.of("A", "B", "D", "X", "Y", "R", "R2", "G"), group);
    }

    @Test
    void theReportAloneIsProtected() {
        JointAttack alone = ReportJointAttack.of(Map.of(), Set.of(), List.of(), report(), REPORT_HIDES,
                relations(false), true);
        for (Cell c : REPORT_HIDES) {
            assertThat(ReportJointAttack.safe(alone.bounds(ReportJointAttack.rep(c)), THRESHOLD)).as("report %s", c).isTrue();
        }
    }

    @Test
    void anExtremeShareWhoseNTheReportShowsCountsAsPublishedSoBsOneManStaysProtected() {
        Set<Cell> hidden = ResultMarking.hidden(N, relations(true), THRESHOLD, EXTREMES,
                ReportJointAttack.published(report(), REPORT_HIDES));

        // D's extreme values are hidden; B's single man (hand-checked: [1, 1] before the fix) is protected
        assertThat(hidden).contains(new Cell("D", "K"), new Cell("D", "M"), new Cell("B", "M"));
        JointAttack attack = ReportJointAttack.of(N, hidden, relations(true), report(), REPORT_HIDES, relations(false),
                true);
        for (String c : attack.hiddenCells()) {
            if (!c.startsWith("ind|D|") || c.equals("ind|D|T")) {
                assertThat(ReportJointAttack.safe(attack.bounds(c), THRESHOLD)).as(c).isTrue();
            }
        }
        assertThat(ReportJointAttack.safe(attack.bounds("ind|B|M"), THRESHOLD)).isTrue();
    }
}
