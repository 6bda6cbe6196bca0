package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Recording through the client records and reading the outcome report back, on both databases,
 * with a fixture small enough to check by hand:
 * <pre>
 * client  sex  baseline  follow-up  change
 * 500     K    40        60         20
 * 501     M    50        55          5
 * 502     K    30        45         15
 * 503     M    70        65         -5
 * 504     K    20        50         30
 * </pre>
 */
abstract class OutcomeReportsTests {

    static final String UNIT = "1280-RPT";
    static final Actor WORKER = new Actor("rpt-worker", Role.CASE_WORKER, Scope.unit(UNIT));
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Autowired
    ClientRecords records;

    @Autowired
    OutcomeReports reports;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    JdbcClient jdbc;

    /** The reports outside the owning unit are the stored ones: computed after the fixture is recorded. */
    @Autowired
    PublishedOutcomes published;

    @BeforeEach
    void recordTheFixtureOnce() {
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        if (organisation.unit(UNIT).isPresent()) {
            return;
        }
        units.register(admin, new NewUnit("1280", UNIT, "Rapportenheten", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("1281", "1281-RPT", "Lund rapport", Set.of(FocusArea.SUBSTANCE_USE)));
        double[][] pairs = {{40, 60}, {50, 55}, {30, 45}, {70, 65}, {20, 50}};
        for (int i = 0; i < pairs.length; i++) {
            long id = records.lookup(WORKER, TestNumbers.number(500 + i)).client().id();
            records.addIntervention(WORKER, id, "MI", LocalDate.of(2025, 1, 10), null, null);
            records.addMeasurement(WORKER, id, "who5", LocalDate.of(2025, 1, 10), TimePoint.BASELINE, pairs[i][0], null);
            records.addMeasurement(WORKER, id, "who5", LocalDate.of(2025, 7, 10), TimePoint.FOLLOWUP_6M, pairs[i][1], null);
        }
        published.refreshNow();
    }

    @Test
    void theUnitSeesExactStatisticsPerSex() {
        OutcomeReport report = reports.outcomes(WORKER, "who5", FROM, TO, null);
        assertThat(report.suppressionApplies()).isFalse();
        assertThat(report.rows()).hasSize(2);
        OutcomeReport.Row mi = report.rows().get(1);
        assertThat(mi.interventionCode()).isEqualTo("MI");
        assertThat(mi.cells().get("T")).isEqualTo(new OutcomeReport.Cell(5, 40.0, 55.0, 15.0, 60.0, false));
        assertThat(mi.cells().get("K")).isEqualTo(new OutcomeReport.Cell(3, 30.0, 50.0, 20.0, 100.0, false));
        assertThat(mi.cells().get("M")).isEqualTo(new OutcomeReport.Cell(2, 60.0, 60.0, 0.0, 0.0, false));
        assertThat(report.rows().get(0).cells().get("T")).isEqualTo(mi.cells().get("T"));
    }

    @Test
    void theMunicipalitySeesNeitherTheSmallSexCellsNorATotalOfFiveBuiltFromThem() {
        Actor analyst = new Actor("analyst", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        OutcomeReport report = reports.outcomes(analyst, "who5", FROM, TO, Scope.unit(UNIT));
        assertThat(report.suppressionApplies()).isTrue();
        OutcomeReport.Row mi = report.rows().get(1);
        // ADR 0015: with T = 5 shown, the hidden 3 women and 2 men would each be known to be 1–4,
        // so the total of 5 is withheld too (it was shown before)
        assertThat(mi.cells().get("T")).isEqualTo(new OutcomeReport.Cell(null, null, null, null, null, true));
        assertThat(mi.cells().get("K").suppressed()).isTrue();
        assertThat(mi.cells().get("K").n()).isNull();
        assertThat(mi.cells().get("M").suppressed()).isTrue();
        // the distribution's bins with 1–4 clients are withheld too, and with the total hidden every bin is
        assertThat(report.distribution().baseline()).allMatch(c -> c == null || c == 0 || c >= 5);
        assertThat(report.distribution().baseline()).containsOnlyNulls();
    }

    /**
     * The unit of the differencing fixture, in a municipality of its own (Kiruna), in a region with
     * no other report data here: a region's reports are protected together (ADR 0015), so the
     * other tests' small counts in Skåne would hide more of this fixture.
     */
    static final String DIFFERENCING_UNIT = "2584-DIF";

    /**
     * Ten clients of one unit with a baseline in 2024 and one follow-up in 2025: a woman (900) and
     * a man (901) followed up on 1 January, four women and four men (902–909) on 1 March.
     */
    private Actor differencingFixture() {
        Actor worker = new Actor("dif-worker", Role.CASE_WORKER, Scope.unit(DIFFERENCING_UNIT));
        if (organisation.unit(DIFFERENCING_UNIT).isEmpty()) {
            units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                    new NewUnit("2584", DIFFERENCING_UNIT, "Differensenheten", Set.of(FocusArea.SUBSTANCE_USE)));
            for (int serial = 900; serial <= 909; serial++) {
                long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
                records.addIntervention(worker, id, "MI", LocalDate.of(2024, 6, 1), null, null);
                records.addMeasurement(worker, id, "who5", LocalDate.of(2024, 6, 1), TimePoint.BASELINE, 40.0, null);
                records.addMeasurement(worker, id, "who5", serial <= 901 ? LocalDate.of(2025, 1, 1)
                        : LocalDate.of(2025, 3, 1), TimePoint.FOLLOWUP_6M, 60.0, null);
            }
            published.refreshNow();
        }
        return worker;
    }

    /**
     * The differencing attack of ADR 0015: a report over 2025 and one over 2025 less its first
     * day would differ by exactly the clients followed up on 1 January, one woman and one man,
     * counts the report of that day hides. Outside the owning unit only whole calendar years are
     * answered, so the second report is refused and nothing is learnt; the unit itself, which sees
     * every count anyway, keeps any period.
     */
    @Test
    void twoPeriodsADayApartCannotBeDifferencedOutsideTheOwningUnit() {
        Actor worker = differencingFixture();
        OutcomeReport day = reports.outcomes(worker, "who5", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null);
        assertThat(day.rows().get(0).cells().get("K").n()).isEqualTo(1);
        assertThat(day.rows().get(0).cells().get("M").n()).isEqualTo(1);
        assertThat(reports.outcomes(worker, "who5", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 12, 31), null)
                .rows().get(0).cells().get("T").n()).isEqualTo(8);

        Actor analyst = new Actor("dif-analyst", Role.MUNICIPAL_ANALYST, Scope.municipality("2584"));
        for (Scope scope : List.of(Scope.unit(DIFFERENCING_UNIT), Scope.municipality("2584"))) {
            OutcomeReport year = reports.outcomes(analyst, "who5", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                    scope);
            assertThat(year.rows().get(0).cells().get("T").n()).isEqualTo(10);
            assertThat(year.rows().get(0).cells().get("K").n()).isEqualTo(5);
            // what a second period a day shorter would give away: the counts the one day's report hides
            java.util.Map<String, Integer> revealed = new java.util.LinkedHashMap<>();
            try {
                OutcomeReport shorter = reports.outcomes(analyst, "who5", LocalDate.of(2025, 1, 2),
                        LocalDate.of(2025, 12, 31), scope);
                for (String sex : OutcomeReport.SEXES) {
                    Integer whole = year.rows().get(0).cells().get(sex).n();
                    Integer less = shorter.rows().get(0).cells().get(sex).n();
                    if (whole != null && less != null) {
                        revealed.put(sex, whole - less);
                    }
                }
            } catch (FollowupRejected e) {
                assertThat(e.messageKey()).isEqualTo("followup.error.period-year");
                assertThat(e.field()).isEqualTo("from");
            }
            assertThat(revealed).as("counts of 1 January worked out from two reports of %s", scope).isEmpty();
        }
        // a range of years against one of its years is the same attack, so it is refused too
        assertThatThrownBy(() -> reports.outcomes(analyst, "who5", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                Scope.municipality("2584")))
                .isInstanceOfSatisfying(FollowupRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("followup.error.period-year"));
        assertThat(reports.periodsFree(worker, Scope.unit(DIFFERENCING_UNIT))).isTrue();
        assertThat(reports.periodsFree(analyst, Scope.unit(DIFFERENCING_UNIT))).isFalse();
    }

