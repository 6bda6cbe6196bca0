package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.TestNumbers;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The stored calendar-year outcomes (V140) give a region's and the nation's report the figures of
 * pairing their clients directly, on both databases. Fixture (WHO-5, higher is better, MID 10),
 * Y the year before today's, every baseline on 1 June of Y − 1:
 * <pre>
 * client  sex  unit      interventions  baseline        follow-ups in Y (latest counts)  change
 * 800     K    1280-YR   MI             40              60 (1 March), 70 (1 September)   30
 * 801     M    1280-YR   MI             50              55                                 5
 * 802     K    1280-YR   MI, CRA        30              45                                15
 * 803     M    1280-YR   CRA            70              65                                -5
 * 804     K    1281-YR   MI             20              50                                30
 * 805     M    1281-YR   MI             60              64                                 4
 * 806     K    1281-YR   CRA            40, 90 (1 Dec)  52 (earliest baseline counts)     12
 * 807     M    1281-YR   MI             80              none (100 on 1 December of Y − 1)  not counted
 * 808     K    0180-YR   MI             10              90                                80
 * </pre>
 * Skåne (region 12) in Y, clients 800–806: all T n 7, baselines 20 30 40 40 50 60 70 (median
 * 40), follow-ups 45 50 52 55 64 65 70 (55), changes −5 4 5 12 15 30 30 (12), improved 4 of 7 =
 * 57.1 %; K (800, 802, 804, 806) 4, 35, 51, 22.5, 100.0 %; M (801, 803, 805) 3, 60, 64, 4, 0.0 %;
 * MI (800, 801, 802, 804, 805) 5, 40, 55, 15, 60.0 %; MI K 3, 30, 50, 30, 100.0 %; CRA (802, 803,
 * 806) 3, 40, 52, 12, 66.7 %. With Stockholm, 808 too: T 8, medians (40 + 40) / 2 = 40,
 * (55 + 64) / 2 = 59.5, (12 + 15) / 2 = 13.5, improved 5 of 8 = 62.5 %. The other tests add
 * clients elsewhere only (Gotland; generated ones in Västra Götaland and Uppsala).
 */
@org.springframework.test.context.event.RecordApplicationEvents
abstract class YearOutcomeStoreTests {

