package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.followup.TestNumbers;
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
 * The priority list's national practice figures against the nation's and the regions' outcome
 * reports of the same year (ADR 0015, "Practice outcomes and the nation's report"), attacked with
 * an independent linear programme ({@link PracticeAttack}). Fixture, WHO-5 (MID 10), Y the last
 * completed year, every baseline 40 on 1 March of Y and every follow-up 60 on 1 September of Y
 * (change 20, improved), no follow-up after Y (so the list's clients and the report's coincide):
 * <pre>
 * unit     region  intervention  women  men
 * 1280-PD  12      CRA           14     7
 * 1280-PD  12      MI            6      0
 * 0180-PD  01      CRA           0      3
 * </pre>
 * Skåne's report shows everything (CRA 21 = 14 + 7, MI 6 = 6 + 0, all 27 = 20 + 7, each series 27
 * in one bin). Stockholm's hides its 3 men (CRA T and M, all T and M, every bin) and shows its
 * women's 0. The nation hides every item some region hides: CRA T 24 and M 10, all T 30 and M 10,
 * every bin; it shows CRA K 14, all K 20 and MI 6 = 6 + 0. Before the list read the nation's report,
 * it showed CRA n = 24 (a count of 24, not under 5): with the nation's K 14 that is M 10, and with
 * Skåne's 7 Stockholm's 3 men exactly. Now the list shows the nation's CRA hidden as the report
 * does, and MI n 6, median change 20, 100 % improved as the report does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
class PracticeDisclosureIntegrationTests {