    @Test
    void aPeriodWithoutFollowUpsGivesEmptyCells() {
        OutcomeReport report = reports.outcomes(WORKER, "who5", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null);
        assertThat(report.rows()).hasSize(1);
        assertThat(report.rows().get(0).cells().get("T")).isEqualTo(new OutcomeReport.Cell(0, null, null, null, null, false));
    }

    @Test
    void reportsOutsideTheCallersScopeAreRefused() {
        Actor lund = new Actor("lund-worker", Role.CASE_WORKER, Scope.unit("1281-RPT"));
        assertThatThrownBy(() -> reports.outcomes(lund, "who5", FROM, TO, Scope.unit(UNIT)))
                .isInstanceOf(AccessDeniedException.class);
        Actor lundAnalyst = new Actor("lund-analyst", Role.MUNICIPAL_ANALYST, Scope.municipality("1281"));
        assertThatThrownBy(() -> reports.outcomes(lundAnalyst, "who5", FROM, TO, Scope.municipality("1280")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCaseWorkerOfAnotherUnitCannotReadTheClient() {
        long id = records.lookup(WORKER, TestNumbers.number(500)).client().id();
        Actor lund = new Actor("lund-worker", Role.CASE_WORKER, Scope.unit("1281-RPT"));
        assertThatThrownBy(() -> records.file(lund, id)).isInstanceOf(ClientNotFound.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'CLIENT_ACCESS_DENIED' AND actor = 'lund-worker'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void analystsAboveTheUnitGetNoIndividualRecord() {
        long id = records.lookup(WORKER, TestNumbers.number(501)).client().id();
        for (Actor analyst : List.of(new Actor("nat", Role.NATIONAL_ANALYST, Scope.nation()),
                new Actor("dir", Role.SOCIAL_DIRECTOR, Scope.municipality("1280")),
                new Actor("adm", Role.ADMINISTRATOR, Scope.nation()))) {
            assertThatThrownBy(() -> records.file(analyst, id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> records.lookup(analyst, TestNumbers.number(501)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    /**
     * A report read is placed in the municipality, county and unit it reads, so the municipality's
     * administrator finds it in their own audit search; a read of the nation is placed nowhere.
     */
    @Test
    void reportReadsArePlacedWhereTheyRead() {
        reports.outcomes(WORKER, "who5", FROM, TO, null);
        reports.needs(WORKER, Scope.unit(UNIT));
        reports.outcomes(new Actor("rpt-national", Role.NATIONAL_ANALYST, Scope.nation()), "who5", FROM, TO, Scope.nation());
        assertThat(jdbc.sql("""
                SELECT action || ' ' || COALESCE(municipality_code, '-') || ' ' || COALESCE(county_code, '-') || ' '
                       || COALESCE(unit_code, '-') FROM aud_event
                WHERE action IN ('OUTCOME_REPORT_READ', 'NEEDS_REPORT_READ') AND actor IN ('rpt-worker', 'rpt-national')
                ORDER BY seq DESC LIMIT 3""").query(String.class).list()).containsExactly(
                "OUTCOME_REPORT_READ - - -", "NEEDS_REPORT_READ 1280 12 1280-RPT", "OUTCOME_REPORT_READ 1280 12 1280-RPT");
    }

    @Test
    void everyReadAndWriteOfTheClientIsAudited() {
        long id = records.lookup(WORKER, TestNumbers.number(502)).client().id();
        int before = audits(id);
        records.file(WORKER, id);
        records.addEpisode(WORKER, id, "substance-use", LocalDate.of(2025, 1, 10), null);
        assertThat(audits(id)).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                SELECT action FROM aud_event WHERE object_type = 'client' AND object_id = :id ORDER BY seq DESC LIMIT 2""")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("EPISODE_RECORDED", "CLIENT_FILE_READ");
    }

    @Test
    void rejectsAnInvalidNumberWithASwedishReasonAndCreatesNothing() {
        int before = jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single();
        assertThatThrownBy(() -> records.lookup(WORKER, TestNumbers.broken(600)))
                .isInstanceOfSatisfying(FollowupRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("followup.pnr.checksum"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single()).isEqualTo(before);
    }

    private int audits(long client) {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE object_type = 'client' AND object_id = :id")
                .param("id", String.valueOf(client)).query(Integer.class).single();
    }
}
