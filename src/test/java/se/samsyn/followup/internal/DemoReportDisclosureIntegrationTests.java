package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The attack of ADR 0015 on every outcome and needs report of the demo data, read by a national
 * analyst (suppression applies) for the nation, every region, municipality and unit with demo
 * clients, and every instrument in each calendar year with demo data: each row's T = K + M and each distribution series
 * summing to the report's total leave every hidden count an interval at least 4 wide, not inside
 * 1 … 4. Needs reports publish no totals, so a hidden count there is only known to be at least 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data"})
class DemoReportDisclosureIntegrationTests {

    private static final int THRESHOLD = 5;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_report_disclosure");
    }

    @Autowired
    OutcomeReports reports;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Organisation organisation;

    @Autowired
    java.time.Clock clock;

    @Autowired
    se.samsyn.followup.PracticeOutcomes stored;

    @Test
    void noHiddenCountOfAnyDemoReportIsNarrowedBelowTheProtectionLevel() {
        // the regions' and the nation's reports are summed from the stored calendar-year outcomes,
        // which the gathered refresh may not have built from the demo clients yet
        stored.refreshAll();
        Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());
        Set<Scope> scopes = new LinkedHashSet<>();
        scopes.add(Scope.nation());
        for (Unit unit : organisation.unitsWithin(Scope.nation())) {
            organisation.municipality(unit.municipalityCode()).ifPresent(m -> {
                scopes.add(Scope.region(m.countyCode()));
                scopes.add(Scope.municipality(m.code()));
            });
            scopes.add(Scope.unit(unit.code()));
        }
        int hiddenBins = 0;
        // an analyst reads one calendar year at a time (ADR 0015, periods); the demo's follow-ups
        // lie in the last three years
        int thisYear = SwedishTime.today(clock).getYear();
        List<Integer> years = List.of(thisYear - 3, thisYear - 2, thisYear - 1, thisYear);
        for (Scope scope : scopes) {
            for (int year : years) {
            for (Instrument instrument : catalogue.instruments()) {
                OutcomeReport report = reports.outcomes(analyst, instrument.code(), LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), scope);
                assertThat(report.suppressionApplies()).isTrue();
                for (OutcomeReport.Row row : report.rows()) {
                    Map<String, OutcomeReport.Cell> cells = row.cells();
                    OutcomeReport.Cell t = cells.get("T");
                    if (!t.suppressed() && t.n() > 0 && (cells.get("K").suppressed() || cells.get("M").suppressed())) {
                        // both sexes hidden (one alone would be T less the other), each in 1 … T − 1
                        assertThat(cells.get("K").suppressed() && cells.get("M").suppressed()).as(scope + " " + row).isTrue();
                        assertThat(t.n() - 2).as(scope + " " + row).isGreaterThanOrEqualTo(THRESHOLD - 1);
                    }
                }
                OutcomeReport.Cell total = report.rows().get(0).cells().get("T");
                for (List<Integer> series : List.of(report.distribution().baseline(), report.distribution().followUp())) {
                    List<Integer> hidden = new ArrayList<>();
                    int shown = 0;
                    for (int i = 0; i < series.size(); i++) {
                        if (series.get(i) == null) {
                            hidden.add(i);
                        } else {
                            shown += series.get(i);
                        }
                    }
                    hiddenBins += hidden.size();
                    // every bin hidden (zeros too) publishes nothing beyond the total
                    if (hidden.isEmpty() || hidden.size() == series.size() || total.suppressed() || total.n() == null) {
                        continue;
                    }
                    for (int target : hidden) {
                        double[] bounds = SeriesAttack.bounds(series, total.n(), target);
                        assertThat(bounds[1] - bounds[0]).as(scope + " " + instrument.code() + " bin " + target)
                                .isGreaterThanOrEqualTo(THRESHOLD - 1);
                        assertThat(bounds[1]).as(scope + " " + instrument.code() + " bin " + target)
                                .isGreaterThanOrEqualTo(THRESHOLD);
                    }
                    assertThat(shown).isLessThanOrEqualTo(total.n());
                }
            }
            }
            NeedsReport needs = reports.needs(analyst, scope);
            assertThat(needs.suppressionApplies()).isTrue();
            needs.areas().forEach(area -> area.clientsByLevel().forEach(n ->
                    assertThat(n == null || n == 0 || n >= THRESHOLD).as(scope + " " + area).isTrue()));
        }
        assertThat(hiddenBins).as("hidden bins attacked").isPositive();
    }

    @Test
    void noHiddenCountOfAMunicipalityIsItsRegionLessItsOtherMunicipalities() {
        // a region's report and its municipalities' are protected together (ADR 0015): where the
        // region's count is shown, never exactly one of its municipalities' counts is hidden, which
        // the region's count less the others' would give
        Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());
        Set<String> regions = new java.util.TreeSet<>();
        for (Unit unit : organisation.unitsWithin(Scope.nation())) {
            organisation.municipality(unit.municipalityCode()).ifPresent(m -> regions.add(m.countyCode()));
        }
        int year = SwedishTime.today(clock).getYear() - 1;
        int compared = 0;
        for (String region : regions) {
            Scope scope = Scope.region(region);
            for (Instrument instrument : catalogue.instruments()) {
                OutcomeReport whole = reports.outcomes(analyst, instrument.code(), LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), scope);
                List<OutcomeReport> parts = organisation.municipalitiesWithin(scope).stream()
                        .map(m -> reports.outcomes(analyst, instrument.code(), LocalDate.of(year, 1, 1),
                                LocalDate.of(year, 12, 31), Scope.municipality(m.code())))
                        .toList();
                Map<String, Integer> shownInRegion = items(whole);
                for (Map.Entry<String, Integer> item : shownInRegion.entrySet()) {
                    if (item.getValue() == null) {
                        continue;
                    }
                    long hidden = parts.stream().filter(p -> items(p).containsKey(item.getKey())
                            && items(p).get(item.getKey()) == null).count();
                    assertThat(hidden).as(region + " " + instrument.code() + " " + item.getKey()).isNotEqualTo(1L);
                    compared++;
                }
            }
        }
        assertThat(compared).as("region items compared").isPositive();
    }

    @Autowired
    OutcomePairs outcomePairs;

    @Test
    void noHiddenCountOfARegionIsTheNationLessTheOtherRegions() {
        // the nation's report hides every item that some region hides (ADR 0015): where the
        // nation's count is shown, every region's is shown too and they add up to it, so the
        // nation less the other regions never gives a hidden count
        stored.refreshAll();
        Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());
        Set<String> regions = new java.util.TreeSet<>();
        organisation.municipalities().forEach(m -> regions.add(m.countyCode()));
        int thisYear = SwedishTime.today(clock).getYear();
        int compared = 0;
        int hiddenInNation = 0;
        int hiddenAlone = 0;
        int cells = 0;
        int interventionsHidden = 0;
        int interventionsHiddenAlone = 0;
        long firstRead = 0;
        long laterRead = 0;
        for (int year = thisYear - 3; year <= thisYear; year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            for (Instrument instrument : catalogue.instruments()) {
                long start = System.nanoTime();
                OutcomeReport nation = reports.outcomes(analyst, instrument.code(), from, to, Scope.nation());
                firstRead += System.nanoTime() - start;
                start = System.nanoTime();
                assertThat(reports.outcomes(analyst, instrument.code(), from, to, Scope.nation())).isEqualTo(nation);
                laterRead += System.nanoTime() - start;
                assertThat(nation.asOfLastRefresh()).as("read from the stored rows").isTrue();
                List<Map<String, Integer>> parts = regions.stream()
                        .map(r -> items(reports.outcomes(analyst, instrument.code(), from, to, Scope.region(r))))
                        .toList();
                for (Map.Entry<String, Integer> item : items(nation).entrySet()) {
                    if (item.getValue() == null) {
                        continue;
                    }
                    long hidden = parts.stream().filter(p -> p.containsKey(item.getKey())
                            && p.get(item.getKey()) == null).count();
                    assertThat(hidden).as(year + " " + instrument.code() + " " + item.getKey()).isZero();
                    assertThat(parts.stream().mapToInt(p -> p.getOrDefault(item.getKey(), 0)).sum())
                            .as(year + " " + instrument.code() + " " + item.getKey()).isEqualTo(item.getValue());
                    compared++;
                }
                // what the nation's report hid when it was protected on its own, for comparison
                OutcomeHierarchy against = outcomePairs.nation(instrument, from, to, "nation");
                List<OutcomeHierarchy.Client> alone = new ArrayList<>();
                Map<String, Set<String>> held = new java.util.HashMap<>();
                Map<String, OutcomePairs.PairRow> first = new java.util.LinkedHashMap<>();
                double width = (instrument.scoreMax() - instrument.scoreMin()) / OutcomeTables.BINS;
                for (OutcomePairs.PairRow p : outcomePairs.pairs(instrument.code(), from, to, Scope.nation())) {
                    first.putIfAbsent(p.municipality() + "/" + p.client(), p);
                    held.computeIfAbsent(p.municipality() + "/" + p.client(), k -> new java.util.TreeSet<>())
                            .add(p.intervention());
                }
                first.forEach((key, p) -> alone.add(new OutcomeHierarchy.Client(null, "report", "?", p.sex(), held.get(key),
                        OutcomeTables.bin(p.baseline(), instrument.scoreMin(), width, OutcomeTables.BINS),
                        OutcomeTables.bin(p.followUp(), instrument.scoreMin(), width, OutcomeTables.BINS))));
                OutcomeHierarchy before = OutcomeHierarchy.of(alone, OutcomeTables.BINS, THRESHOLD, false);
                cells += against.counts().size();
                hiddenInNation += (int) against.hiddenCells().stream().filter(c -> against.count(c.table(), c.item()) > 0).count();
                hiddenAlone += (int) before.hiddenCells().stream().filter(c -> before.count(c.table(), c.item()) > 0).count();
                interventionsHidden += (int) against.hiddenCells().stream().filter(c -> c.item().startsWith("int:")
                        && c.item().endsWith("/T") && against.count(c.table(), c.item()) > 0).count();
                interventionsHiddenAlone += (int) before.hiddenCells().stream().filter(c -> c.item().startsWith("int:")
                        && c.item().endsWith("/T") && before.count(c.table(), c.item()) > 0).count();
            }
        }
        System.out.printf("Demo nation reports: %d non-empty cells, hidden %d protected alone, %d against the regions; "
                        + "intervention rows' T hidden %d alone, %d against the regions; reads %d ms first, %d ms again%n",
                cells, hiddenAlone, hiddenInNation, interventionsHiddenAlone, interventionsHidden,
                firstRead / 1_000_000, laterRead / 1_000_000);
        assertThat(compared).as("nation items compared").isPositive();
    }

    /** Every count of a report by row and sex or by bin; null when hidden. */
    private static Map<String, Integer> items(OutcomeReport report) {
        Map<String, Integer> items = new java.util.HashMap<>();
        for (OutcomeReport.Row row : report.rows()) {
            row.cells().forEach((sex, cell) -> items.put(row.interventionCode() + "/" + sex,
                    cell.suppressed() ? null : cell.n()));
        }
        for (int i = 0; i < report.distribution().baseline().size(); i++) {
            items.put("before/" + i, report.distribution().baseline().get(i));
            items.put("after/" + i, report.distribution().followUp().get(i));
        }
        return items;
    }

    /** Linear-programming bounds (ojAlgo) of one hidden bin when the series sums to the total. */
    static final class SeriesAttack {

        static double[] bounds(List<Integer> series, int total, int target) {
            double[] result = new double[2];
            for (int pass = 0; pass < 2; pass++) {
                org.ojalgo.optimisation.ExpressionsBasedModel model = new org.ojalgo.optimisation.ExpressionsBasedModel();
                org.ojalgo.optimisation.Expression sum = model.newExpression("total").level(total);
                for (int i = 0; i < series.size(); i++) {
                    org.ojalgo.optimisation.Variable v = series.get(i) == null
                            ? model.newVariable("b" + i).lower(1) : model.newVariable("b" + i).level(series.get(i));
                    if (i == target) {
                        v.weight(1);
                    }
                    sum.set(v, 1);
                }
                org.ojalgo.optimisation.Optimisation.Result r = pass == 0 ? model.minimise() : model.maximise();
                result[pass] = r.getState() == org.ojalgo.optimisation.Optimisation.State.UNBOUNDED ? Double.POSITIVE_INFINITY
                        : pass == 0 ? Math.ceil(r.getValue() - 1e-6) : Math.floor(r.getValue() + 1e-6);
            }
            return result;
        }
    }
}
