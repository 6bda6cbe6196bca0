package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.PracticeOutcomes;
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
        assertThat(jdbc.sql("SELECT SUM(clients) FROM fup_practice_window WHERE intervention_code = 'MI'")
                .query(Integer.class).single()).isEqualTo(6);
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
    }

    /** The cells without the median baseline and follow-up, which the stored aggregate does not keep. */
    private static Map<String, OutcomeReport.Cell> figures(Map<String, OutcomeReport.Cell> cells) {
        Map<String, OutcomeReport.Cell> result = new java.util.TreeMap<>();
        cells.forEach((code, c) -> result.put(code,
                new OutcomeReport.Cell(c.n(), null, null, c.medianChange(), c.shareImproved(), c.suppressed())));
        return result;
    }
}
