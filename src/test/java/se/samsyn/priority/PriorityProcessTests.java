package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** A process from draft to published, a new version and its diff, decisions, scope and scenarios, on both databases. */
abstract class PriorityProcessTests {

    static final Actor NATIONAL = new Actor("prio-national", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor DIRECTOR = new Actor("prio-director", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));
    static final Actor ANALYST_LUND = new Actor("prio-lund", Role.MUNICIPAL_ANALYST, Scope.municipality("1281"));
    static final Actor REGIONAL = new Actor("prio-regional", Role.REGIONAL_ANALYST, Scope.region("12"));
    static final Actor CASE_WORKER = new Actor("prio-worker", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));
    static final CostBands BANDS = new CostBands("kr per förbättrad klient", List.of(50_000L, 200_000L, 500_000L));

    @Autowired
    PriorityProcesses processes;

    @Autowired
    ResourceScenarios scenarios;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClientRecords records;

    @Autowired
    se.samsyn.followup.PracticeOutcomes practiceOutcomes;

    @Autowired
    se.samsyn.followup.PublishedCounts publishedCounts;

    @Autowired
    se.samsyn.followup.PublishedOutcomes publishedOutcomes;

    @Autowired
    Units units;

    @Autowired
    se.samsyn.prevention.PreventiveActivities prevention;

    @Autowired
    Organisation organisation;

    static final String UNIT = "1280-PRIO";

    /**
     * Six Malmö clients with MI, each improving on WHO-5 from 40 to 60: enough to be shown outside the
     * unit. Dated in the last completed calendar year (1 March and 1 September), which both the
     * scenario counts and the practice outcomes cover (ADR 0015, "Periods").
     */
    @BeforeEach
    void followUpOnce() {
        if (organisation.unit(UNIT).isPresent()) {
            return;
        }
        units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit("1280", UNIT, "Prioriteringsenheten", Set.of(FocusArea.SUBSTANCE_USE)));
        Actor worker = new Actor("prio-worker", Role.CASE_WORKER, Scope.unit(UNIT));
        LocalDate start = LocalDate.of(LocalDate.now().getYear() - 1, 3, 1);
        for (int i = 0; i < 6; i++) {
            long id = records.lookup(worker, number(700 + i)).client().id();
            records.addIntervention(worker, id, "MI", start, null, null);
            records.addMeasurement(worker, id, "who5", start, TimePoint.BASELINE, 40.0, null);
            records.addMeasurement(worker, id, "who5", start.plusMonths(6), TimePoint.FOLLOWUP_6M, 60.0, null);
        }
        // what the gathered results refresh and the published counts' refresh do after the change
        practiceOutcomes.refresh(Set.of("1280"));
        publishedCounts.refreshNow();
        // the list's practice figures are the nation's stored outcome report (ADR 0015)
        publishedOutcomes.refreshNow();
    }

    static String number(int serial) {
        String body = String.format(java.util.Locale.ROOT, "800101%03d", serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = (body.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return "19" + body + (10 - sum % 10) % 10;
    }

    static ProcessDraft draft(String name, Scope scope, PriorityMode mode) {
        return new ProcessDraft(name, scope, List.of("substance-use"), "Rangordna insatser vid missbruk",
                "Socialchefer, forskare, brukarföreträdare", mode, RankParameters.DEFAULT, BANDS);
    }

    static PairDraft pair(String condition, String code, Benefit b, CostLevel c, Certainty e, boolean statutory) {
        return new PairDraft(condition, "Vuxna", code, code == null ? "Fritext-insats" : null, b, "Nytta enligt studier",
                c, "Kostnad per förbättrad klient", e, "GRADE-bedömning", null, null, statutory,
                statutory ? "SoL 4 kap. 1 §" : null, "motiverande-samtal", null);
    }

    @Test
    void draftConsultationPublishedThenANewVersionWithADiff() {
        PriorityProcess p = processes.create(NATIONAL, draft("Missbruk 2026", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        assertThat(p.status()).isEqualTo(ProcessStatus.DRAFT);
        Pair mi = processes.addPair(NATIONAL, p.id(), pair("Alkoholproblem", "MI", Benefit.STOR, CostLevel.HOG,
                Certainty.LAG, false));
        Pair cra = processes.addPair(NATIONAL, p.id(), pair("Alkoholberoende", "CRA", Benefit.MYCKET_STOR,
                CostLevel.MATTLIG, Certainty.MATTLIG, false));
        assertThat(processes.process(NATIONAL, p.id()).pairs().get(0).proposal().recommendation())
                .isEqualTo(Recommendation.rank(6));

        processes.moveTo(NATIONAL, p.id(), ProcessStatus.CONSULTATION);
        assertThatThrownBy(() -> processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED))
                .isInstanceOf(PriorityRejected.class).hasMessage("priority.error.undecided");
        processes.decide(NATIONAL, mi.id(), "6", null);
        processes.decide(NATIONAL, cra.id(), "1", "");
        PriorityProcess published = processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED);
        assertThat(published.publishedVersion()).isEqualTo(1);
        assertThatThrownBy(() -> processes.addPair(NATIONAL, p.id(), pair("x", "MI", Benefit.STOR, CostLevel.LAG,
                Certainty.HOG, false))).isInstanceOf(PriorityRejected.class);

        processes.moveTo(NATIONAL, p.id(), ProcessStatus.DRAFT);
        processes.decide(NATIONAL, mi.id(), "4", "Gruppen väger in den breda användningen");
        processes.removePair(NATIONAL, cra.id());
        processes.addPair(NATIONAL, p.id(), pair("Hemlöshet", "HF", Benefit.STOR, CostLevel.MATTLIG, Certainty.MATTLIG,
                false));
        long hf = processes.process(NATIONAL, p.id()).pairs().get(1).pair().id();
        processes.decide(NATIONAL, hf, "3", null);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.CONSULTATION);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED);

        PublishedList v1 = processes.published(p.id(), 1);
        PublishedList v2 = processes.published(p.id(), null);
        assertThat(v1.pairs()).hasSize(2);
        assertThat(v1.pairs().get(0).pair().decision()).isEqualTo(Recommendation.rank(6));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(processes.versions(p.id())).extracting(VersionInfo::version).containsExactly(2, 1);

        VersionDiff diff = processes.diff(p.id(), 2);
        assertThat(diff.pairs()).extracting(VersionDiff.PairChange::kind)
                .containsExactly(VersionDiff.Kind.CHANGED, VersionDiff.Kind.ADDED, VersionDiff.Kind.REMOVED);
        assertThat(diff.pairs().get(0).fields()).extracting(VersionDiff.FieldChange::field)
                .contains("recommendation", "decision-rationale");
        assertThat(diff.pairs().get(0).fields().get(0).after()).isEqualTo("priority.recommendation.4");
        assertThat(processes.publishedLists()).anyMatch(l -> l.processId() == p.id() && l.version() == 2);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action LIKE 'PRIORITY_%' AND object_id IN (:ids)")
                .param("ids", List.of(String.valueOf(p.id()), String.valueOf(mi.id()))).query(Integer.class).single())
                .isGreaterThanOrEqualTo(8);
    }

    /** Issue 17: a pair names a published entry of the guide's starting set, or none; nothing else is stored. */
    @Test
    void aPairNamesOnlyPublishedGuideEntries() {
        assertThat(processes.guideEntries()).containsEntry("motiverande-samtal", "Motiverande samtal (MI)")
                .containsEntry("nationella-riktlinjer-missbruk-och-beroende",
                        "Nationella riktlinjer för vård och stöd vid missbruk och beroende")
                .doesNotContainKey("finns-inte");
        PriorityProcess p = processes.create(NATIONAL, draft("Uppslag", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        PairDraft unknown = new PairDraft("Riskbruk", "Vuxna", "MI", null, Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.MATTLIG, "c", null, null, false, null, "motiverande-samtal", "finns-inte");

        assertThatThrownBy(() -> processes.addPair(NATIONAL, p.id(), unknown))
                .isInstanceOfSatisfying(PriorityRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("guidelineEntry");
                    assertThat(e.messageKey()).isEqualTo("priority.error.guide-entry");
                });
        assertThat(processes.process(NATIONAL, p.id()).pairs()).isEmpty();
        Pair stored = processes.addPair(NATIONAL, p.id(), new PairDraft("Riskbruk", "Vuxna", "MI", null, Benefit.STOR,
                "a", CostLevel.LAG, "b", Certainty.MATTLIG, "c", null, null, false, null, "motiverande-samtal",
                "nationella-riktlinjer-missbruk-och-beroende"));
        assertThat(stored.methodEntry()).isEqualTo("motiverande-samtal");
        assertThat(stored.guidelineEntry()).isEqualTo("nationella-riktlinjer-missbruk-och-beroende");
    }

    @Test
    void aDecisionDifferentFromTheProposalNeedsARationaleAndStatutoryPairsCannotBeIckeGora() {
        PriorityProcess p = processes.create(NATIONAL, draft("Rationale", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        Pair mi = processes.addPair(NATIONAL, p.id(), pair("Alkohol", "MI", Benefit.STOR, CostLevel.HOG, Certainty.LAG,
                false));
        assertThatThrownBy(() -> processes.decide(NATIONAL, mi.id(), "2", "  "))
                .isInstanceOf(PriorityRejected.class).hasMessage("priority.error.rationale-required");
        assertThat(processes.decide(NATIONAL, mi.id(), "2", "Stor efterfrågan").decision())
                .isEqualTo(Recommendation.rank(2));
        assertThat(processes.decide(NATIONAL, mi.id(), "6", null).decision()).isEqualTo(Recommendation.rank(6));

        Pair lss = processes.addPair(NATIONAL, p.id(), pair("Funktionsnedsättning", null, Benefit.INGEN, CostLevel.HOG,
                Certainty.LAG, true));
        assertThat(processes.pair(NATIONAL, lss.id()).proposal().recommendation()).isEqualTo(Recommendation.rank(10));
        assertThatThrownBy(() -> processes.decide(NATIONAL, lss.id(), "icke-gora", "Ingen nytta"))
                .isInstanceOf(PriorityRejected.class).hasMessage("priority.error.statutory-icke-gora");
        assertThatThrownBy(() -> processes.addPair(NATIONAL, p.id(), new PairDraft("x", "Vuxna", "MI", null,
                Benefit.STOR, "a", CostLevel.HOG, "b", Certainty.LAG, "c", null, null, true, " ", null, null)))
                .isInstanceOf(PriorityRejected.class).hasMessage("priority.error.statutory-reference");
    }

    @Test
    void socialServicesRefuseSeverityAndHealthCareRequiresIt() {
        PriorityProcess social = processes.create(NATIONAL, draft("Utan svårighetsgrad", Scope.nation(),
                PriorityMode.SOCIAL_SERVICES));
        PairDraft withSeverity = new PairDraft("Alkohol", "Vuxna", "MI", null, Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.HOG, "c", Severity.STOR, "d", false, null, null, null);
        assertThatThrownBy(() -> processes.addPair(NATIONAL, social.id(), withSeverity))
                .isInstanceOf(PriorityRejected.class).hasMessage("priority.error.severity-social");
        PriorityProcess health = processes.create(NATIONAL, draft("Hälso- och sjukvård", Scope.nation(), PriorityMode.HEALTH_CARE));
        assertThat(processes.addPair(NATIONAL, health.id(), withSeverity).severity()).isEqualTo(Severity.STOR);
        assertThatThrownBy(() -> processes.addPair(NATIONAL, health.id(), pair("x", "MI", Benefit.STOR, CostLevel.LAG,
                Certainty.HOG, false))).isInstanceOf(PriorityRejected.class).hasMessage("priority.error.severity-required");
    }

    @Test
    void practiceEvidenceStandsBesideTheResearchCertaintyAndFlagsALargeGap() {
        PriorityProcess p = processes.create(NATIONAL, draft("Praktik", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        processes.addPair(NATIONAL, p.id(), pair("Alkohol", "MI", Benefit.STOR, CostLevel.LAG, Certainty.LAG, false));
        processes.addPair(NATIONAL, p.id(), pair("Beroende", "CRA", Benefit.STOR, CostLevel.LAG, Certainty.HOG, false));
        processes.addPair(NATIONAL, p.id(), pair("Annat", null, Benefit.STOR, CostLevel.LAG, Certainty.HOG, false));
        ProcessView view = processes.process(NATIONAL, p.id());
        var practice = processes.practice(view.pairs());
        PracticeEvidence mi = practice.get(view.pairs().get(0).pair().id());
        assertThat(mi.clients()).isGreaterThanOrEqualTo(6);
        assertThat(mi.medianChange()).isEqualTo(20.0);
        // every one of the six improved: 100 % of fewer than 2t clients would say it of each of them, so
        // the nation's report, and with it the list, withholds the share beside its n (ADR 0015)
        assertThat(mi.shareImproved()).isNull();
        PracticeEvidence cra = practice.get(view.pairs().get(1).pair().id());
        assertThat(cra.verdict()).isEqualTo(PracticeEvidence.Verdict.NO_DATA);
        assertThat(practice).doesNotContainKey(view.pairs().get(2).pair().id());
    }

    @Test
    void accessFollowsTheScope() {
        PriorityProcess national = processes.create(NATIONAL, draft("Nationell", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        assertThatThrownBy(() -> processes.addPair(DIRECTOR, national.id(), pair("x", "MI", Benefit.STOR, CostLevel.LAG,
                Certainty.HOG, false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> processes.update(DIRECTOR, national.id(), draft("Ändrad", Scope.nation(),
                PriorityMode.SOCIAL_SERVICES))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> processes.moveTo(DIRECTOR, national.id(), ProcessStatus.CONSULTATION))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(processes.process(DIRECTOR, national.id()).process().name()).isEqualTo("Nationell");
        assertThatThrownBy(() -> processes.create(DIRECTOR, draft("Nationell", Scope.nation(),
                PriorityMode.SOCIAL_SERVICES))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> processes.create(CASE_WORKER, draft("Malmö", Scope.municipality("1280"),
                PriorityMode.SOCIAL_SERVICES))).isInstanceOf(AccessDeniedException.class);

        PriorityProcess malmo = processes.create(DIRECTOR, draft("Malmö", Scope.municipality("1280"), PriorityMode.SOCIAL_SERVICES));
        assertThatThrownBy(() -> processes.process(ANALYST_LUND, malmo.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> processes.addPair(NATIONAL, malmo.id(), pair("x", "MI", Benefit.STOR, CostLevel.LAG,
                Certainty.HOG, false))).isInstanceOf(AccessDeniedException.class);
        assertThat(processes.addPair(REGIONAL, malmo.id(), pair("x", "MI", Benefit.STOR, CostLevel.LAG, Certainty.HOG,
                false)).processId()).isEqualTo(malmo.id());
        assertThatThrownBy(() -> processes.create(REGIONAL, draft("Stockholm", Scope.municipality("0180"),
                PriorityMode.SOCIAL_SERVICES))).isInstanceOf(AccessDeniedException.class);
        assertThat(processes.processes(ANALYST_LUND)).noneMatch(x -> x.id() == malmo.id())
                .anyMatch(x -> x.id() == national.id());
    }

    /**
     * While the year's protected client counts are not stored (the first start, the first minute of
     * a new year), a scenario starts with nothing prefilled instead of failing; once stored, MI is
     * prefilled again.
     */
    @Test
    void aScenarioStartsWithNothingPrefilledWhileTheYearsCountsAreNotStored() {
        PriorityProcess p = processes.create(NATIONAL, draft("Utan lagrade", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        Pair a = processes.addPair(NATIONAL, p.id(), pair("A", "MI", Benefit.MYCKET_STOR, CostLevel.LAG, Certainty.HOG,
                false));
        processes.decide(NATIONAL, a.id(), processes.pair(NATIONAL, a.id()).proposal().recommendation().code(), null);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.CONSULTATION);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED);
        jdbc.sql("DELETE FROM fup_published_count").update();
        jdbc.sql("DELETE FROM fup_published_report").update();
        try {
            ResourceScenarios.ScenarioView unfilled = scenarios.start(DIRECTOR, p.id());
            assertThat(unfilled.scenario().lines())
                    .extracting(ResourceScenarios.ScenarioLine::clients).containsExactly(0);
            assertThat(unfilled.countsPending()).isTrue();
        } finally {
            publishedCounts.refreshNow();
        }
        ResourceScenarios.ScenarioView prefilled = scenarios.start(DIRECTOR, p.id());
        assertThat(prefilled.scenario().lines())
                .extracting(ResourceScenarios.ScenarioLine::clients).containsExactly(6);
        assertThat(prefilled.countsPending()).isFalse();
    }

    @Test
    void aMunicipalityCoversStatutoryPairsFirstAndSavesAndReadsScenarios() {
        PriorityProcess p = processes.create(NATIONAL, draft("Scenario", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        Pair a = processes.addPair(NATIONAL, p.id(), pair("A", "MI", Benefit.MYCKET_STOR, CostLevel.LAG, Certainty.HOG,
                false));
        Pair b = processes.addPair(NATIONAL, p.id(), pair("B", "CRA", Benefit.LITEN, CostLevel.HOG, Certainty.LAG, false));
        Pair c = processes.addPair(NATIONAL, p.id(), pair("C", null, Benefit.LITEN, CostLevel.MYCKET_HOG, Certainty.LAG,
                true));
        for (Pair x : List.of(a, b, c)) {
            processes.decide(NATIONAL, x.id(), processes.pair(NATIONAL, x.id()).proposal().recommendation().code(), null);
        }
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.CONSULTATION);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED);

        ResourceScenarios.ScenarioView start = scenarios.start(DIRECTOR, p.id());
        assertThat(start.scenario().lines()).extracting(ResourceScenarios.ScenarioLine::clients)
                .as("MI prefilled from Malmö's follow-up; CRA and the free-text pair have none").containsExactly(6, 0, 0);
        assertThat(scenarios.start(ANALYST_LUND, p.id()).scenario().lines())
                .extracting(ResourceScenarios.ScenarioLine::clients).containsExactly(0, 0, 0);
        List<ResourceScenarios.ScenarioLine> lines = List.of(new ResourceScenarios.ScenarioLine(a.id(), 10_000, 10),
                new ResourceScenarios.ScenarioLine(b.id(), 20_000, 10), new ResourceScenarios.ScenarioLine(c.id(), 50_000, 2));
        ResourceScenarios.ScenarioView tight = scenarios.save(DIRECTOR, p.id(), 1, "Snäv", 220_000, lines);
        ResourceScenarios.ScenarioView wide = scenarios.save(DIRECTOR, p.id(), 1, "Generös", 400_000, lines);
        assertThat(tight.result().coveredThroughRank()).isEqualTo(9);
        assertThat(tight.rows()).extracting(r -> r.result().covered()).containsExactly(true, false, true);
        assertThat(wide.result().coveredThroughRank()).isEqualTo(10);
        assertThat(scenarios.scenarios(DIRECTOR)).extracting(ResourceScenarios.Scenario::name).contains("Snäv", "Generös");
        assertThat(scenarios.scenario(DIRECTOR, tight.scenario().id()).scenario().lines()).isEqualTo(lines);
        assertThatThrownBy(() -> scenarios.scenario(ANALYST_LUND, tight.scenario().id()))
                .isInstanceOf(PriorityNotFound.class);
        assertThatThrownBy(() -> scenarios.start(NATIONAL, p.id())).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * A saved scenario is changed and deleted by its municipality only: another municipality's
     * analyst finds no such scenario, a negative budget is refused, and both writes are audited.
     */
    @Test
    void aMunicipalityChangesAndDeletesItsScenarioAndNoOtherMunicipalityCan() {
        PriorityProcess p = processes.create(NATIONAL, draft("Ändras", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        Pair a = processes.addPair(NATIONAL, p.id(), pair("A", "MI", Benefit.MYCKET_STOR, CostLevel.LAG, Certainty.HOG,
                false));
        processes.decide(NATIONAL, a.id(), processes.pair(NATIONAL, a.id()).proposal().recommendation().code(), null);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.CONSULTATION);
        processes.moveTo(NATIONAL, p.id(), ProcessStatus.PUBLISHED);
        long id = scenarios.save(DIRECTOR, p.id(), 1, "Första", 50_000,
                List.of(new ResourceScenarios.ScenarioLine(a.id(), 10_000, 4))).scenario().id();

        ResourceScenarios.ScenarioView changed = scenarios.update(DIRECTOR, id, " Andra ", 90_000,
                List.of(new ResourceScenarios.ScenarioLine(a.id(), 20_000, 3)));
        assertThat(changed.scenario().name()).isEqualTo("Andra");
        assertThat(changed.scenario().budget()).isEqualTo(90_000);
        assertThat(scenarios.scenario(DIRECTOR, id).scenario().lines())
                .containsExactly(new ResourceScenarios.ScenarioLine(a.id(), 20_000, 3));
        assertThatThrownBy(() -> scenarios.update(DIRECTOR, id, "Andra", -1, List.of()))
                .isInstanceOf(PriorityRejected.class).hasFieldOrPropertyWithValue("field", "budget");
        assertThatThrownBy(() -> scenarios.update(DIRECTOR, id, " ", 1, List.of()))
                .isInstanceOf(PriorityRejected.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> scenarios.update(ANALYST_LUND, id, "Lunds", 1, List.of()))
                .isInstanceOf(PriorityNotFound.class);
        assertThatThrownBy(() -> scenarios.delete(ANALYST_LUND, id)).isInstanceOf(PriorityNotFound.class);
        assertThat(scenarios.scenario(DIRECTOR, id).scenario().budget()).isEqualTo(90_000);

        scenarios.delete(DIRECTOR, id);
        assertThatThrownBy(() -> scenarios.scenario(DIRECTOR, id)).isInstanceOf(PriorityNotFound.class);
        assertThat(jdbc.sql("SELECT action FROM aud_event WHERE object_type = 'scenario' AND object_id = :id ORDER BY seq")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("PRIORITY_SCENARIO_SAVED", "PRIORITY_SCENARIO_CHANGED", "PRIORITY_SCENARIO_DELETED");
    }

    /**
     * A population-risk pair (ADR 14): its intervention is a preventive activity kind and its practice
     * evidence prevention's national reach and anonymous WHO-5 pairs: 40 persons reached, 4 of 5
     * pairs improved by 10 points or more, too few pairs (under 20) to judge a gap.
     */
    @Test
    void aPopulationRiskPairTakesItsPracticeEvidenceFromPreventiveWork() {
        Actor manager = new Actor("prio-manager", Role.UNIT_MANAGER, Scope.unit(UNIT));
        YearMonth month = YearMonth.now().minusMonths(1);
        se.samsyn.prevention.Activity visits = prevention.create(manager, new se.samsyn.prevention.ActivityDraft(UNIT, null,
                "relatives-support-group", "Anhörigstöd", "T", List.of("65-79", "80+"), null, null,
                month.minusMonths(2).atDay(1), null, "who-5"));
        prevention.recordReach(manager, visits.id(), month, List.of(
                new se.samsyn.prevention.ReachRow(month, "K", "80+", 30, 40),
                new se.samsyn.prevention.ReachRow(month, "M", "65-79", 10, 12)));
        int[][] pairs = {{2, 3}, {2, 4}, {1, 3}, {3, 5}, {3, 3}};
        for (int[] p : pairs) {
            prevention.recordAnswers(manager, visits.id(), month, List.of(p[0], p[0], p[0], p[0], p[0]),
                    List.of(p[1], p[1], p[1], p[1], p[1]));
        }
        PriorityProcess p = processes.create(NATIONAL, draft("Förebyggande", Scope.nation(), PriorityMode.SOCIAL_SERVICES));
        PairDraft risk = new PairDraft("Anhöriga till personer med demens, risk för egen ohälsa", "Anhöriga", null, null,
                Benefit.STOR, "Minskad belastning", CostLevel.LAG, "Gruppledare", Certainty.LAG, "Få studier", null, null,
                false, null, null, null, "population-risk", "relatives-support-group");
        Pair pair = processes.addPair(NATIONAL, p.id(), risk);
        assertThat(pair.conditionKind()).isEqualTo("population-risk");
        assertThat(pair.activityKind()).isEqualTo("relatives-support-group");

        ProcessView view = processes.process(NATIONAL, p.id());
        assertThat(view.pairs().get(0).interventionName()).isEqualTo("Anhörigstöd i grupp");
        PracticeEvidence evidence = processes.practice(view.pairs()).get(pair.id());
        assertThat(evidence.interventionCode()).isEqualTo("relatives-support-group");
        assertThat(evidence.reached()).isEqualTo(40);
        assertThat(evidence.clients()).isEqualTo(5);
        assertThat(evidence.shareImproved()).isEqualTo(80.0);
        assertThat(evidence.medianChange()).isNull();
        assertThat(evidence.verdict()).isEqualTo(PracticeEvidence.Verdict.TOO_FEW);

        assertThatThrownBy(() -> processes.addPair(NATIONAL, p.id(), new PairDraft("Risk", "Äldre", null, null, Benefit.STOR,
                "a", CostLevel.LAG, "b", Certainty.LAG, "c", null, null, false, null, null, null, "population-risk", "no-such")))
                .isInstanceOfSatisfying(PriorityRejected.class, e -> assertThat(e.field()).isEqualTo("activityKind"));
    }
}
