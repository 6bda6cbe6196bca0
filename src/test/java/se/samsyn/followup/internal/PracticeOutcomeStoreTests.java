package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.PublishedYears;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The stored practice outcomes (V133) give the priority list the same cells as pairing every
 * client of the country directly, on both databases. Fixture (WHO-5, higher is better, MID 10),
 * dates in days before today:
 * <pre>
 * client  unit       intervention  baseline      follow-ups               counted change
 * 900     1280-PRA   MI, CRA       40 (300)      52 (100), 60 (30)        20 (latest follow-up)
 * 901     1280-PRA   MI            50 (300)      55 (30)                   5
 * 902     1280-PRA   MI            30 (300)      45 (30)                  15
 * 903     1280-PRA   MI            70 (300), 10 (200)  65 (30)            -5 (earliest baseline)
 * 904     1281-PRA   MI            20 (300)      50 (30)                  30
 * 905     1281-PRA   MI            60 (300)      64 (30)                   4
 * 906     1281-PRA   MI            40 (300)      none                     not counted
 * 907     1281-PRA   MI            40 (1000)     80 (800)                 outside the two years
 * </pre>
 * MI: n 6, changes −5, 4, 5, 15, 20, 30, median (5 + 15) / 2 = 10, improved by 10 or more 3 of 6 =
 * 50.0 %. CRA: 1 client, suppressed.
 * <p>
 * Dated by calendar year instead, with P the year before today's (Malmö, baseline on 1 December
 * of P − 3):
 * <pre>
 * client    intervention  baseline → latest follow-up (on)      change
 * 910–914   HF            40 → 50, 50, 60, 40, 35 (1 June P − 1)  10, 10, 20, 0, −5
 * 915       HF            40 → 90 (2 July P)                      50
 * 920       ABBV          started 1 March P − 1, ended 1 January P
 * 921       ABBV          started 31 December P, not ended
 * 922       ABBV          started 1 January P − 2, ended 31 December P − 1
 * 923       ABBV          started 1 January of today's year, not ended
 * 924       ABBV          started 1 June P − 1, ended 30 June P − 1
 * </pre>
 * HF in the year P − 1 (the priority list's period on any day of P): n 5, median 10, improved 3
 * of 5 = 60.0 %; in the year P (its period today) 915 only: 1 client, suppressed. ABBV clients in the year P: 920 and 921 = 2; in P − 1: 920, 922 and 924 = 3.
 */
abstract class PracticeOutcomeStoreTests {

    static final String MALMO = "1280-PRA";
    static final String LUND = "1281-PRA";

    @Autowired
    ClientRecords records;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    OutcomeTables tables;

    @Autowired
    PracticeOutcomes practice;

    @Autowired
    PracticeOutcomeTable table;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void recordTheFixtureOnce() {
        today = SwedishTime.today(clock);
        if (organisation.unit(MALMO).isPresent()) {
            return;
        }
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        units.register(admin, new NewUnit("1280", MALMO, "Praktikenheten Malmö", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("1281", LUND, "Praktikenheten Lund", Set.of(FocusArea.SUBSTANCE_USE)));
        client(MALMO, 900, 40, 300, 60);
        long first = jdbc.sql("SELECT MAX(id) FROM fup_client").query(Long.class).single();
        Actor malmo = worker(MALMO);
        records.addMeasurement(malmo, first, "who5", today.minusDays(100), TimePoint.FOLLOWUP_6M, 52.0, null);
        records.addIntervention(malmo, first, "CRA", today.minusDays(300), null, null);
        client(MALMO, 901, 50, 300, 55);
        client(MALMO, 902, 30, 300, 45);
        client(MALMO, 903, 70, 300, 65);
        long fourth = jdbc.sql("SELECT MAX(id) FROM fup_client").query(Long.class).single();
        records.addMeasurement(malmo, fourth, "who5", today.minusDays(200), TimePoint.BASELINE, 10.0, null, true);
        client(LUND, 904, 20, 300, 50);
        client(LUND, 905, 60, 300, 64);
        client(LUND, 906, 40, 300, null);
        client(LUND, 907, 40, 1000, 80);
        int p = today.getYear() - 1;
        LocalDate baseline = LocalDate.of(p - 3, 12, 1);
        double[] followUps = {50, 50, 60, 40, 35};
        for (int i = 0; i < followUps.length; i++) {
            dated(910 + i, baseline, followUps[i], LocalDate.of(p - 1, 6, 1));
        }
        dated(915, baseline, 90, LocalDate.of(p, 7, 2));
        ongoing(920, LocalDate.of(p - 1, 3, 1), LocalDate.of(p, 1, 1));
        ongoing(921, LocalDate.of(p, 12, 31), null);
        ongoing(922, LocalDate.of(p - 2, 1, 1), LocalDate.of(p - 1, 12, 31));
        ongoing(923, LocalDate.of(p + 1, 1, 1), null);
        ongoing(924, LocalDate.of(p - 1, 6, 1), LocalDate.of(p - 1, 6, 30));
        practice.refreshAll();
    }

    private static Actor worker(String unit) {
        return new Actor("pra-worker-" + unit, Role.CASE_WORKER, Scope.unit(unit));
    }

    /** A client with MI from the baseline day, its baseline and (when not null) one follow-up 30 days ago (or 800 for an old baseline). */
    private void client(String unit, int serial, double baseline, int baselineDaysAgo, Integer followUp) {
        Actor worker = worker(unit);
        long id = records.lookup(worker, se.samsyn.followup.TestNumbers.number(serial)).client().id();
        LocalDate start = today.minusDays(baselineDaysAgo);
        records.addIntervention(worker, id, "MI", start, null, null);
        records.addMeasurement(worker, id, "who5", start, TimePoint.BASELINE, baseline, null);
        if (followUp != null) {
            LocalDate on = baselineDaysAgo > 730 ? today.minusDays(800) : today.minusDays(30);
            records.addMeasurement(worker, id, "who5", on, TimePoint.FOLLOWUP_6M, followUp.doubleValue(), null);
        }
    }

    /** A Malmö client with HF from its baseline of 40 and one follow-up. */
    private void dated(int serial, LocalDate baseline, double followUp, LocalDate on) {
        Actor worker = worker(MALMO);
        long id = records.lookup(worker, se.samsyn.followup.TestNumbers.number(serial)).client().id();
        records.addIntervention(worker, id, "HF", baseline, null, null);
        records.addMeasurement(worker, id, "who5", baseline, TimePoint.BASELINE, 40.0, null);
        records.addMeasurement(worker, id, "who5", on, TimePoint.FOLLOWUP_6M, followUp, null);
    }

    /** A Malmö client with ABBV from {@code start} to {@code end} (null: not ended). */
    private void ongoing(int serial, LocalDate start, LocalDate end) {
        Actor worker = worker(MALMO);
        long id = records.lookup(worker, se.samsyn.followup.TestNumbers.number(serial)).client().id();
        records.addIntervention(worker, id, "ABBV", start, end, end == null ? null : se.samsyn.followup.EndReason.COMPLETED);
    }

    @Test
    void thePriorityListReadsTheLastCompletedCalendarYearFromTheStoredHistogram() {
        int p = today.getYear() - 1;
        PublishedYears period = PublishedYears.practiceOutcomes(today);
        assertThat(period).isEqualTo(new PublishedYears(p, p));
        table.rebuildWindow(today);
        assertThat(jdbc.sql("SELECT as_of FROM fup_practice_window_built").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(p, 12, 31));
        assertThat(jdbc.sql("SELECT SUM(clients) FROM fup_practice_window WHERE intervention_code = 'HF'")
                .query(Integer.class).single()).as("915; 910–914 are followed up in P − 1").isEqualTo(1);
        assertThat(tables.nationalOutcomesByIntervention("who5", period.from(), period.to()).get("HF"))
                .isEqualTo(new OutcomeReport.Cell(null, null, null, null, null, true));
        assertThat(tables.nationalOutcomesByIntervention("who5", LocalDate.of(p - 1, 1, 1), LocalDate.of(p - 1, 12, 31))
                .get("HF")).as("the year before, summed from the stored days")
                .isEqualTo(new OutcomeReport.Cell(5, null, null, 10.0, 60.0, false));
    }

    /**
     * Two days of the same year (1 and 2 July of P) give the same published figures while no data in
     * the period change. The rolling two years up to each day, as the priority list read them
     * before, differ by client 915, followed up on 2 July: n 5 → 6 and improved 3 → 4, so that
     * client's improvement could be read off the difference.
     */
    @Test
    void twoDaysOfTheSameYearGiveTheSameFiguresWhereTheRollingWindowsCouldBeSubtracted() {
        int p = today.getYear() - 1;
        LocalDate first = LocalDate.of(p, 7, 1);
        LocalDate second = LocalDate.of(p, 7, 2);
        assertThat(tables.nationalOutcomesByIntervention("who5", first.minusYears(2), first).get("HF"))
                .isEqualTo(new OutcomeReport.Cell(5, null, null, 10.0, 60.0, false));
        assertThat(tables.nationalOutcomesByIntervention("who5", second.minusYears(2), second).get("HF"))
                .as("before: the day's one client shows in the difference")
                .isEqualTo(new OutcomeReport.Cell(6, null, null, 10.0, 66.7, false));

        try {
            PublishedYears onFirst = PublishedYears.practiceOutcomes(first);
            PublishedYears onSecond = PublishedYears.practiceOutcomes(second);
            assertThat(onFirst).isEqualTo(onSecond).isEqualTo(new PublishedYears(p - 1, p - 1));
            table.rebuildWindow(first);
            Map<String, OutcomeReport.Cell> read = tables.nationalOutcomesByIntervention("who5", onFirst.from(),
                    onFirst.to());
            table.rebuildWindow(second);
            assertThat(tables.nationalOutcomesByIntervention("who5", onSecond.from(), onSecond.to()))
                    .isEqualTo(read)
                    .containsEntry("HF", new OutcomeReport.Cell(5, null, null, 10.0, 60.0, false));
        } finally {
            table.rebuildWindow(today);
        }
    }

    /**
     * The scenario counts cover one whole calendar year: an intervention counts when it was ongoing
     * on some day of the year, and the year is the same on every day of the next year.
     */
    @Test
    void clientsPerInterventionCountTheInterventionsOngoingInTheCalendarYear() {
        int p = today.getYear() - 1;
        Actor worker = worker(MALMO);
        assertThat(PublishedYears.clientCounts(LocalDate.of(p + 1, 1, 1)))
                .isEqualTo(PublishedYears.clientCounts(LocalDate.of(p + 1, 12, 31)))
                .isEqualTo(PublishedYears.clientCounts(today)).isEqualTo(new PublishedYears(p, p));
        assertThat(tables.clientsPerIntervention(worker, Scope.unit(MALMO), PublishedYears.clientCounts(today)))
                .containsEntry("ABBV", 2).containsEntry("HF", 6);
        assertThat(tables.clientsPerIntervention(worker, Scope.unit(MALMO), new PublishedYears(p - 1, p - 1)))
                .containsEntry("ABBV", 3);
    }

    /**
     * Outside the owning unit the same counts are read for every scope at once (one grouped query,
     * on each database) and hidden together (ADR 0015): the unit's ABBV 2 is hidden, a shown count is
     * the owning unit's own, and the municipality's needs report shows no count from 1 to 4.
     */
    @Test
    void clientsPerInterventionAndNeedsOutsideTheOwningUnitHideTheSmallCounts(
            @Autowired se.samsyn.followup.PublishedCounts published) {
        published.refreshNow(); // what the background refresh does after the fixture's entries
        Actor analyst = new Actor("pra-national", Role.NATIONAL_ANALYST, Scope.nation());
        PublishedYears years = PublishedYears.clientCounts(today);
        Map<String, Integer> own = tables.clientsPerIntervention(worker(MALMO), Scope.unit(MALMO), years);
        Map<String, Integer> outside = tables.clientsPerIntervention(analyst, Scope.unit(MALMO), years);
        assertThat(outside.keySet()).isEqualTo(own.keySet());
        assertThat(outside).containsEntry("ABBV", null);
        outside.forEach((code, n) -> assertThat(n == null || n.equals(own.get(code))).as(code).isTrue());
        for (Scope scope : List.of(Scope.unit(MALMO), Scope.municipality("1280"), Scope.region("12"), Scope.nation())) {
            tables.clientsPerIntervention(analyst, scope, years).forEach((code, n) ->
                    assertThat(n == null || n >= tables.threshold()).as(scope + " " + code).isTrue());
            NeedsReport needs = tables.needs(analyst, scope);
            assertThat(needs.suppressionApplies()).isTrue();
            needs.areas().forEach(row -> row.clientsByLevel().forEach(n ->
                    assertThat(n == null || n == 0 || n >= tables.threshold()).as(scope + " " + row).isTrue()));
            needs.goals().forEach((status, n) ->
                    assertThat(n == null || n == 0 || n >= tables.threshold()).as(scope + " " + status).isTrue());
        }
    }

    @Test
    void theStoredAggregateGivesTheHandCheckedCells() {
        Map<String, OutcomeReport.Cell> cells = tables.nationalOutcomesByIntervention("who5", today.minusYears(2), today);
        assertThat(cells.get("MI")).isEqualTo(new OutcomeReport.Cell(6, null, null, 10.0, 50.0, false));
        assertThat(cells.get("CRA")).isEqualTo(new OutcomeReport.Cell(null, null, null, null, null, true));
    }

    @Test
    void theStoredAggregateEqualsTheDirectPairingOfEveryClient() {
        LocalDate from = today.minusYears(2);
        assertThat(figures(tables.nationalOutcomesByIntervention("who5", from, today)))
                .isEqualTo(figures(tables.nationalOutcomesDirect("who5", from, today)));
        assertThat(figures(tables.nationalOutcomesDirect("who5", from, today)).get("MI"))
                .isEqualTo(new OutcomeReport.Cell(6, null, null, 10.0, 50.0, false));
        // another period is summed from the stored days instead of read from the two-year histogram
        LocalDate lastYear = today.minusYears(1);
        assertThat(figures(tables.nationalOutcomesByIntervention("who5", lastYear, today)))
                .isEqualTo(figures(tables.nationalOutcomesDirect("who5", lastYear, today)))
                .containsEntry("MI", new OutcomeReport.Cell(6, null, null, 10.0, 50.0, false));
        assertThat(tables.nationalOutcomesByIntervention("who5", today.minusDays(10), today)).isEmpty();
        PublishedYears period = PublishedYears.practiceOutcomes(today);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(clients), 0) FROM fup_practice_window WHERE intervention_code = 'MI'")
                .query(Integer.class).single())
                .as("the histogram holds the priority list's period, not the two years up to today")
                .isEqualTo(jdbc.sql("SELECT COALESCE(SUM(clients), 0) FROM fup_practice_outcome WHERE intervention_code = 'MI' "
                        + "AND instrument_code = 'who5' AND follow_up_on BETWEEN :from AND :to")
                        .param("from", period.from()).param("to", period.to()).query(Integer.class).single());
    }

    @Test
    void refreshingOneMunicipalityLeavesTheSameRowsAsRefreshingAll() {
        String rows = "SELECT municipality_code, intervention_code, follow_up_on, change_score, clients "
                + "FROM fup_practice_outcome WHERE instrument_code = 'who5' "
                + "ORDER BY municipality_code, intervention_code, follow_up_on, change_score";
        var before = jdbc.sql(rows).query().listOfRows();
        jdbc.sql("DELETE FROM fup_practice_outcome WHERE municipality_code = '1281'").update();
        practice.refresh(Set.of("1281"));
        assertThat(jdbc.sql(rows).query().listOfRows()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT SUM(clients) FROM fup_practice_outcome WHERE municipality_code = '1281' "
                + "AND instrument_code = 'who5'").query(Integer.class).single()).isEqualTo(3);
        // the rows were deleted behind the refresh's back, so the histogram it corrected lost them twice
        table.rebuildWindow(today);
    }

    /**
     * A refresh of one municipality corrects the national histogram of the period by that
     * municipality's old and new rows; it must hold what summing every municipality's rows again
     * gives, when a client of the period leaves it (its follow-up removed) and when it comes back.
     */
    @Test
    void refreshingAMunicipalityCorrectsTheNationalHistogramAsSummingItAgainWould() {
        String window = "SELECT instrument_code, intervention_code, change_score, clients FROM fup_practice_window "
                + "ORDER BY instrument_code, intervention_code, change_score";
        PublishedYears period = PublishedYears.practiceOutcomes(today);
        table.rebuildWindow(today);
        var before = jdbc.sql(window).query().listOfRows();
        Map<String, Object> followUp = jdbc.sql("""
                SELECT municipality_code, id FROM fup_measurement
                WHERE instrument_code = 'who5' AND time_point <> 'baseline' AND removed_at IS NULL
                  AND measured_on BETWEEN :from AND :to ORDER BY id FETCH FIRST 1 ROW ONLY""")
                .param("from", period.from()).param("to", period.to()).query().singleRow();
        String municipality = (String) followUp.get("municipality_code");
        String removal = "UPDATE fup_measurement SET removed_at = %s WHERE municipality_code = :m AND id = :id";

        jdbc.sql(removal.formatted("CURRENT_TIMESTAMP")).param("m", municipality).param("id", followUp.get("id")).update();
        practice.refresh(Set.of(municipality));
        var corrected = jdbc.sql(window).query().listOfRows();
        table.rebuildWindow(today);
        assertThat(corrected).isEqualTo(jdbc.sql(window).query().listOfRows()).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_practice_window_change").query(Integer.class).single()).isZero();

        jdbc.sql(removal.formatted("NULL")).param("m", municipality).param("id", followUp.get("id")).update();
        practice.refresh(Set.of(municipality));
        assertThat(jdbc.sql(window).query().listOfRows()).isEqualTo(before);
    }

    /** The cells without the median baseline and follow-up, which the stored aggregate does not keep. */
    private static Map<String, OutcomeReport.Cell> figures(Map<String, OutcomeReport.Cell> cells) {
        Map<String, OutcomeReport.Cell> result = new java.util.TreeMap<>();
        cells.forEach((code, c) -> result.put(code,
                new OutcomeReport.Cell(c.n(), null, null, c.medianChange(), c.shareImproved(), c.suppressed())));
        return result;
    }
}
