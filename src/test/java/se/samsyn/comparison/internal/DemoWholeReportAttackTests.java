package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedOutcomeTable;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The attack of ADR 0015 on the demo data's outcome indicators of a year together with the
 * <em>whole</em> calendar-year outcome report of the same instrument and year ("The whole report
 * against the indicators"): for every instrument and year with stored reports, one system holding
 * every published n of every outcome indicator of that instrument and year (improved share,
 * median change; municipality, region, kommungrupp, nation; T, K, M) and every row (all
 * interventions and each intervention), sex and distribution bin (before and after) of the report
 * at the nation, every region, every municipality with demo units and every unit, as a national
 * analyst reads them ({@link OutcomeReports#outcomes}, {@link ResultRow#published()}). The
 * attacker ({@link JointAttack}) writes the relations itself, from the reference data and what the
 * report counts (a client once in the all-interventions row and once in the row of each
 * intervention it has; the bins of the all-interventions row's clients): T = K + M in every row;
 * each series of bins summing to the all-interventions row's T; a region the sum of its
 * municipalities, the nation of its regions, a municipality the sum of its units and its clients
 * without a unit (never published), item by item, each bin included; an intervention row at most
 * the all-interventions row and that row at most the sum of the intervention rows, per scope and
 * sex; the indicators' T = K + M and area sums (kommungrupper included); and an indicator's n of
 * a municipality, region or the nation the report's n of its row of the same area and sex (or at
 * most it, where the report counts fewer). Every relation is first checked against the true
 * counts ({@link PublishedOutcomes#table}, used for nothing else but which hidden counts are
 * empty). Then every hidden count that is not empty and not the clients without a unit is
 * bounded: none may be narrowed below the protection level, except one known to be at least the
 * threshold (it could have been published). Each is first proven wide by solutions of the whole
 * system ({@link IntervalProof}: batch programmes over every open cell, then each cell left alone),
 * and only a cell left unproven is bounded exactly. On WHO-5 of 2024 (S00001 and S00002) it reads
 * 144 hidden indicator cells, 88 hidden all-interventions cells, 393 hidden intervention-row cells
 * and 690 hidden bins (zeros among them), links 136 cells (all equal) and attacks 941 non-empty
 * hidden counts; of 2025: 56, 28, 756 and 420 hidden, 156 linked, 1,260 attacked; of 2026: 132,
 * 75, 597 and 593 hidden, 152 linked, 1,198 attacked. Every one is proven wide by the batch
 * programmes, none exposed: 16.5, 7.0 and 8.1 s in the build's test JVM (C1 only) on the two-core
 * machine, with one demo start shared with {@link DemoIndicatorReportDisclosureIntegrationTests}.
 */
class DemoWholeReportAttackTests extends DemoOutcomesStarted {

    private static final int THRESHOLD = 5;

    private static final List<String> SEXES = List.of("T", "K", "M");

    private static final int BINS = 10;

    /** Rounds of programmes over every open cell in a row that may prove nothing before the rest are taken alone. */
    private static final int STALLS = 2;

    /** What one system's attack read and found. */
    private record Tally(int indicatorHidden, int allRowsHidden, int interventionRowsHidden, int binsHidden,
                         int linked, int subsetLinks, int attacked, int provenAtOnce, int atLeastThreshold,
                         List<String> exposed) {
    }

    /** The reference data the attacker writes the relations from. */
    private record Geography(Map<String, List<String>> unitsOf, Map<String, String> countyOf, Set<String> counties,
                             Map<String, Scope> scopes) {
    }

    @Test
    void noHiddenCountOfTheIndicatorsOrTheWholeSameYearReportIsNarrowedBelowTheProtectionLevel() {
        // the reports as stored now, then the indicators marked against them
        published.refreshNow();
        refresh.refreshComputedNow();
        Geography geography = geography();
        Map<String, List<Indicator>> systems = new TreeMap<>();
        for (Indicator indicator : repository.indicators()) {
            if (!SameYearReports.countsReportClients(indicator)) {
                continue;
            }
            for (int year : repository.years(indicator.id())) {
                if (published.table(indicator.instrumentCode(), year).isPresent()) {
                    systems.computeIfAbsent(indicator.instrumentCode() + " " + year, k -> new ArrayList<>()).add(indicator);
                }
            }
        }
        List<String> exposed = new ArrayList<>();
        int[] totals = new int[4];
        systems.forEach((key, indicators) -> {
            long start = System.nanoTime();
            Tally tally = attack(key.split(" ")[0], Integer.parseInt(key.split(" ")[1]), indicators, geography);
            System.out.printf("Whole report %s (%s): hidden %d indicator cells, %d all-interventions cells, "
                            + "%d intervention-row cells, %d bins; %d cells linked (%d report ≤ indicator); "
                            + "%d hidden counts attacked, %d proven wide at once, %d known to be at least the "
                            + "threshold; %d ms; exposed: %s%n", key,
                    indicators.stream().map(Indicator::id).toList(), tally.indicatorHidden(), tally.allRowsHidden(),
                    tally.interventionRowsHidden(), tally.binsHidden(), tally.linked(), tally.subsetLinks(),
                    tally.attacked(), tally.provenAtOnce(), tally.atLeastThreshold(),
                    (System.nanoTime() - start) / 1_000_000, tally.exposed());
            exposed.addAll(tally.exposed());
            totals[0] += tally.indicatorHidden();
            totals[1] += tally.interventionRowsHidden();
            totals[2] += tally.binsHidden();
            totals[3] += tally.attacked();
        });
        assertThat(systems).as("instruments and years with stored reports and outcome indicators").isNotEmpty();
        assertThat(totals[0]).as("hidden indicator cells read").isPositive();
        assertThat(totals[1]).as("hidden intervention-row cells read").isPositive();
        assertThat(totals[2]).as("hidden bins read").isPositive();
        assertThat(totals[3]).as("hidden counts attacked").isPositive();
        assertThat(exposed).isEmpty();
    }

    /** The joint attack on the indicators of one instrument and year and the whole report of both. */
    private Tally attack(String instrument, int year, List<Indicator> indicators, Geography geography) {
        JointAttack attack = new JointAttack();
        Map<String, Integer> truth = new HashMap<>();
        PublishedOutcomeTable table = published.table(instrument, year).orElseThrow();
        table.counts().forEach((c, n) -> truth.put(name(c), n));
        Set<String> tableHidden = new TreeSet<>();
        table.hidden().forEach(c -> tableHidden.add(name(c)));
        for (Cell c : table.counts().keySet()) {
            // the regions are written as the sums of the municipalities with units: none other has clients
            if (c.table().startsWith("municipality:")) {
                assertThat(geography.unitsOf()).as(c.toString()).containsKey(c.table().substring("municipality:".length()));
            }
        }
        // the indicators, as published
        int indicatorHidden = 0;
        for (Indicator indicator : indicators) {
            String id = indicator.id();
            for (ResultRow row : repository.results(id, year)) {
                String cell = "ind|" + id + "|" + row.areaCode() + "|" + row.gender();
                int n = row.n() == null ? 0 : row.n();
                truth.put(cell, n);
                ResultRow shown = row.published();
                if (ResultRow.SUPPRESSED.equals(shown.status())) {
                    attack.hidden(cell, n > 0 ? 1 : 0);
                    indicatorHidden++;
                } else if (shown.n() != null) {
                    attack.published(cell, shown.n());
                }
            }
            indicatorRelations(id, attack);
        }
        // the report, as published, every scope
        Actor analyst = new Actor("attacker", Role.NATIONAL_ANALYST, Scope.nation());
        Set<String> rows = new TreeSet<>();
        rows.add("all");
        int[] hiddenRead = new int[3];
        Set<String> reportHidden = new TreeSet<>();
        geography.scopes().forEach((key, scope) -> {
            OutcomeReport report = reports.outcomes(analyst, instrument, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), scope);
            for (OutcomeReport.Row r : report.rows()) {
                String row = r.interventionCode() == null ? "all" : r.interventionCode();
                rows.add(row);
                r.cells().forEach((sex, c) -> {
                    String cell = "rep|" + key + "|" + row + "|" + sex;
                    if (read(attack, truth, cell, c.suppressed() || c.n() == null ? null : c.n())) {
                        hiddenRead[r.interventionCode() == null ? 0 : 1]++;
                        reportHidden.add(cell);
                    }
                });
            }
            for (int i = 0; i < BINS; i++) {
                for (String series : List.of("before", "after")) {
                    List<Integer> bins = series.equals("before") ? report.distribution().baseline()
                            : report.distribution().followUp();
                    String cell = "rep|" + key + "|" + series + "/" + i;
                    if (read(attack, truth, cell, bins.get(i))) {
                        hiddenRead[2]++;
                        reportHidden.add(cell);
                    }
                }
            }
        });
        // what the national analyst reads hidden is what the stored reports hide (their clients without a unit apart)
        assertThat(reportHidden).as(instrument + " " + year).isEqualTo(tableHidden.stream()
                .filter(c -> c.startsWith("rep|")).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        List<String> items = new ArrayList<>();
        rows.forEach(row -> SEXES.forEach(sex -> items.add(row + "|" + sex)));
        for (int i = 0; i < BINS; i++) {
            items.add("before/" + i);
            items.add("after/" + i);
        }
        // the clients of a municipality without a unit: never published, possibly none
        List<String> scopeKeys = new ArrayList<>();
        geography.scopes().keySet().forEach(key -> scopeKeys.add("rep|" + key));
        for (String m : geography.unitsOf().keySet()) {
            scopeKeys.add("rest|m:" + m);
            items.forEach(item -> attack.hidden("rest|m:" + m + "|" + item,
                    truth.getOrDefault("rest|m:" + m + "|" + item, 0) > 0 ? 1 : 0));
        }
        reportRelations(attack, geography, scopeKeys, rows, items);
        int[] links = link(attack, truth, indicators, geography);
        assertThat(attack.untrue(truth)).as("relations untrue of " + instrument + " " + year).isEmpty();
        return bound(attack, truth, instrument + " " + year, new int[] {indicatorHidden, hiddenRead[0], hiddenRead[1],
                hiddenRead[2], links[0], links[1]});
    }

    /** One report cell as read: true when it is hidden (null), published when shown and non-zero (absent is 0). */
    private static boolean read(JointAttack attack, Map<String, Integer> truth, String cell, Integer shown) {
        if (shown == null) {
            attack.hidden(cell, truth.getOrDefault(cell, 0) > 0 ? 1 : 0);
            return true;
        }
        if (shown > 0) {
            attack.published(cell, shown);
        }
        return false;
    }

    /**
     * Within every scope's report (the clients without a unit too): T = K + M per row, each series
     * of bins the all-interventions row's T, an intervention row at most the all-interventions row
     * and that row at most the sum of the intervention rows (each client with a pair counts once in
     * the all-interventions row, once in the row of each intervention it has, and once in a bin of
     * each series); between scopes, item by item: region = Σ its municipalities, municipality = Σ its
     * units + its clients without a unit, nation = Σ every region.
     */
    private static void reportRelations(JointAttack attack, Geography geography, List<String> scopeKeys,
                                        Set<String> rows, List<String> items) {
        List<String> interventions = rows.stream().filter(r -> !r.equals("all")).toList();
        for (String key : scopeKeys) {
            for (String row : rows) {
                attack.sum(key + "|" + row + "|T", List.of(key + "|" + row + "|K", key + "|" + row + "|M"));
            }
            for (String series : List.of("before", "after")) {
                List<String> bins = new ArrayList<>();
                for (int i = 0; i < BINS; i++) {
                    bins.add(key + "|" + series + "/" + i);
                }
                attack.sum(key + "|all|T", bins);
            }
            for (String sex : SEXES) {
                interventions.forEach(i -> attack.atMost(key + "|" + i + "|" + sex, List.of(key + "|all|" + sex)));
                if (!interventions.isEmpty()) {
                    attack.atMost(key + "|all|" + sex, interventions.stream().map(i -> key + "|" + i + "|" + sex).toList());
                }
            }
        }
        for (String item : items) {
            for (String county : new TreeSet<>(geography.countyOf().values())) {
                attack.sum("rep|r:" + county + "|" + item, geography.countyOf().entrySet().stream()
                        .filter(e -> e.getValue().equals(county)).map(e -> "rep|m:" + e.getKey() + "|" + item).toList());
            }
            geography.unitsOf().forEach((m, us) -> {
                List<String> parts = new ArrayList<>(us.stream().map(u -> "rep|u:" + u + "|" + item).toList());
                parts.add("rest|m:" + m + "|" + item);
                attack.sum("rep|m:" + m + "|" + item, parts);
            });
            attack.sum("rep|SE|" + item, geography.counties().stream().map(c -> "rep|r:" + c + "|" + item).toList());
        }
    }

    /**
     * Each indicator's n of the nation, every region and every municipality with units tied to the
     * report's n of its row (all interventions, or its intervention) of the same area and sex:
     * equal where the true counts are, report ≤ indicator where the report counts fewer clients.
     *
     * @return the cells linked and, of them, those tied by report ≤ indicator
     */
    private static int[] link(JointAttack attack, Map<String, Integer> truth, List<Indicator> indicators,
                              Geography geography) {
        int[] links = new int[2];
        for (Indicator indicator : indicators) {
            String row = indicator.interventionCode() == null ? "all" : indicator.interventionCode();
            Map<String, String> areas = new LinkedHashMap<>();
            areas.put("0000", "SE");
            geography.counties().forEach(c -> areas.put("00" + c, "r:" + c));
            geography.unitsOf().keySet().forEach(m -> areas.put(m, "m:" + m));
            areas.forEach((area, key) -> {
                for (String sex : SEXES) {
                    String ind = "ind|" + indicator.id() + "|" + area + "|" + sex;
                    String rep = "rep|" + key + "|" + row + "|" + sex;
                    if (!attack.known(ind)) {
                        continue;
                    }
                    int indicatorN = truth.getOrDefault(ind, 0);
                    int reportN = truth.getOrDefault(rep, 0);
                    assertThat(reportN).as(ind + " against " + rep).isLessThanOrEqualTo(indicatorN);
                    if (reportN == indicatorN) {
                        attack.sum(ind, List.of(rep));
                    } else {
                        attack.atMost(rep, List.of(ind));
                        links[1]++;
                    }
                    links[0]++;
                }
            });
        }
        return links;
    }

    /**
     * Bounds every hidden count that is not empty and not of the clients without a unit, by an
     * {@link IntervalProof}: programmes over all of them at once first, each solution a point of
     * every cell's interval, then each cell left alone; a cell it cannot prove wide is bounded
     * exactly and is exposed unless it protects or is known to be at least the threshold (it could
     * have been published).
     */
    private static Tally bound(JointAttack attack, Map<String, Integer> truth, String system, int[] read) {
        List<String> open = new ArrayList<>();
        for (String cell : attack.hiddenCells()) {
            if (!cell.startsWith("rest|") && truth.getOrDefault(cell, 0) > 0) {
                open.add(cell);
            }
        }
        IntervalProof.Outcome outcome;
        try {
            outcome = new IntervalProof(attack, truth, open, THRESHOLD).run(STALLS);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(system + ": " + e.getMessage(), e);
        }
        List<String> exposed = new ArrayList<>();
        int atLeastThreshold = 0;
        for (Map.Entry<String, double[]> e : outcome.bounded().entrySet()) {
            double[] bounds = e.getValue();
            if (bounds[0] >= THRESHOLD) {
                atLeastThreshold++;
            } else if (!JointAttack.protects(bounds, THRESHOLD)) {
                exposed.add(system + " " + e.getKey() + " (" + truth.get(e.getKey()) + ") in [" + bounds[0] + ", "
                        + bounds[1] + "]");
            }
        }
        System.out.printf("  %s: %d proven by programmes over them all, %d alone, %d bounded exactly%n", system,
                outcome.provenByBatches(), outcome.provenAlone(), outcome.bounded().size());
        return new Tally(read[0], read[1], read[2], read[3], read[4], read[5], open.size(),
                outcome.provenByBatches(), atLeastThreshold, exposed);
    }

    /** The attacker's name of a cell of the stored table: {@code rep|<scope>|<row>|<sex>} or {@code rep|<scope>|before/<i>}. */
    private static String name(Cell c) {
        String scope = c.table();
        String code = scope.substring(scope.indexOf(':') + 1);
        String key = scope.equals("nation") ? "rep|SE" : scope.startsWith("region:") ? "rep|r:" + code
                : scope.startsWith("municipality:") ? "rep|m:" + code : scope.startsWith("unit:") ? "rep|u:" + code
                : scope.startsWith("rest:") ? "rest|m:" + code : "?" + scope;
        String item = c.item();
        if (item.startsWith("before/") || item.startsWith("after/")) {
            return key + "|" + item;
        }
        String row = item.substring(0, item.lastIndexOf('/'));
        String sex = item.substring(item.lastIndexOf('/') + 1);
        return key + "|" + (row.equals("all") ? "all" : row.substring("int:".length())) + "|" + sex;
    }

    /** The units of each municipality, its county, every county, and the report scopes read. */
    private Geography geography() {
        Map<String, List<String>> unitsOf = new TreeMap<>();
        Map<String, String> countyOf = new TreeMap<>();
        for (Unit unit : organisation.unitsWithin(Scope.nation())) {
            unitsOf.computeIfAbsent(unit.municipalityCode(), k -> new ArrayList<>()).add(unit.code());
            organisation.municipality(unit.municipalityCode()).ifPresent(m -> countyOf.put(m.code(), m.countyCode()));
        }
        // every region, with units or not: the nation's report is the sum of them all
        Set<String> counties = new TreeSet<>();
        organisation.municipalities().forEach(m -> counties.add(m.countyCode()));
        Map<String, Scope> scopes = new LinkedHashMap<>();
        scopes.put("SE", Scope.nation());
        counties.forEach(c -> scopes.put("r:" + c, Scope.region(c)));
        unitsOf.keySet().forEach(m -> scopes.put("m:" + m, Scope.municipality(m)));
        unitsOf.values().forEach(us -> us.forEach(u -> scopes.put("u:" + u, Scope.unit(u))));
        return new Geography(unitsOf, countyOf, counties, scopes);
    }

    /** One indicator's T = K + M, and every area above the municipality the sum of its municipalities, from the reference data. */
    private void indicatorRelations(String id, JointAttack attack) {
        Map<String, List<String>> parents = ReferenceAreas.parents(organisation);
        List<String> areas = ReferenceAreas.areas(organisation, parents);
        String prefix = "ind|" + id + "|";
        for (String area : areas) {
            attack.sum(prefix + area + "|T", List.of(prefix + area + "|K", prefix + area + "|M"));
        }
        parents.forEach((parent, members) -> {
            for (String sex : SEXES) {
                attack.sum(prefix + parent + "|" + sex, members.stream().map(m -> prefix + m + "|" + sex).toList());
            }
        });
    }
}
