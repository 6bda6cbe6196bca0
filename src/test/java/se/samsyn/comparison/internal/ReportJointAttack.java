package se.samsyn.comparison.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * The attacker of one indicator and year together with the same year's outcome report, for the
 * tests: every indicator cell and every report cell is a variable ("ind|area|sex", "rep|area|sex"),
 * each publication's own relations hold, and each report cell is at most the indicator's cell of
 * the same area and sex (the report's clients are the indicator's clients with an intervention),
 * or equal to it when {@code sameClients}.
 */
final class ReportJointAttack {

    private ReportJointAttack() {
    }

    static String ind(Cell c) {
        return "ind|" + c.area() + "|" + c.gender();
    }

    static String rep(Cell c) {
        return "rep|" + c.area() + "|" + c.gender();
    }

    /**
     * @param indicator       the indicator's n of every cell
     * @param indicatorHides  the cells the indicator hides
     * @param indicatorRules  the indicator's relations
     * @param report          the report's n of every cell it has
     * @param reportHides     the cells the report hides
     * @param reportRules     the report's relations
     * @param sameClients     whether each report cell counts exactly the indicator cell's clients
     */
    static JointAttack of(Map<Cell, Integer> indicator, Set<Cell> indicatorHides, List<Relation> indicatorRules,
                          Map<Cell, Integer> report, Set<Cell> reportHides, List<Relation> reportRules,
                          boolean sameClients) {
        JointAttack attack = new JointAttack();
        indicator.forEach((c, n) -> {
            if (indicatorHides.contains(c)) {
                attack.hidden(ind(c), 1);
            } else {
                attack.published(ind(c), n);
            }
        });
        report.forEach((c, n) -> {
            if (reportHides.contains(c)) {
                attack.hidden(rep(c), 1);
            } else {
                attack.published(rep(c), n);
            }
            if (!indicator.containsKey(c)) {
                return;
            }
            if (sameClients) {
                attack.sum(ind(c), List.of(rep(c)));
            } else {
                attack.atMost(rep(c), List.of(ind(c)));
            }
        });
        indicatorRules.forEach(r -> attack.sum(ind(r.parent()), r.children().stream().map(ReportJointAttack::ind).toList()));
        reportRules.forEach(r -> attack.sum(rep(r.parent()), r.children().stream().map(ReportJointAttack::rep).toList()));
        return attack;
    }

    /**
     * The relations of the hand-made tables of {@code ExtremeShareReportTests} and
     * {@code ReportSubsetTests}: region R = {A, B, D}, region R2 = {X, Y}, kommungrupp G = {A, X}
     * (the indicator's only). First T = K + M for each of {@code areas} in the given order (G only
     * with {@code group}), then per sex T, K, M the sums of R, R2 and (with {@code group}) G. The
     * order matters: the greedy secondary suppression breaks ties by it.
     */
    static List<Relation> relations(List<String> areas, boolean group) {
        List<Relation> rs = new java.util.ArrayList<>();
        for (String a : areas) {
            if (group || !a.equals("G")) {
                rs.add(new Relation(new Cell(a, "T"), List.of(new Cell(a, "K"), new Cell(a, "M"))));
            }
        }
        for (String s : List.of("T", "K", "M")) {
            rs.add(new Relation(new Cell("R", s), List.of(new Cell("A", s), new Cell("B", s), new Cell("D", s))));
            rs.add(new Relation(new Cell("R2", s), List.of(new Cell("X", s), new Cell("Y", s))));
            if (group) {
                rs.add(new Relation(new Cell("G", s), List.of(new Cell("A", s), new Cell("X", s))));
            }
        }
        return rs;
    }

    /** Whether the attacker's interval of a hidden cell meets the protection level (or starts at the threshold). */
    static boolean safe(double[] bounds, int threshold) {
        return bounds[0] >= threshold || JointAttack.protects(bounds, threshold);
    }

    /** The report's n of the cells it has, as {@link ResultMarking#hidden} reads them: null where hidden. */
    static Map<Cell, Integer> published(Map<Cell, Integer> report, Set<Cell> reportHides) {
        Map<Cell, Integer> published = new java.util.LinkedHashMap<>();
        report.forEach((c, n) -> published.put(c, reportHides.contains(c) ? null : n));
        return published;
    }
}
