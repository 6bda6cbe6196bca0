package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.springframework.beans.factory.annotation.Autowired;
import se.samsyn.DemoAsStarted;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedYears;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The attack of ADR 0015 on the demo's needs reports and clients per intervention of every scope
 * together, as a national analyst reads them: the nation, every region, every municipality of a
 * region with demo units, and every unit. Only what the reports publish is used: per item (a life
 * area's level, a goal status, an intervention) the nation is the sum of the regions, a region
 * the sum of its municipalities, a municipality the sum of its units (every client belongs to a
 * unit); a hidden count is at least 1 (0 is shown). Each hidden count is minimised and maximised
 * (ojAlgo) and must keep an interval at least 4 wide that reaches 5. What is attacked is what is
 * published: the reports stored by the background refresh (V143), computed at start-up after the
 * demo data were loaded.
 */
class DemoNeedsDisclosureIntegrationTests extends DemoAsStarted {

    private static final int THRESHOLD = 5;

    private static final double CAP = 1e9;

    @Autowired
    OutcomeReports reports;

    @Autowired
    Organisation organisation;

    @Autowired
    java.time.Clock clock;

    private final Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());

    @Test
    void theNeedsReportsOfEveryScopeTogetherNarrowNoHiddenCountBelowTheProtectionLevel() {
        long start = System.nanoTime();
        reports.needs(analyst, Scope.nation());
        System.out.printf("needs report, every scope protected: %d ms (first read of the stored report)%n",
                (System.nanoTime() - start) / 1_000_000);
        int hidden = attack((scope, published) -> {
            NeedsReport report = reports.needs(analyst, scope);
            assertThat(report.suppressionApplies()).isTrue();
            report.areas().forEach(row -> {
                for (int level = 0; level < row.clientsByLevel().size(); level++) {
                    published.put(row.area().code() + "/" + level, row.clientsByLevel().get(level));
                }
            });
            report.goals().forEach((status, n) -> published.put("goal:" + status, n));
            return published;
        });
        assertThat(hidden).as("hidden needs counts attacked").isPositive();
    }

    @Test
    void theClientsPerInterventionOfEveryScopeTogetherNarrowNoHiddenCountBelowTheProtectionLevel() {
        PublishedYears years = PublishedYears.clientCounts(SwedishTime.today(clock));
        long start = System.nanoTime();
        reports.clientsPerIntervention(analyst, Scope.nation(), years);
        System.out.printf("clients per intervention, every scope protected: %d ms (first read of the stored report)%n",
                (System.nanoTime() - start) / 1_000_000);
        attack((scope, published) -> {
            published.putAll(reports.clientsPerIntervention(analyst, scope, years));
            return published;
        });
    }

    /**
     * Reads every scope's published items, attacks every hidden one and returns how many were
     * hidden. An item missing from a report is 0.
     */
    private int attack(BiFunction<Scope, Map<String, Integer>, Map<String, Integer>> read) {
        Map<Scope, List<Scope>> children = new LinkedHashMap<>();
        Set<String> regionsWithUnits = new TreeSet<>();
        for (Unit unit : organisation.unitsWithin(Scope.nation())) {
            Municipality m = organisation.municipality(unit.municipalityCode()).orElseThrow();
            regionsWithUnits.add(m.countyCode());
            children.computeIfAbsent(Scope.municipality(m.code()), k -> new ArrayList<>()).add(Scope.unit(unit.code()));
        }
        for (County county : organisation.counties()) {
            Scope region = Scope.region(county.code());
            children.computeIfAbsent(Scope.nation(), k -> new ArrayList<>()).add(region);
            if (regionsWithUnits.contains(county.code())) {
                organisation.municipalitiesWithin(region).forEach(m ->
                        children.computeIfAbsent(region, k -> new ArrayList<>()).add(Scope.municipality(m.code())));
            }
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        children.forEach((parent, kids) -> {
            scopes.add(parent);
            scopes.addAll(kids);
        });
        Map<Scope, Map<String, Integer>> published = new LinkedHashMap<>();
        Set<String> items = new TreeSet<>();
        for (Scope scope : scopes) {
            Map<String, Integer> report = read.apply(scope, new LinkedHashMap<>());
            published.put(scope, report);
            items.addAll(report.keySet());
        }
        int hidden = 0;
        for (String item : items) {
            for (Scope scope : scopes) {
                Map<String, Integer> report = published.get(scope);
                if (report.containsKey(item) && report.get(item) == null) {
                    hidden++;
                    double low = solve(children, published, item, scope, false);
                    double high = solve(children, published, item, scope, true);
                    double lowWhole = Math.ceil(low - 1e-6);
                    double highWhole = high >= CAP - 1 ? Double.POSITIVE_INFINITY : Math.floor(high + 1e-6);
                    assertThat(highWhole - lowWhole).as(scope + " " + item + " [" + lowWhole + ", " + highWhole + "]")
                            .isGreaterThanOrEqualTo(THRESHOLD - 1);
                    assertThat(highWhole).as(scope + " " + item).isGreaterThanOrEqualTo(THRESHOLD);
                }
            }
        }
        System.out.printf("%d hidden counts attacked over %d scopes and %d items%n", hidden, scopes.size(), items.size());
        return hidden;
    }

    private static double solve(Map<Scope, List<Scope>> children, Map<Scope, Map<String, Integer>> published,
                                String item, Scope target, boolean maximise) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Scope, Variable> x = new LinkedHashMap<>();
        int[] index = {0};
        java.util.function.Function<Scope, Variable> variable = scope -> x.computeIfAbsent(scope, k -> {
            Map<String, Integer> report = published.get(k);
            boolean hidden = report.containsKey(item) && report.get(item) == null;
            return hidden ? model.newVariable("x" + index[0]++).lower(1)
                    : model.newVariable("x" + index[0]++).level(report.getOrDefault(item, 0));
        });
        variable.apply(target).weight(1);
        children.forEach((parent, kids) -> {
            Expression e = model.newExpression("e" + index[0]++).level(0);
            e.set(variable.apply(parent), 1);
            kids.forEach(k -> e.set(variable.apply(k), -1));
        });
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? CAP : 1;
        }
        assertThat(result.getState().isFeasible()).as("feasible attack on " + target + " " + item).isTrue();
        return result.getValue();
    }
}