    static final Actor NATIONAL = new Actor("pd-national", Role.NATIONAL_ANALYST, Scope.nation());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "practice_disclosure");
    }

    @Autowired
    PriorityProcesses processes;

    @Autowired
    ClientRecords records;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    OutcomeReports reports;

    @Autowired
    PracticeOutcomes practiceOutcomes;

    @Autowired
    PublishedOutcomes published;

    @Autowired
    Clock clock;

    int y;

    @BeforeEach
    void recordTheFixtureOnce() {
        y = SwedishTime.today(clock).getYear() - 1;
        if (organisation.unit("1280-PD").isPresent()) {
            return;
        }
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        units.register(admin, new NewUnit("1280", "1280-PD", "Praktikenheten Malmö", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("0180", "0180-PD", "Praktikenheten Stockholm", Set.of(FocusArea.SUBSTANCE_USE)));
        // serials: even women, odd men
        for (int i = 0; i < 14; i++) {
            client("1280-PD", 100 + 2 * i, "CRA");
        }
        for (int i = 0; i < 7; i++) {
            client("1280-PD", 131 + 2 * i, "CRA");
        }
        for (int i = 0; i < 6; i++) {
            client("1280-PD", 200 + 2 * i, "MI");
        }
        for (int i = 0; i < 3; i++) {
            client("0180-PD", 301 + 2 * i, "CRA");
        }
        // what the gathered comparison refresh and the outcome protection do after the change
        practiceOutcomes.refreshAll();
        published.refreshNow();
    }

    private void client(String unit, int serial, String intervention) {
        Actor worker = new Actor("pd-worker-" + unit, Role.CASE_WORKER, Scope.unit(unit));
        long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
        LocalDate start = LocalDate.of(y, 3, 1);
        records.addIntervention(worker, id, intervention, start, null, null);
        records.addMeasurement(worker, id, "who5", start, TimePoint.BASELINE, 40.0, null);
        records.addMeasurement(worker, id, "who5", LocalDate.of(y, 9, 1), TimePoint.FOLLOWUP_6M, 60.0, null);
    }

    /** The list's figures of a process with an MI and a CRA pair, by intervention code. */
    private Map<String, PracticeEvidence> list() {
        PriorityProcess p = processes.create(NATIONAL, new ProcessDraft("Praktik och rapport", Scope.nation(),
                List.of("substance-use"), "Rangordna", "Socialchefer", PriorityMode.SOCIAL_SERVICES,
                RankParameters.DEFAULT, new CostBands("kr", List.of(50_000L, 200_000L, 500_000L))));
        for (String code : List.of("MI", "CRA")) {
            processes.addPair(NATIONAL, p.id(), new PairDraft("Alkohol " + code, "Vuxna", code, null, Benefit.STOR,
                    "a", CostLevel.LAG, "b", Certainty.LAG, "c", null, null, false, null, null, null));
        }
        ProcessView view = processes.process(NATIONAL, p.id());
        Map<String, PracticeEvidence> byCode = new TreeMap<>();
        processes.practice(view.pairs()).values().forEach(e -> byCode.put(e.interventionCode(), e));
        return byCode;
    }

    private OutcomeReport report(Scope scope) {
        return reports.outcomes(NATIONAL, "who5", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), scope);
    }

    private static OutcomeReport.Cell cell(OutcomeReport report, String code, String sex) {
        return report.rows().stream().filter(r -> java.util.Objects.equals(r.interventionCode(), code)).findFirst()
                .orElseThrow().cells().get(sex);
    }

    @Test
    void theReportsHideWhatTheFixtureSays() {
        OutcomeReport nation = report(Scope.nation());
        assertThat(cell(nation, "CRA", "T").suppressed()).isTrue();
        assertThat(cell(nation, "CRA", "M").suppressed()).isTrue();
        assertThat(cell(nation, "CRA", "K").n()).isEqualTo(14);
        assertThat(cell(nation, null, "K").n()).isEqualTo(20);
        assertThat(cell(nation, null, "T").suppressed()).isTrue();
        assertThat(cell(nation, "MI", "T").n()).isEqualTo(6);
        assertThat(cell(report(Scope.region("12")), "CRA", "M").n()).isEqualTo(7);
        assertThat(cell(report(Scope.region("01")), "CRA", "M").suppressed()).isTrue();
    }

    @Test
    void theListShowsTheNationsFiguresAndHidesWhatTheNationsReportHides() {
        Map<String, PracticeEvidence> list = list();
        PracticeEvidence cra = list.get("CRA");
        assertThat(cra.suppressed()).isTrue();
        assertThat(cra.clients()).isNull();
        assertThat(cra.verdict()).isEqualTo(PracticeEvidence.Verdict.WITHHELD);
        PracticeEvidence mi = list.get("MI");
        assertThat(mi.suppressed()).isFalse();
        assertThat(mi.clients()).isEqualTo(6);
        assertThat(mi.medianChange()).isEqualTo(20.0);
        // all 6 improved: 100 % of fewer than 2t clients says it of each, so the report withholds it (ADR 0015)
        assertThat(mi.shareImproved()).isNull();
        assertThat(mi.verdict()).isEqualTo(PracticeEvidence.Verdict.TOO_FEW);
    }

    /**
     * Before the list read the nation's report: exposed {nation int:CRA/T=[24, 24], nation int:CRA/M=[10, 10],
     * nation all/T=[30, 30], nation all/M=[10, 10], …, region:01 int:CRA/M=[3, 3], …}.
     */
    @Test
    void noHiddenCountIsNarrowedBelowTheProtectionLevelByTheListAndTheReportsTogether() {
        Map<String, Integer> shown = new TreeMap<>();
        list().forEach((code, e) -> {
            if (e.clients() != null) {
                shown.put(code, e.clients());
            }
        });
        PracticeAttack attack = new PracticeAttack(report(Scope.nation()),
                Map.of("12", report(Scope.region("12")), "01", report(Scope.region("01"))), shown, true);
        Map<String, double[]> bounds = attack.bounds();
        assertThat(bounds).containsKey("region:01 int:CRA/M");
        assertThat(PracticeAttack.exposed(bounds, 5)).isEmpty();
    }
}
