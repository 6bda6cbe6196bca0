package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import se.samsyn.followup.OutcomeReport;

/**
 * The attacker of ADR 0015 on the priority list's national practice figures together with the
 * outcome reports of the same year and instrument as published (the nation's and every region's
 * with clients), apart from the engine that chose the hidden cells: one linear programme per bound.
 *
 * <p>Unknowns: every cell of every report given (each row's T, K and M, each bin); a published cell
 * is fixed at its value, a hidden row cell is at least 1 (a hidden count holds clients; 0 is shown),
 * a hidden bin at least 0 (a bin is hidden with its hidden total even when empty). Relations: in
 * each report T = K + M per row, each distribution series sums to the all-interventions T, an
 * intervention row is at most the all row of the same sex and the all row at most the sum of the
 * intervention rows; every item of the nation is the sum of that item over the regions given (the
 * regions not given have no client). The list: its published n of an intervention is the nation's
 * T of the intervention's row ({@code equal}: the clients coincide, as on a fixture where no client
 * is followed up after the year), or at most it ({@code !equal}: the list's clients, whose latest
 * follow-up of all lies in the year, are among the report's, whose latest follow-up in the year
 * does).
 */
final class PracticeAttack {

    private static final double CAP = 1e9;

    private final Map<String, OutcomeReport> reports;
    private final Map<String, Integer> list;
    private final boolean equal;
    private final List<String> interventions = new ArrayList<>();
    private final int bins;

    /**
     * @param nation  the nation's report
     * @param regions every region's report with clients, by county code
     * @param list    the list's published n per intervention code (hidden ones left out)
     * @param equal   whether the list's n is the report's T (true) or at most it (false)
     */
    PracticeAttack(OutcomeReport nation, Map<String, OutcomeReport> regions, Map<String, Integer> list, boolean equal) {
        this.reports = new LinkedHashMap<>();
        reports.put("nation", nation);
        regions.forEach((code, r) -> reports.put("region:" + code, r));
        this.list = list;
        this.equal = equal;
        TreeSet<String> codes = new TreeSet<>(list.keySet());
        reports.values().forEach(r -> r.rows().stream().filter(row -> row.interventionCode() != null)
                .forEach(row -> codes.add(row.interventionCode())));
        interventions.addAll(codes);
        this.bins = nation.distribution().baseline().size();
    }

    /** [low, high] of every hidden cell of the reports, by "scope item" (high infinite when unbounded). */
    Map<String, double[]> bounds() {
        return bounds(cell -> true);
    }