    /** The events published in the test's thread (the refreshes here run in it). */
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    static final Actor NATIONAL = new Actor("yr-national", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor REGIONAL = new Actor("yr-regional", Role.REGIONAL_ANALYST, Scope.region("12"));

    @Autowired
    ClientRecords records;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    OutcomeReports reports;

    @Autowired
    OutcomeTables tables;

    @Autowired
    YearOutcomeTable years;

    @Autowired
    PracticeOutcomes practice;

    @Autowired
    JdbcClient jdbc;

    /** The reports outside the owning unit are the stored ones: the tests decide when they are computed. */
    @Autowired
    OutcomeProtectionRefresh published;

    @Autowired
    Clock clock;

    @Autowired
    StoredOutcomeReports stored;

    @Autowired
    se.samsyn.cluster.ClusterLocks locks;

    @Autowired
    se.samsyn.followup.Catalogue catalogue;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    int y;

    @BeforeEach
    void recordTheFixtureOnce() {
        y = SwedishTime.today(clock).getYear() - 1;
        if (organisation.unit("1280-YR").isPresent()) {
            return;
        }
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        for (String m : List.of("1280", "1281", "0180")) {
            units.register(admin, new NewUnit(m, m + "-YR", "Årsenheten " + m, Set.of(FocusArea.SUBSTANCE_USE)));
        }
        client("1280-YR", 800, List.of("MI"), 40, 60, 70);
        client("1280-YR", 801, List.of("MI"), 50, 55);
        client("1280-YR", 802, List.of("MI", "CRA"), 30, 45);
        client("1280-YR", 803, List.of("CRA"), 70, 65);
        client("1281-YR", 804, List.of("MI"), 20, 50);
        client("1281-YR", 805, List.of("MI"), 60, 64);
        long c806 = client("1281-YR", 806, List.of("CRA"), 40, 52);
        records.addMeasurement(worker("1281-YR"), c806, "who5", LocalDate.of(y - 1, 12, 1), TimePoint.BASELINE, 90.0,
                null, true);
        long c807 = client("1281-YR", 807, List.of("MI"), 80);
        records.addMeasurement(worker("1281-YR"), c807, "who5", LocalDate.of(y - 1, 12, 1), TimePoint.FOLLOWUP_6M, 100.0,
                null);
        client("0180-YR", 808, List.of("MI"), 10, 90);
        practice.refreshAll();
        published.refreshNow();
    }

    private static Actor worker(String unit) {
        return new Actor("yr-worker-" + unit, Role.CASE_WORKER, Scope.unit(unit));
    }

    /** A client with its interventions and baseline from 1 June of Y − 1, and follow-ups on 1 March, 1 September of Y. */
    private long client(String unit, int serial, List<String> interventions, double baseline, double... followUps) {
        Actor worker = worker(unit);
        long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
        LocalDate start = LocalDate.of(y - 1, 6, 1);
        interventions.forEach(code -> records.addIntervention(worker, id, code, start, null, null));
        records.addMeasurement(worker, id, "who5", start, TimePoint.BASELINE, baseline, null);
        for (int i = 0; i < followUps.length; i++) {
            records.addMeasurement(worker, id, "who5", i == 0 ? LocalDate.of(y, 3, 1) : LocalDate.of(y, 9, 1),
                    TimePoint.FOLLOWUP_6M, followUps[i], null);
        }
        return id;
    }

    /** The statistics of one row and sex ("T" for both) from the stored histograms. */
    private static OutcomeStatistics.Cell cell(Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> sums,
                                               String intervention, String sex) {
        Map<String, YearOutcomeTable.Histogram> measures = new java.util.HashMap<>();
        sums.get(intervention).forEach((s, byMeasure) -> {
            if (sex.equals("T") || sex.equals(s)) {
                byMeasure.forEach((measure, h) -> measures.computeIfAbsent(measure, k -> new YearOutcomeTable.Histogram())
                        .addAll(h));
            }
        });
        return OutcomeStatistics.of(measures.get(YearOutcomeTable.BASELINE).counts(),
                measures.get(YearOutcomeTable.FOLLOW_UP).counts(), measures.get(YearOutcomeTable.CHANGE).counts(),
                true, 10);
    }

    @Test
    void theStoredHistogramsOfARegionGiveTheExactFiguresOfEverySexAndIntervention() {
        Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> skane =
                years.sums("who5", y, Scope.region("12"));
        assertThat(cell(skane, null, "T")).isEqualTo(new OutcomeStatistics.Cell(7, 40.0, 55.0, 12.0, 57.1));
        assertThat(cell(skane, null, "K")).isEqualTo(new OutcomeStatistics.Cell(4, 35.0, 51.0, 22.5, 100.0));
        assertThat(cell(skane, null, "M")).isEqualTo(new OutcomeStatistics.Cell(3, 60.0, 64.0, 4.0, 0.0));
        assertThat(cell(skane, "MI", "T")).isEqualTo(new OutcomeStatistics.Cell(5, 40.0, 55.0, 15.0, 60.0));
        assertThat(cell(skane, "MI", "K")).isEqualTo(new OutcomeStatistics.Cell(3, 30.0, 50.0, 30.0, 100.0));
        assertThat(cell(skane, "CRA", "T")).isEqualTo(new OutcomeStatistics.Cell(3, 40.0, 52.0, 12.0, 66.7));
        assertThat(skane.keySet()).containsExactlyInAnyOrder(null, "MI", "CRA");
        // 807's only follow-up lies in the year before
        assertThat(years.sums("who5", y - 1, Scope.region("12")).get(null).get("M")
                .get(YearOutcomeTable.CHANGE).counts()).isEqualTo(Map.of(20.0, 1L));
        // Skåne's and Stockholm's (region 01) together
        Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> both = years.sums("who5", y, Scope.region("12"));
        years.sums("who5", y, Scope.region("01")).forEach((intervention, sexes) -> sexes.forEach((sex, measures) ->
                measures.forEach((measure, h) -> both.computeIfAbsent(intervention, k -> new java.util.HashMap<>())
                        .computeIfAbsent(sex, k -> new java.util.HashMap<>())
                        .computeIfAbsent(measure, k -> new YearOutcomeTable.Histogram()).addAll(h))));
        assertThat(cell(both, null, "T")).isEqualTo(new OutcomeStatistics.Cell(8, 40.0, 59.5, 13.5, 62.5));
        // a municipality's own rows: Lund's 804, 805 and 806
        assertThat(cell(years.sums("who5", y, Scope.municipality("1281")), null, "T"))
                .isEqualTo(new OutcomeStatistics.Cell(3, 40.0, 52.0, 12.0, 66.7));
        assertThat(years.sums("who5", y, Scope.municipality("1283"))).isEmpty();
    }

    /** The first start after V141 sums the regions and the nation from the municipalities' rows. */
    @Test
    void theStartUpSumsTheRegionsWhenOnlyTheMunicipalitiesHaveRows() {
        Map<String, Map<String, Map<String, YearOutcomeTable.Histogram>>> before = years.sums("who5", y, Scope.region("12"));
        OutcomeStatistics.Cell nation = cell(years.sums("who5", y, Scope.nation()), null, "T");
        jdbc.sql("DELETE FROM fup_outcome_year_area").update();
        assertThat(years.sums("who5", y, Scope.region("12"))).isEmpty();
        years.run(null);
        assertThat(cell(years.sums("who5", y, Scope.region("12")), null, "T")).isEqualTo(cell(before, null, "T"))
                .isEqualTo(new OutcomeStatistics.Cell(7, 40.0, 55.0, 12.0, 57.1));
        assertThat(cell(years.sums("who5", y, Scope.nation()), null, "T")).isEqualTo(nation);
    }

    @Test
    void theNationsReportIsSummedFromTheStoredRowsAndARegionsIsProtectedWithItsMunicipalities() {
        OutcomeReport region = reports.outcomes(REGIONAL, "who5", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                Scope.region("12"));
        assertThat(region.asOfLastRefresh())
                .as("a region's report is protected with its municipalities' and units', and stored").isTrue();
        assertThat(region.rows()).extracting(OutcomeReport.Row::interventionCode).containsExactly(null, "CRA", "MI");
        Map<String, OutcomeReport.Cell> all = region.rows().get(0).cells();
        // 7 clients whose scores fall 1 or 2 to a bin: every bin is hidden, and the protection of
        // ADR 0015 hides the total they add up to as well (its figures are checked above)
        assertThat(all.get("T").suppressed()).isTrue();
        assertThat(all.get("K").suppressed()).isTrue();
        assertThat(all.get("M").suppressed()).isTrue();
        // MI: T = 5 of 3 women and 2 men would give each away as 1 … 4, so T goes too; CRA has 3
        assertThat(region.rows().get(2).cells().get("T").suppressed()).isTrue();
        assertThat(region.distribution().baseline()).containsOnlyNulls();
        assertThat(region.rows().get(1).cells().get("T").suppressed()).isTrue();
        assertThat(withoutFlag(region)).isEqualTo(tables.outcomesDirect(REGIONAL, "who5", LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31), Scope.region("12")));

        OutcomeReport nation = reports.outcomes(NATIONAL, "who5", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), null);
        assertThat(nation.asOfLastRefresh()).isTrue();
        assertThat(withoutFlag(nation)).isEqualTo(tables.outcomesDirect(NATIONAL, "who5", LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31), null));

        OutcomeReport malmo = reports.outcomes(NATIONAL, "who5", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                Scope.municipality("1280"));
        assertThat(malmo.asOfLastRefresh()).as("a municipality's report is stored too").isTrue();
        assertThat(malmo.rows().get(0).cells().get("T").suppressed()).as("4 clients").isTrue();
        assertThat(withoutFlag(malmo)).isEqualTo(tables.outcomesDirect(NATIONAL, "who5", LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31), Scope.municipality("1280")));
        // the owning unit's own report is paired on the spot, unsuppressed
        OutcomeReport own = reports.outcomes(worker("1280-YR"), "who5", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                null);
        assertThat(own.asOfLastRefresh()).isFalse();
        assertThat(own.rows().get(0).cells().get("T")).isEqualTo(new OutcomeReport.Cell(4, 45.0, 60.0, 10.0, 50.0, false));
    }

    /**
     * Gotland (region 09, one municipality) gets six clients after the last refresh: its region's
     * report and the nation's, both stored, show them with the next background refresh, which
     * protects Gotland's system anew and no other region's.
     */
    @Test
    void aChangeReachesTheStoredReportsWithTheNextRefreshWhichProtectsOnlyTheChangedRegion() {
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        Scope gotland = Scope.region("09");
        if (organisation.unit("0980-YR").isEmpty()) {
            units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                    new NewUnit("0980", "0980-YR", "Årsenheten Gotland", Set.of(FocusArea.SUBSTANCE_USE)));
        }
        published.refreshNow();
        assertThat(reports.outcomes(NATIONAL, "who5", from, to, gotland).rows().get(0).cells().get("T").n()).isZero();
        OutcomeReport nationBefore = reports.outcomes(NATIONAL, "who5", from, to, Scope.nation());
        assertThat(nationBefore.asOfLastRefresh()).isTrue();
        Actor worker = worker("0980-YR");
        for (int serial = 810; serial < 816; serial++) {
            long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
            records.addIntervention(worker, id, "HF", LocalDate.of(y, 1, 10), null, null);
            records.addMeasurement(worker, id, "who5", LocalDate.of(y, 1, 10), TimePoint.BASELINE, 40.0, null);
            records.addMeasurement(worker, id, "who5", LocalDate.of(y, 6, 10), TimePoint.FOLLOWUP_6M, 60.0, null);
        }
        // as of the last refresh, both
        assertThat(reports.outcomes(NATIONAL, "who5", from, to, gotland).rows().get(0).cells().get("T").n()).isZero();
        assertThat(reports.outcomes(NATIONAL, "who5", from, to, Scope.nation())).isEqualTo(nationBefore);
        practice.refresh(Set.of("0980"));
        events.clear();
        assertThat(published.refreshNow()).as("regions protected anew: Gotland's WHO-5 of year Y").isEqualTo(1);
        // only year Y's reports changed, so only its outcome indicators are to be marked again
        assertThat(events.stream(se.samsyn.followup.OutcomeReportsPublished.class)
                .map(se.samsyn.followup.OutcomeReportsPublished::years).toList()).containsExactly(List.of(y));
        // three women and three men, each hidden; T = 6 leaves each 1 … 5; all 6 improved, which of
        // fewer than 2t clients says it of each, so the share is withheld (ADR 0015, attribute disclosure)
        assertThat(reports.outcomes(NATIONAL, "who5", from, to, gotland).rows().get(0).cells().get("T"))
                .isEqualTo(new OutcomeReport.Cell(6, 40.0, 60.0, 20.0, null, false));
        OutcomeReport nationAfter = reports.outcomes(NATIONAL, "who5", from, to, Scope.nation());
        assertThat(nationAfter.asOfLastRefresh()).isTrue();
        assertThat(withoutFlag(nationAfter)).isEqualTo(tables.outcomesDirect(NATIONAL, "who5", from, to, Scope.nation()));
        events.clear();
        assertThat(published.refreshNow()).as("nothing changed since").isZero();
        assertThat(events.stream(se.samsyn.followup.OutcomeReportsPublished.class)).as("no year changed").isEmpty();
    }

    /**
     * Hidden cells depend on the rules as much as on the counts: a refresh under another threshold
     * keeps no region's stored hidden cells, however unchanged its counts, and leaves no row cell of
     * 1 to 9 clients shown under a threshold of 10; back under 5, every region is protected anew again.
     */
    @Test
    void aRefreshUnderAnotherThresholdProtectsEveryRegionAnew() {
        published.refreshNow();
        int systems = jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT DISTINCT period_year, instrument_code, region_code
                FROM fup_outcome_protected_count) s""").query(Integer.class).single();
        assertThat(systems).isPositive();
        assertThat(published.refreshNow()).as("same rules, same counts").isZero();
        OutcomeProtectionRefresh stricter = new OutcomeProtectionRefresh(new OutcomePairs(jdbc, organisation, 10), stored,
                jdbc, locks, clock, catalogue, organisation, transactions, event -> { }, "wait");
        try {
            assertThat(stricter.refreshNow()).as("threshold 10: every region anew").isEqualTo(systems);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM fup_outcome_protected_cell
                    WHERE NOT hidden AND clients BETWEEN 1 AND 9 AND (item LIKE 'all/%' OR item LIKE 'int:%')""")
                    .query(Integer.class).single()).as("row cells of 1-9 clients shown under threshold 10").isZero();
            assertThat(stricter.refreshNow()).as("threshold 10 again: kept").isZero();
        } finally {
            assertThat(published.refreshNow()).as("back to threshold 5: every region anew").isEqualTo(systems);
        }
    }

    /**
     * Two refreshes at once (a lapsed lock, or an operator's beside the gathered one) leave one
     * whole stored set: one time, every region's system once, and reports equal to the direct ones.
     */
    @Test
    void twoConcurrentRefreshesLeaveOneConsistentSet() throws Exception {
        jdbc.sql("DELETE FROM fup_outcome_protected_count").update(); // every region is protected anew by both
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return published.refreshNow();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> run : runs) {
                assertThat(run.get()).isPositive();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_outcome_protected_report").query(Integer.class).single()).isOne();
        // every region's system stored once: its region cell of the all row T exactly once per year and instrument
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM fup_outcome_protected_count
                WHERE scope = 'region:' || region_code AND item = 'all/T'""").query(Integer.class).single())
                .isEqualTo(jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT DISTINCT period_year, instrument_code, region_code
                        FROM fup_outcome_protected_count) s""").query(Integer.class).single());
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        for (Scope scope : List.of(Scope.nation(), Scope.region("12"), Scope.unit("1281-YR"))) {
            assertThat(withoutFlag(reports.outcomes(NATIONAL, "who5", from, to, scope)))
                    .isEqualTo(tables.outcomesDirect(NATIONAL, "who5", from, to, scope));
        }
    }

    /**
     * One client of Örebro (region 18) gets a later follow-up in the year (60 → 72 against its
     * baseline 40): after the refresh of its municipality, the stored rows of the municipality, its
     * region and the nation differ from before by exactly that client's old and new follow-up and
     * change, once under its intervention and once under all interventions, and by nothing else.
     */
    @Test
    void aChangeOfOneClientChangesTheSumsByExactlyItsOldAndNewRows() {
        if (organisation.unit("1880-YR").isEmpty()) {
            units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                    new NewUnit("1880", "1880-YR", "Årsenheten Örebro", Set.of(FocusArea.SUBSTANCE_USE)));
        }
        long id = client("1880-YR", 820, List.of("MI"), 40, 60);
        practice.refresh(Set.of("1880"));
        String sex = jdbc.sql("SELECT legal_sex FROM fup_client WHERE id = :id").param("id", id).query(String.class).single();
        Map<String, Long> municipality = yearRows("fup_outcome_year", "municipality_code", "1880");
        Map<String, Long> region = yearRows("fup_outcome_year_area", "area_code", "18");
        Map<String, Long> nation = yearRows("fup_outcome_year_area", "area_code", YearOutcomeTable.NATION);

        records.addMeasurement(worker("1880-YR"), id, "who5", LocalDate.of(y, 9, 1), TimePoint.FOLLOWUP_6M, 72.0, null);
        practice.refresh(Set.of("1880"));

        Map<String, Long> expected = new java.util.TreeMap<>();
        for (String intervention : List.of("MI", YearOutcomeTable.ALL)) {
            expected.put(intervention + " " + sex + " F 60.0", -1L);
            expected.put(intervention + " " + sex + " F 72.0", 1L);
            expected.put(intervention + " " + sex + " C 20.0", -1L);
            expected.put(intervention + " " + sex + " C 32.0", 1L);
        }
        assertThat(difference(municipality, yearRows("fup_outcome_year", "municipality_code", "1880")))
                .isEqualTo(expected);
        assertThat(difference(region, yearRows("fup_outcome_year_area", "area_code", "18"))).isEqualTo(expected);
        assertThat(difference(nation, yearRows("fup_outcome_year_area", "area_code", YearOutcomeTable.NATION)))
                .isEqualTo(expected);
    }

    /** The stored WHO-5 rows of year Y of one municipality or area: "intervention sex measure score" → clients. */
    private Map<String, Long> yearRows(String table, String column, String code) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        jdbc.sql("SELECT intervention_code, legal_sex, measure, score, clients FROM " + table + " WHERE " + column
                        + " = :code AND period_year = :year AND instrument_code = 'who5'")
                .param("code", code).param("year", y)
                .query(rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getDouble(4),
                            rs.getLong(5));
                });
        return rows;
    }

    /** after − before per key, keys whose count did not change left out. */
    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new java.util.TreeMap<>();
        after.forEach((key, clients) -> difference.merge(key, clients, Long::sum));
        before.forEach((key, clients) -> difference.merge(key, -clients, Long::sum));
        difference.values().removeIf(v -> v == 0);
        return difference;
    }

    /**
     * Generated clients over five municipalities of two regions (seeded, so the same every run):
     * legal sex, one to three interventions of four (one sometimes removed), zero to two
     * baselines and zero to four follow-ups of both instruments over three years (sometimes
     * removed), WHO-5 scores in steps of 4 and severity ratings as means of 0–9 in tenths. For
     * both instruments, the three years and the two regions and the nation, the report summed from
     * the stored rows equals the one computed directly from the clients, hidden cells included.
     */
    @Test
    void storedAndDirectReportsAreTheSameOnGeneratedClients() {
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        List<String> municipalities = List.of("1480", "1490", "1485", "0380", "0381");
        for (String m : municipalities) {
            if (organisation.unit(m + "-GEN").isEmpty()) {
                units.register(admin, new NewUnit(m, m + "-GEN", "Genererad " + m, Set.of(FocusArea.SUBSTANCE_USE)));
            }
        }
        generate(municipalities, 600, new Random(19));
        practice.refreshAll();
        published.refreshNow();
        List<Scope> scopes = List.of(Scope.region("14"), Scope.region("03"), Scope.nation(), Scope.municipality("1480"),
                Scope.unit("0381-GEN"));
        int compared = 0;
        for (String instrument : List.of("who5", "severity")) {
            for (int year = y - 2; year <= y; year++) {
                for (Scope scope : scopes) {
                    LocalDate from = LocalDate.of(year, 1, 1);
                    LocalDate to = LocalDate.of(year, 12, 31);
                    long solved = OutcomeHierarchy.SYSTEMS_PROTECTED.get();
                    OutcomeReport stored = reports.outcomes(NATIONAL, instrument, from, to, scope);
                    assertThat(OutcomeHierarchy.SYSTEMS_PROTECTED.get()).as("no solver on a read").isEqualTo(solved);
                    // every report outside the owning unit is the stored one
                    assertThat(stored.asOfLastRefresh()).isTrue();
                    assertThat(withoutFlag(stored)).as(instrument + " " + year + " " + scope)
                            .isEqualTo(tables.outcomesDirect(NATIONAL, instrument, from, to, scope));
                    compared += stored.rows().get(0).cells().get("T").n() == null ? 0 : 1;
                }
            }
        }
        assertThat(compared).as("reports with a published total").isGreaterThan(10);
        assertThat(organisation.municipalitiesWithin(Scope.region("14")).stream().map(Municipality::code))
                .contains("1480", "1490", "1485");
    }

    private void generate(List<String> municipalities, int clients, Random random) {
        long nextId = 5_000_000L;
        for (int i = 0; i < clients; i++) {
            String m = municipalities.get(random.nextInt(municipalities.size()));
            String unit = m + "-GEN";
            long client = nextId++;
            jdbc.sql("""
                    INSERT INTO fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at)
                    VALUES (:m, :id, :unit, :pseudonym, 1980, :sex, CURRENT_TIMESTAMP)""")
                    .param("m", m).param("id", client).param("unit", unit).param("pseudonym", "gen-" + client)
                    .param("sex", random.nextBoolean() ? "K" : "M").update();
            List<String> codes = new ArrayList<>(List.of("MI", "CRA", "HF", "ABBV"));
            java.util.Collections.shuffle(codes, random);
            int interventions = 1 + random.nextInt(3);
            for (int k = 0; k < interventions; k++) {
                jdbc.sql("""
                        INSERT INTO fup_intervention (municipality_code, id, client_id, unit_code, intervention_code,
                                                      start_date, removed_at)
                        VALUES (:m, :id, :client, :unit, :code, :start, :removed)""")
                        .param("m", m).param("id", nextId++).param("client", client).param("unit", unit)
                        .param("code", codes.get(k)).param("start", LocalDate.of(y - 3, 1, 1))
                        .param("removed", random.nextInt(8) == 0 ? java.sql.Timestamp.valueOf("2026-01-01 00:00:00") : null)
                        .update();
            }
            for (String instrument : List.of("who5", "severity")) {
                int baselines = random.nextInt(3);
                int followUps = random.nextInt(5);
                Set<String> taken = new java.util.HashSet<>();
                for (int k = 0; k < baselines + followUps; k++) {
                    String point = k < baselines ? "baseline" : random.nextBoolean() ? "followup-6m" : "end";
                    LocalDate on = LocalDate.of(y - 2, 1, 1).plusDays(random.nextInt(1000));
                    if (!taken.add(point + on)) {
                        continue;
                    }
                    double score = instrument.equals("who5") ? 4 * random.nextInt(26) : random.nextInt(91) / 10.0;
                    jdbc.sql("""
                            INSERT INTO fup_measurement (municipality_code, id, client_id, unit_code, instrument_code,
                                                         measured_on, time_point, score, removed_at)
                            VALUES (:m, :id, :client, :unit, :instrument, :on, :point, :score, :removed)""")
                            .param("m", m).param("id", nextId++).param("client", client).param("unit", unit)
                            .param("instrument", instrument)
                            .param("on", on).param("point", point)
                            .param("score", score)
                            .param("removed", random.nextInt(10) == 0 ? java.sql.Timestamp.valueOf("2026-01-01 00:00:00") : null)
                            .update();
                }
            }
        }
    }

    /** The report with {@code asOfLastRefresh} cleared, to compare a stored report with a direct one. */
    private static OutcomeReport withoutFlag(OutcomeReport r) {
        return new OutcomeReport(r.instrumentCode(), r.instrumentName(), r.higherIsBetter(),
                r.minimalImportantDifference(), r.from(), r.to(), r.scope(), r.suppressionApplies(), r.threshold(),
                r.rows(), r.distribution(), false);
    }
}
