package se.samsyn.trials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.knowledge.EntryPanel;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Findings;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.Rating;
import se.samsyn.trials.RunChart;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.TrialFindings;
import se.samsyn.trials.TrialNotFound;
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.TrialRejected;
import se.samsyn.trials.TrialStatus;
import se.samsyn.trials.Trials;

/**
 * The trials module started on its own (its dependencies mocked) on a real database (the
 * subclasses pick H2 or PostgreSQL): the use measures on a hand-checkable follow-up fixture, the
 * frozen plan with versions, anonymous ratings shown only in groups of five, suppression outside
 * the unit, the decision on the guide entry, and the permissions.
 */
abstract class TrialsTests {

    static final String MALMO = "1280-IFO-BU";
    static final String MALMO_ALD = "1280-ALD";
    static final String LUND = "1281-IFO";
    static final String UPPSALA = "0380-ALD";
    static final Actor REGIONAL = new Actor("regional", Role.REGIONAL_ANALYST, Scope.region("12"));
    static final Actor MALMO_WORKER = new Actor("handlaggare-malmo", Role.CASE_WORKER, Scope.unit(MALMO));
    static final Actor LUND_WORKER = new Actor("handlaggare-lund", Role.CASE_WORKER, Scope.unit(LUND));
    static final Actor UPPSALA_MANAGER = new Actor("chef-uppsala", Role.UNIT_MANAGER, Scope.unit(UPPSALA));
    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());

    /** The platform's clock, fixed on Monday 1 June 2026. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @MockitoBean
    Organisation organisation;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    Catalogue catalogue;
    @MockitoBean
    se.samsyn.comparison.Comparisons comparisons;
    @MockitoBean
    se.samsyn.comparison.Indicators indicators;
    @MockitoBean
    se.samsyn.knowledge.GuideEntries guide;
    @Autowired
    se.samsyn.trials.Improvement improvement;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Trials trials;
    @Autowired
    TrialBurden burden;
    @Autowired
    TrialFindings findings;
    @Autowired
    UseMeasures use;
    @Autowired
    TrialGuidePanels panels;

    @Autowired
    TrialAuditNames auditNames;

    /** The audit page names a trial by its title; other kinds, ids that are not numbers and unknown trials stay unnamed. */
    @Test
    void theAuditPageNamesATrialByItsTitle() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5 i Skåne"));
        assertThat(auditNames.name("trial", Long.toString(trial.id()), Locale.ROOT)).contains("WHO-5 i Skåne");
        assertThat(auditNames.name("trial", Long.toString(trial.id() + 1), Locale.ROOT)).isEmpty();
        assertThat(auditNames.name("trial", "x", Locale.ROOT)).isEmpty();
        assertThat(auditNames.name("unit", Long.toString(trial.id()), Locale.ROOT)).isEmpty();
    }

    @BeforeEach
    void reset() {
        // the guide publishes WHO-5's entry; "bbic" stands for an entry that is not (or no longer) published
        when(guide.publishedTitles()).thenReturn(java.util.Map.of("who-5", "WHO-5 välbefinnandeindex"));
        for (String table : List.of("trl_rating", "trl_use", "trl_plan_version", "trl_participant", "trl_trial",
                "trl_annotation", "fup_measurement", "fup_intervention", "fup_need", "fup_episode", "fup_client")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        unit("1280", MALMO, "Malmö Barn och unga");
        unit("1280", MALMO_ALD, "Malmö Äldreomsorg");
        unit("1281", LUND, "Lund IFO");
        unit("0380", UPPSALA, "Uppsala Äldreomsorg");
        when(organisation.covers(any(), any())).thenAnswer(call -> {
            Scope outer = call.getArgument(0);
            Scope inner = call.getArgument(1);
            String code = inner.code();
            return outer.equals(inner) || outer.type() == ScopeType.NATION
                    || outer.type() == ScopeType.REGION && code.startsWith(outer.code())
                    || outer.type() == ScopeType.MUNICIPALITY && code.startsWith(outer.code());
        });
        when(organisation.municipalityOf(any())).thenAnswer(call -> {
            Scope s = call.getArgument(0);
            return s.type() == ScopeType.UNIT || s.type() == ScopeType.MUNICIPALITY
                    ? Optional.of(s.code().substring(0, 4)) : Optional.empty();
        });
        when(catalogue.instrument(anyString())).thenReturn(Optional.empty());
        when(catalogue.instrument("who5")).thenReturn(Optional.of(new se.samsyn.followup.Instrument("who5", "WHO-5",
                "WHO-5", null, 4, 0, 100, true, 10, "källa", List.of())));
        clearInvocations(audit);
    }

    private void unit(String municipality, String code, String name) {
        when(organisation.unit(code)).thenReturn(Optional.of(new Unit(municipality, code, name,
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
    }

    // ---- the follow-up fixture: unit 1280-IFO-BU, the week of Monday 2 March 2026 ----

    long client(String unit, String pseudonym) {
        jdbc.sql("INSERT INTO fup_client (municipality_code, unit_code, pseudonym, birth_year, legal_sex, created_at) "
                        + "VALUES (:m, :u, :p, 1990, 'F', CURRENT_TIMESTAMP)")
                .param("m", unit.substring(0, 4)).param("u", unit).param("p", pseudonym).update();
        return jdbc.sql("SELECT id FROM fup_client WHERE pseudonym = :p").param("p", pseudonym).query(Long.class).single();
    }

    void episode(long client, String unit, String start, String end) {
        jdbc.sql("INSERT INTO fup_episode (municipality_code, client_id, unit_code, focus_area, start_date, end_date) "
                        + "VALUES (:m, :c, :u, 'children-youth', :s, :e)")
                .param("m", unit.substring(0, 4)).param("c", client).param("u", unit).param("s", LocalDate.parse(start))
                .param("e", end == null ? null : LocalDate.parse(end)).update();
    }

    void need(long client, String unit) {
        jdbc.sql("INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level) "
                        + "VALUES (:m, :c, :u, DATE '2026-01-20', 'housing', 2)")
                .param("m", unit.substring(0, 4)).param("c", client).param("u", unit).update();
    }

    void intervention(long client, String unit) {
        jdbc.sql("INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date) "
                        + "VALUES (:m, :c, :u, 'MI', DATE '2026-01-25')")
                .param("m", unit.substring(0, 4)).param("c", client).param("u", unit).update();
    }

    void measurement(long client, String unit, String day, String timePoint, double score) {
        jdbc.sql("INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, "
                        + "time_point, score) VALUES (:m, :c, :u, 'who5', :d, :t, :s)")
                .param("m", unit.substring(0, 4)).param("c", client).param("u", unit).param("d", LocalDate.parse(day))
                .param("t", timePoint).param("s", score).update();
    }

    void followupFixture() {
        long c1 = client(MALMO, "p1"); // open episode, complete record, follow-up in the week: 56 - 40 = 16
        episode(c1, MALMO, "2026-01-01", null);
        need(c1, MALMO);
        intervention(c1, MALMO);
        measurement(c1, MALMO, "2026-02-10", "baseline", 40);
        measurement(c1, MALMO, "2026-03-03", "followup-6m", 56);
        long c2 = client(MALMO, "p2"); // episode ends in the week; baseline in the week; no need, no intervention
        episode(c2, MALMO, "2026-02-01", "2026-03-04");
        measurement(c2, MALMO, "2026-03-02", "baseline", 30);
        long c3 = client(MALMO, "p3"); // open episode, not measured
        episode(c3, MALMO, "2026-01-15", null);
        need(c3, MALMO);
        long c4 = client(MALMO, "p4"); // episode ended before the week, but followed up in it: 70 - 50 = 20
        episode(c4, MALMO, "2025-06-01", "2026-02-28");
        intervention(c4, MALMO);
        measurement(c4, MALMO, "2025-06-10", "baseline", 50);
        measurement(c4, MALMO, "2026-03-05", "followup-12m", 70);
        measurement(c4, MALMO, "2026-03-09", "end", 90); // the next Monday: outside the week
        long c5 = client(MALMO_ALD, "p5"); // another unit of the municipality
        episode(c5, MALMO_ALD, "2026-01-01", null);
        measurement(c5, MALMO_ALD, "2026-03-03", "baseline", 20);
    }

    @Test
    void theUseMeasuresMatchTheFixtureCountedByHand() {
        followupFixture();
        LocalDate from = LocalDate.of(2026, 3, 2);
        LocalDate until = LocalDate.of(2026, 3, 9);

        // open in the week: c1, c2, c3 (c4 ended 28 Feb); measured among them: c1, c2 -> 2 / 3
        UseMeasures.Value reach = use.value(Measure.REACH, false, MALMO, "who5", from, until);
        assertThat(reach.count()).isEqualTo(3);
        assertThat(reach.value()).isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        // measured in the week: c1 (4 of 4 parts), c2 (episode, baseline: 2), c4 (episode, intervention, baseline: 3) -> 9 / 12
        UseMeasures.Value completeness = use.value(Measure.COMPLETENESS, false, MALMO, "who5", from, until);
        assertThat(completeness.count()).isEqualTo(3);
        assertThat(completeness.value()).isEqualTo(75.0);
        // c1 3 Mar, c2 2 Mar, c4 5 Mar (9 Mar is the next week)
        assertThat(use.value(Measure.MEASUREMENTS, false, MALMO, "who5", from, until)).isEqualTo(new UseMeasures.Value(3.0, 3));
        // follow-ups in the week: c1 +16, c4 +20 -> mean 18
        assertThat(use.value(Measure.OUTCOME_CHANGE, false, MALMO, "who5", from, until)).isEqualTo(new UseMeasures.Value(18.0, 2));
        // the municipality adds c5's baseline
        assertThat(use.value(Measure.MEASUREMENTS, true, "1280", "who5", from, until)).isEqualTo(new UseMeasures.Value(4.0, 4));
        // another instrument: nothing
        assertThat(use.value(Measure.OUTCOME_CHANGE, false, MALMO, "severity", from, until)).isEqualTo(new UseMeasures.Value(null, 0));
    }

    @Test
    void aRemovedMeasurementLeavesTheMeasures() {
        followupFixture();
        jdbc.sql("UPDATE fup_measurement SET removed_at = CURRENT_TIMESTAMP WHERE measured_on = DATE '2026-03-05'").update();

        assertThat(use.value(Measure.MEASUREMENTS, false, MALMO, "who5", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)))
                .isEqualTo(new UseMeasures.Value(2.0, 2));
    }

    TrialPlan plan(String title) {
        return new TrialPlan(title, "Hjälper WHO-5 i utredningen?", ToolKind.INSTRUMENT, "WHO-5", "who5", "who-5",
                PeriodKind.WEEK, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 30),
                List.of(new Participant(MALMO, null, ParticipantRole.TRIAL), new Participant(LUND, null, ParticipantRole.TRIAL),
                        new Participant(MALMO_ALD, null, ParticipantRole.COMPARISON)),
                List.of(Measure.MINUTES, Measure.WORKLOAD, Measure.MEASUREMENTS));
    }

    @Test
    void thePlanIsFrozenOnceStartedAndEachChangeIsANewVersion() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5 i Skåne"));
        assertThat(trial.version()).isEqualTo(1);
        assertThat(trial.status()).isEqualTo(TrialStatus.PLANNED);
        assertThat(trial.plan().participants()).extracting(Participant::municipalityCode).containsExactly("1280", "1281", "1280");
        assertThat(trial.regional()).isTrue();

        trials.revise(REGIONAL, trial.id(), plan("WHO-5 i Skåne, vår"), null);
        assertThat(trials.trial(trial.id()).version()).as("changed in place while planned").isEqualTo(1);
        trials.start(REGIONAL, trial.id());

        TrialRejected noNote = catchThrowableOfType(TrialRejected.class,
                () -> trials.revise(REGIONAL, trial.id(), plan("WHO-5 i Skåne, hela året"), " "));
        assertThat(noNote.field()).isEqualTo("note");
        Trial changed = trials.revise(REGIONAL, trial.id(), plan("WHO-5 i Skåne, hela året"), "Förlängd efter beslut");

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.status()).isEqualTo(TrialStatus.RUNNING);
        assertThat(trials.versions(trial.id())).extracting(v -> v.version() + ": " + v.plan().title() + " / " + v.note())
                .containsExactly("1: WHO-5 i Skåne, vår / null", "2: WHO-5 i Skåne, hela året / Förlängd efter beslut");
        assertThat(trials.versions(trial.id()).get(0).plan().participants()).hasSize(3);
    }

    @Test
    void aPlanIsRefusedFieldByField() {
        TrialPlan good = plan("x");
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan(" ", good.question(),
                good.toolKind(), good.toolName(), "who5", null, good.period(), good.baselineStart(), good.start(), good.end(),
                good.participants(), good.measures()))).field()).isEqualTo("title");
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan("t", "q",
                good.toolKind(), "w", "who5", null, good.period(), good.start(), good.start(), good.end(),
                good.participants(), good.measures()))).field()).as("the baseline must come before the start").isEqualTo("start");
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan("t", "q",
                good.toolKind(), "w", null, null, good.period(), good.baselineStart(), good.start(), good.end(),
                good.participants(), good.measures()))).messageKey()).isEqualTo("trials.error.measures-need-instrument");
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan("t", "q",
                good.toolKind(), "w", "who5", null, good.period(), good.baselineStart(), good.start(), good.end(),
                List.of(new Participant(UPPSALA, null, ParticipantRole.TRIAL)), good.measures()))).messageKey())
                .as("Uppsala is outside region 12").isEqualTo("trials.error.unit-outside");
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan("t", "q",
                good.toolKind(), "w", "who5", null, good.period(), good.baselineStart(), good.start(), good.end(),
                List.of(new Participant(MALMO_ALD, null, ParticipantRole.COMPARISON)), good.measures()))).messageKey())
                .isEqualTo("trials.error.no-trial-unit");
        TrialRejected unpublished = catchThrowableOfType(TrialRejected.class, () -> trials.create(REGIONAL, new TrialPlan("t",
                "q", good.toolKind(), "w", "who5", "bbic", good.period(), good.baselineStart(), good.start(), good.end(),
                good.participants(), good.measures())));
        assertThat(unpublished.field()).as("a plan names only published guide entries").isEqualTo("guideEntry");
        assertThat(unpublished.messageKey()).isEqualTo("trials.error.guideEntry");
        assertThatThrownBy(() -> trials.create(MALMO_WORKER, good)).isInstanceOf(AccessDeniedException.class);
        assertThat(trials.all()).isEmpty();
    }

    @Test
    void aPlanKeepsItsPublishedEntryStrippedAndListsTheGuidesEntriesByTitle() {
        TrialPlan good = plan("WHO-5");
        Trial trial = trials.create(REGIONAL, new TrialPlan(good.title(), good.question(), good.toolKind(), good.toolName(),
                "who5", "  who-5 ", good.period(), good.baselineStart(), good.start(), good.end(), good.participants(),
                good.measures()));

        assertThat(trials.trial(trial.id()).plan().guideEntry()).isEqualTo("who-5");
        assertThat(trials.ofGuideEntry("who-5")).extracting(Trial::id).containsExactly(trial.id());
        assertThat(trials.guideEntries()).containsExactly(java.util.Map.entry("who-5", "WHO-5 välbefinnandeindex"));
    }

    @Test
    void ratingsAreAnonymousAndAGroupOfFourStaysHidden() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5"));
        trials.start(REGIONAL, trial.id());
        Rating rating = new Rating(60, 10, 70, 30, 50, 20, true); // raw TLX 40
        for (int i = 0; i < 4; i++) {
            burden.rate(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 27), rating);
        }

        RunChart.Point four = workload(findings.findings(MALMO_WORKER, trial.id()), MALMO, LocalDate.of(2026, 5, 25));
        assertThat(four.value()).as("four answers are hidden, even for the unit itself").isNull();
        assertThat(four.suppressed()).isTrue();
        assertThat(summary(findings.findings(REGIONAL, trial.id()), MALMO).meanWorkload()).isNull();

        burden.rate(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 29), new Rating(30, 0, 30, 30, 30, 0, false)); // 20
        RunChart.Point five = workload(findings.findings(REGIONAL, trial.id()), MALMO, LocalDate.of(2026, 5, 25));
        assertThat(five.value()).isEqualTo(36.0); // (4 × 40 + 20) / 5
        assertThat(five.count()).isEqualTo(5);
        Findings.Summary summary = summary(findings.findings(REGIONAL, trial.id()), MALMO);
        assertThat(summary.answers()).isEqualTo(5);
        assertThat(summary.helpedPercent()).isEqualTo(80.0);

        // no rating can be traced to a person: no column for one, no value naming one, no scores in the audit
        List<String> columns = jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns "
                + "WHERE LOWER(table_name) = 'trl_rating' ORDER BY LOWER(column_name)").query(String.class).list();
        assertThat(columns).containsExactly("effort", "frustration", "helped", "id", "mental", "municipality_code",
                "performance", "period_start", "physical", "temporal", "trial_id", "unit_code");
        assertThat(jdbc.sql("SELECT DISTINCT period_start FROM trl_rating").query(LocalDate.class).list())
                .containsExactly(LocalDate.of(2026, 5, 25));
        ArgumentCaptor<AuditRecord> captor = ArgumentCaptor.forClass(AuditRecord.class);
        verify(audit, atLeastOnce()).record(captor.capture());
        List<AuditRecord> rated = captor.getAllValues().stream().filter(r -> r.action().equals("TRIAL_RATING_GIVEN")).toList();
        assertThat(rated).hasSize(5);
        assertThat(rated).allSatisfy(r -> assertThat(r.details()).isNull());
    }

    @Test
    void ratingsOfTheCurrentWeekCountInItsGroup() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5"));
        trials.start(REGIONAL, trial.id());
        for (int i = 0; i < 5; i++) {
            burden.rate(MALMO_WORKER, trial.id(), null, new Rating(60, 10, 70, 30, 50, 20, true));
        }

        assertThat(workload(findings.findings(REGIONAL, trial.id()), MALMO, LocalDate.of(2026, 6, 1)).value()).isEqualTo(40.0);
    }

    @Test
    void aParticipantSeesItsOwnUnitAndTheOthersSuppressed() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5"));
        trials.start(REGIONAL, trial.id());
        for (int minutes : new int[] {4, 6, 8}) {
            burden.recordUse(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 26), minutes, "page");
            burden.recordUse(LUND_WORKER, trial.id(), LocalDate.of(2026, 5, 26), minutes + 10, "api");
        }
        LocalDate week = LocalDate.of(2026, 5, 25);

        Findings malmo = findings.findings(MALMO_WORKER, trial.id());
        assertThat(malmo.figures()).isTrue();
        Findings.Section minutes = malmo.sections().get(0);
        assertThat(minutes.measure()).isEqualTo(Measure.MINUTES);
        assertThat(minutes.charts()).extracting(c -> c.participant().unitCode() + (c.own() ? " own" : ""))
                .as("own unit first; no minutes for the comparison unit").containsExactly(MALMO + " own", LUND);
        assertThat(point(minutes.charts().get(0).chart(), week).value()).isEqualTo(6.0);
        assertThat(point(minutes.charts().get(1).chart(), week).value()).as("3 uses in Lund: under 5").isNull();
        assertThat(point(minutes.charts().get(1).chart(), week).suppressed()).isTrue();
        assertThat(summary(malmo, LUND).uses()).isNull();
        assertThat(summary(malmo, MALMO).uses()).isEqualTo(3);
        assertThat(summary(malmo, MALMO).meanMinutes()).isEqualTo(6.0);
        assertThat(summary(malmo, MALMO).few()).isTrue();

        Findings regional = findings.findings(REGIONAL, trial.id());
        assertThat(regional.sections().get(0).charts()).allSatisfy(c -> assertThat(point(c.chart(), week).value()).isNull());
        assertThat(findings.findings(UPPSALA_MANAGER, trial.id()).figures()).as("outside every participant").isFalse();
        assertThat(findings.findings(EDITOR, trial.id()).figures()).isFalse();
        assertThat(jdbc.sql("SELECT source FROM trl_use WHERE unit_code = :u").param("u", LUND).query(String.class).list())
                .containsOnly("api");
    }

    @Test
    void onlyStaffOfATrialUnitRecordAndOnlyWhileItRuns() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5"));
        assertThatThrownBy(() -> burden.recordUse(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 26), 5, "page"))
                .as("not started").isInstanceOf(TrialNotFound.class);
        trials.start(REGIONAL, trial.id());
        Actor comparisonWorker = new Actor("aldre", Role.CASE_WORKER, Scope.unit(MALMO_ALD));
        assertThatThrownBy(() -> burden.recordUse(comparisonWorker, trial.id(), LocalDate.of(2026, 5, 26), 5, "page"))
                .isInstanceOf(TrialNotFound.class);
        assertThat(catchThrowableOfType(TrialRejected.class,
                () -> burden.recordUse(MALMO_WORKER, trial.id(), LocalDate.of(2026, 6, 2), 5, "page")).field())
                .as("tomorrow").isEqualTo("usedOn");
        assertThat(catchThrowableOfType(TrialRejected.class,
                () -> burden.recordUse(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 26), 601, "page")).field())
                .isEqualTo("minutes");
        assertThatThrownBy(() -> trials.start(UPPSALA_MANAGER, trial.id())).isInstanceOf(TrialNotFound.class);
        assertThatThrownBy(() -> trials.decide(MALMO_WORKER, trial.id(), Decision.STOP, "nej"))
                .isInstanceOf(TrialNotFound.class);
    }

    @Test
    void theDecisionEndsTheTrialAndShowsOnTheGuideEntry() {
        Trial trial = trials.create(REGIONAL, plan("WHO-5 i Skåne"));
        trials.start(REGIONAL, trial.id());
        assertThat(catchThrowableOfType(TrialRejected.class,
                () -> trials.decide(REGIONAL, trial.id(), Decision.ROLL_OUT, "  ")).field()).isEqualTo("rationale");

        Trial ended = trials.decide(REGIONAL, trial.id(), Decision.ROLL_OUT, "Kortare tid per ärende och fler mätningar.");

        assertThat(ended.status()).isEqualTo(TrialStatus.ENDED);
        assertThat(ended.decision()).isEqualTo(Decision.ROLL_OUT);
        assertThat(ended.decidedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        List<EntryPanel> shown = panels.panelsFor("who-5");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).rows()).extracting(EntryPanel.Row::label, EntryPanel.Row::href, EntryPanel.Row::tagKey,
                EntryPanel.Row::details).containsExactly(org.assertj.core.groups.Tuple.tuple("WHO-5 i Skåne",
                "/trials/" + trial.id(), "trials.decision.roll-out",
                "Malmö Barn och unga, Lund IFO, Malmö Äldreomsorg · 2026-03-02 – 2026-06-30"));
        assertThat(panels.panelsFor("asi")).isEmpty();
        assertThatThrownBy(() -> burden.recordUse(MALMO_WORKER, trial.id(), LocalDate.of(2026, 5, 26), 5, "page"))
                .isInstanceOf(TrialNotFound.class);
        assertThat(catchThrowableOfType(TrialRejected.class, () -> trials.revise(REGIONAL, trial.id(), plan("x"), "y"))
                .messageKey()).isEqualTo("trials.error.ended");
    }

    @Test
    void aComparisonIndicatorGetsTheSameRunChartWithItsBaselineBeforeTheFirstNote() {
        Actor analyst = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        List<se.samsyn.comparison.Comparisons.TrendPoint> trend = new java.util.ArrayList<>();
        double[] values = {10, 12, 11, 13, 8, 7, 6, 8, 7, 6, 7};
        for (int i = 0; i < values.length; i++) {
            trend.add(new se.samsyn.comparison.Comparisons.TrendPoint(2015 + i, 9.0, values[i], 9.5));
        }
        when(comparisons.trend(analyst, "W00001", "1280", "T")).thenReturn(trend);
        improvement.annotateIndicator(analyst, "1280", "W00001",
                new se.samsyn.trials.Annotation(LocalDate.of(2019, 3, 1), "Ny introduktion", null, null, null));

        RunChart chart = improvement.indicatorChart(analyst, "1280", "W00001");

        // baseline 2015-2018: 10, 12, 11, 13 -> median 11.5; then seven years below: a run of 7 of 11 useful (limit 6)
        assertThat(chart.median()).isEqualTo(11.5);
        assertThat(chart.baselineMedian()).isTrue();
        assertThat(chart.longestRun()).isEqualTo(7);
        assertThat(chart.longestRunLimit()).isEqualTo(6);
        assertThat(chart.runSignal()).isTrue();
        assertThat(improvement.indicatorAnnotations(analyst, "1280", "W00001")).extracting(se.samsyn.trials.Annotation::plan)
                .containsExactly("Ny introduktion");
        assertThatThrownBy(() -> improvement.indicatorChart(UPPSALA_MANAGER, "1280", "W00001"))
                .isInstanceOf(TrialNotFound.class);
    }

    static RunChart.Point workload(Findings f, String unit, LocalDate week) {
        Findings.Section section = f.sections().stream().filter(s -> s.measure() == Measure.WORKLOAD).findFirst().orElseThrow();
        return point(section.charts().stream().filter(c -> c.participant().unitCode().equals(unit)).findFirst()
                .orElseThrow().chart(), week);
    }

    static RunChart.Point point(RunChart chart, LocalDate week) {
        return chart.points().stream().filter(p -> p.periodStart().equals(week)).findFirst().orElseThrow();
    }

    static Findings.Summary summary(Findings f, String unit) {
        return f.summaries().stream().filter(s -> s.participant().unitCode().equals(unit)).findFirst().orElseThrow();
    }
}