    /** As {@link #bounds()}, of the hidden cells whose "scope item" the filter accepts. */
    Map<String, double[]> bounds(java.util.function.Predicate<String> targets) {
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (String scope : reports.keySet()) {
            for (String item : items()) {
                if (value(scope, item) == null && targets.test(scope + " " + item)) {
                    double low = solve(scope, item, false);
                    double high = solve(scope, item, true);
                    bounds.put(scope + " " + item, new double[] {Math.ceil(low - 1e-6),
                            high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6)});
                }
            }
        }
        return bounds;
    }

    /**
     * The hidden cells whose interval misses the protection level (span under t − 1, or upper end
     * under t), with the interval; empty when every hidden cell keeps it.
     */
    Map<String, String> exposed(int threshold) {
        return exposed(bounds(), threshold);
    }

    /** As {@link #exposed(int)}, from bounds already found. */
    static Map<String, String> exposed(Map<String, double[]> bounds, int threshold) {
        Map<String, String> exposed = new LinkedHashMap<>();
        bounds.forEach((cell, b) -> {
            if (b[1] - b[0] < threshold - 1 || b[1] < threshold) {
                exposed.put(cell, "[" + (long) b[0] + ", " + b[1] + "]");
            }
        });
        return exposed;
    }

    private List<String> items() {
        List<String> items = new ArrayList<>();
        for (String row : rows()) {
            for (String sex : OutcomeReport.SEXES) {
                items.add(row + "/" + sex);
            }
        }
        for (int b = 0; b < bins; b++) {
            items.add("before/" + b);
            items.add("after/" + b);
        }
        return items;
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>(List.of("all"));
        interventions.forEach(i -> rows.add("int:" + i));
        return rows;
    }

    /** The published value of a cell, null when hidden; 0 for a row the report does not have. */
    private Integer value(String scope, String item) {
        OutcomeReport report = reports.get(scope);
        if (item.startsWith("before/") || item.startsWith("after/")) {
            int b = Integer.parseInt(item.substring(item.indexOf('/') + 1));
            return (item.startsWith("before/") ? report.distribution().baseline() : report.distribution().followUp()).get(b);
        }
        String row = item.substring(0, item.indexOf('/'));
        String sex = item.substring(item.indexOf('/') + 1);
        String code = row.equals("all") ? null : row.substring(4);
        for (OutcomeReport.Row r : report.rows()) {
            if (java.util.Objects.equals(r.interventionCode(), code)) {
                OutcomeReport.Cell cell = r.cells().get(sex);
                return cell.suppressed() ? null : cell.n();
            }
        }
        return 0;
    }

    /** Whether the published figures and the list's relation can hold together (the attacker's assumption is possible). */
    boolean feasible() {
        String item = items().get(0);
        return model("nation", item).minimise().getState().isFeasible();
    }

    private double solve(String targetScope, String targetItem, boolean maximise) {
        ExpressionsBasedModel model = model(targetScope, targetItem);
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? CAP : 0;
        }
        assertThat(result.getState().isFeasible()).as("feasible attack on " + targetScope + " " + targetItem + ": "
                + result.getState()).isTrue();
        return result.getValue();
    }

    private ExpressionsBasedModel model(String targetScope, String targetItem) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> x = new LinkedHashMap<>();
        for (String scope : reports.keySet()) {
            for (String item : items()) {
                Integer n = value(scope, item);
                Variable v = model.newVariable(scope + " " + item);
                if (n != null) {
                    v.level(n);
                } else {
                    v.lower(item.startsWith("before/") || item.startsWith("after/") ? 0 : 1);
                }
                x.put(scope + " " + item, v);
            }
        }
        x.get(targetScope + " " + targetItem).weight(1);
        int[] index = {0};
        for (String scope : reports.keySet()) {
            for (String row : rows()) {
                equation(model, index, x.get(scope + " " + row + "/T"),
                        List.of(x.get(scope + " " + row + "/K"), x.get(scope + " " + row + "/M")));
            }
            for (String series : List.of("before/", "after/")) {
                List<Variable> parts = new ArrayList<>();
                for (int b = 0; b < bins; b++) {
                    parts.add(x.get(scope + " " + series + b));
                }
                equation(model, index, x.get(scope + " all/T"), parts);
            }
            for (String sex : OutcomeReport.SEXES) {
                Variable all = x.get(scope + " all/" + sex);
                Expression sum = model.newExpression("s" + index[0]++).lower(0).set(all, -1);
                for (String i : interventions) {
                    Variable v = x.get(scope + " int:" + i + "/" + sex);
                    sum.set(v, 1);
                    model.newExpression("u" + index[0]++).upper(0).set(v, 1).set(all, -1);
                }
            }
        }
        List<String> regions = reports.keySet().stream().filter(s -> s.startsWith("region:")).toList();
        for (String item : items()) {
            List<Variable> parts = new ArrayList<>();
            regions.forEach(r -> parts.add(x.get(r + " " + item)));
            equation(model, index, x.get("nation " + item), parts);
        }
        list.forEach((code, n) -> {
            Expression e = model.newExpression("list" + index[0]++).set(x.get("nation int:" + code + "/T"), 1);
            if (equal) {
                e.level(n);
            } else {
                e.lower(n);
            }
        });
        return model;
    }

    /** parent = Σ parts */
    private static void equation(ExpressionsBasedModel model, int[] index, Variable parent, List<Variable> parts) {
        Expression e = model.newExpression("e" + index[0]++).level(0);
        e.set(parent, 1);
        parts.forEach(p -> e.set(p, -1));
    }
}
