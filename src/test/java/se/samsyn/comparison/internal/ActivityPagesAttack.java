package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An attacker who reads the preventive activities' own pages beside the cells of an anonymous
 * improved share (ADR 0015, "Preventive pairs"), written for the tests apart from the engine. The
 * unknowns are, per activity and calendar year, its answer pairs p and improved pairs i
 * (0 ≤ i ≤ p). The pages give each activity's pairs in all years (always shown) and its improved
 * count in all years when it shows it (5 pairs or more); the indicator tells in which years a
 * municipality has pairs at all (a cell, shown or "..", exists only then: at least one pair), and
 * each shown cell of any area is the sum of its activities' pairs and improved pairs of the year.
 * Each target, a sum of improved pairs, is minimised and maximised by linear programming, once with
 * the pages and the cells that exist only and once with the shown cells as well: what the second
 * narrows is what the indicator gives away beyond the pages.
 */
final class ActivityPagesAttack {

    /** One activity as its page shows it: pairs in all years, and the improved count or null when withheld. */
    record Page(String activity, String municipality, int pairs, Integer improved) {
    }

    /** A shown cell: the area's member municipalities, the year, its n (pairs) and numerator (improved). */
    record Shown(String area, List<String> municipalities, int year, int pairs, int improved) {
    }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> years = new LinkedHashMap<>();
    private final List<Shown> shown = new ArrayList<>();

    ActivityPagesAttack page(String activity, String municipality, int pairs, Integer improved) {
        pages.put(activity, new Page(activity, municipality, pairs, improved));
        return this;
    }

    /** The municipality has a cell in the year, shown or hidden. */
    ActivityPagesAttack cell(String municipality, int year) {
        years.computeIfAbsent(municipality, m -> new TreeSet<>()).add(year);
        return this;
    }

    ActivityPagesAttack shown(String area, List<String> municipalities, int year, int pairs, int improved) {
        shown.add(new Shown(area, municipalities, year, pairs, improved));
        return this;
    }

    /** The years in which the activity can have pairs to the attacker: those of its municipality's cells. */
    Set<Integer> years(String activity) {
        return years.getOrDefault(pages.get(activity).municipality(), Set.of());
    }

    Set<String> activities() {
        return pages.keySet();
    }

    Page pageOf(String activity) {
        return pages.get(activity);
    }

    /** A hidden cell: the area's member municipalities (the municipality itself for a municipality) and the year. */
    record Hidden(String area, List<String> municipalities, int year) {
    }

    /**
     * What the shown cells give away beyond the pages about the withheld results: for every hidden
     * cell the improved pairs of the withheld activities in it that year, and for every withheld
     * activity its improved pairs in all years and in each year it may have pairs in, bounded with
     * the pages alone and with the shown cells too.
     *
     * @param withheld the activities whose result the pages withhold or whose pairs span years
     * @return one line per narrowed target, e.g. {@code "1280 2025: [0, 3] from the pages, [2, 2] with the indicator"}
     */
    List<String> exposures(List<Hidden> hidden, Set<String> withheld) {
        List<String> narrowed = new ArrayList<>();
        for (Hidden h : hidden) {
            Map<String, Set<Integer>> terms = new LinkedHashMap<>();
            for (String a : withheld) {
                if (h.municipalities().contains(pages.get(a).municipality()) && years(a).contains(h.year())) {
                    terms.put(a, Set.of(h.year()));
                }
            }
            if (!terms.isEmpty()) {
                compare(h.area() + " " + h.year(), terms, narrowed);
            }
        }
        for (String a : withheld) {
            compare("activity " + a, Map.of(a, years(a)), narrowed);
            if (years(a).size() > 1) {
                years(a).forEach(y -> compare("activity " + a + " " + y, Map.of(a, Set.of(y)), narrowed));
            }
        }
        return narrowed;
    }

    private void compare(String name, Map<String, Set<Integer>> terms, List<String> narrowed) {
        double[] pagesAlone = improved(terms, false);
        double[] withCells = improved(terms, true);
        if (pagesAlone[0] != withCells[0] || pagesAlone[1] != withCells[1]) {
            narrowed.add(name + ": " + interval(pagesAlone) + " from the pages, " + interval(withCells) + " with the indicator");
        }
    }

    private static String interval(double[] bounds) {
        return "[" + (long) bounds[0] + ", " + (long) bounds[1] + "]";
    }

    /**
     * The interval of the improved pairs summed over the given activities and years, rounded inwards.
     *
     * @param terms       activity → the years of it to sum
     * @param withIndicator whether the shown cells are read as well
     */
    double[] improved(Map<String, Set<Integer>> terms, boolean withIndicator) {
        return new double[] {Math.ceil(solve(terms, withIndicator, false) - 1e-6),
                Math.floor(solve(terms, withIndicator, true) + 1e-6)};
    }

    private double solve(Map<String, Set<Integer>> terms, boolean withIndicator, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> p = new LinkedHashMap<>();
        Map<String, Variable> i = new LinkedHashMap<>();
        int index = 0;
        for (Page page : pages.values()) {
            Expression pairs = model.newExpression("pairs" + index).level(page.pairs());
            Expression improved = page.improved() == null ? null : model.newExpression("improved" + index).level(page.improved());
            for (int year : years(page.activity())) {
                String key = page.activity() + "@" + year;
                Variable pv = model.newVariable("p" + index + "_" + year).lower(0).upper(page.pairs());
                Variable iv = model.newVariable("i" + index + "_" + year).lower(0).upper(page.pairs());
                p.put(key, pv);
                i.put(key, iv);
                model.newExpression("ip" + index + "_" + year).upper(0).set(iv, 1).set(pv, -1);
                pairs.set(pv, 1);
                if (improved != null) {
                    improved.set(iv, 1);
                }
            }
            index++;
        }
        int cells = 0;
        for (Map.Entry<String, Set<Integer>> m : years.entrySet()) {
            for (int year : m.getValue()) {
                Expression atLeastOne = model.newExpression("cell" + cells++).lower(1);
                for (Page page : pages.values()) {
                    if (page.municipality().equals(m.getKey())) {
                        atLeastOne.set(p.get(page.activity() + "@" + year), 1);
                    }
                }
            }
        }
        if (withIndicator) {
            for (Shown s : shown) {
                Expression n = model.newExpression("n" + cells).level(s.pairs());
                Expression k = model.newExpression("k" + cells++).level(s.improved());
                for (Page page : pages.values()) {
                    Variable pv = p.get(page.activity() + "@" + s.year());
                    if (s.municipalities().contains(page.municipality()) && pv != null) {
                        n.set(pv, 1);
                        k.set(i.get(page.activity() + "@" + s.year()), 1);
                    }
                }
            }
        }
        terms.forEach((activity, ys) -> ys.forEach(y -> {
            Variable v = i.get(activity + "@" + y);
            if (v != null) {
                v.weight(1);
            }
        }));
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("infeasible attack on " + terms + " (" + result.getState() + ")");
        }
        return result.getValue();
    }
}
