package se.samsyn.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
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
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Preventive activities on a real database (the subclasses pick H2 or PostgreSQL), the prevention
 * module started on its own with organisation, audit and the guide mocked and the one import
 * pipeline real: reach per 1,000 of the target group from the population statistics; the reach
 * import all-or-nothing with every bad row listed, idempotent, a changed row updated with
 * history; no identity can be stored; anonymous answers shown only from 5 pairs; permissions.
 */
abstract class PreventiveActivitiesTests {

    static final String UNIT = "1280-ALD";
    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(UNIT));
    static final Actor OTHER_MANAGER = new Actor("annan-chef", Role.UNIT_MANAGER, Scope.unit("1281-ALD"));
    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());
    static final Actor NATIONAL = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());
    static final String HEADER = "month,sex,age_band,participants,contacts\n";

    /** The platform's clock, fixed on 1 June 2026, and the real import pipeline. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {
        @Bean
        ImportPipeline importPipeline(org.springframework.transaction.support.TransactionTemplate transactions) {
            return new ImportPipeline(transactions);
        }

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
    GuideEntries guide;
    @MockitoBean
    se.samsyn.imports.HeldUploads heldUploads;

    @Autowired
    PreventiveActivities activities;
    @Autowired
    ActivityCatalogue catalogue;
    @Autowired
    PreventionFigures figures;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixture() {
        jdbc.sql("DELETE FROM prv_answer").update();
        jdbc.sql("DELETE FROM prv_reach_history").update();
        jdbc.sql("DELETE FROM prv_reach").update();
        jdbc.sql("DELETE FROM prv_activity").update();
        jdbc.sql("DELETE FROM prv_instrument WHERE built_in = FALSE").update();
        jdbc.sql("DELETE FROM org_population").update();
        if (jdbc.sql("SELECT COUNT(*) FROM org_municipality WHERE code = '1280'").query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO org_county (code, name, short_name) VALUES ('12', 'Skåne län', 'Skåne')").update();
            jdbc.sql("INSERT INTO org_municipality (code, name, name_long, county_code) VALUES ('1280', 'Malmö', 'Malmö stad', '12')")
                    .update();
        }
        // Malmö 31 Dec 2022 (SCB via Kolada): 80+ women 8,916, men 5,615; 65-79 women 20,885
        jdbc.sql("""
                INSERT INTO org_population (municipality_code, stat_year, sex, age_band, population) VALUES
                ('1280', 2022, 'K', '80+', 8916), ('1280', 2022, 'M', '80+', 5615), ('1280', 2022, 'K', '65-79', 20885)""")
                .update();
        Unit unit = new Unit("1280", UNIT, "Äldreomsorg", Set.of(FocusArea.ELDERLY_CARE), true);
        when(organisation.unit(UNIT)).thenReturn(Optional.of(unit));
        when(organisation.unit("1281-ALD")).thenReturn(Optional.of(
                new Unit("1281", "1281-ALD", "Äldreomsorg Lund", Set.of(FocusArea.ELDERLY_CARE), true)));
        when(organisation.covers(any(), any())).thenAnswer(call -> call.getArgument(0).equals(call.getArgument(1))
                || ((Scope) call.getArgument(0)).type() == se.samsyn.shared.ScopeType.NATION);
        clearInvocations(audit);
    }

    Activity homeVisits() {
        return activities.create(MANAGER, new ActivityDraft(UNIT, null, "preventive-home-visit", "Förebyggande hembesök 80+",
                "T", List.of("80+"), null, null, LocalDate.of(2026, 1, 1), null, "who-5"));
    }

    ImportReport importCsv(Actor actor, long id, String csv, boolean dryRun) {
        return activities.importReach(actor, id, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFile.Format.CSV, dryRun);
    }

    int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM prv_reach").query(Integer.class).single();
    }

    List<AuditRecord> audited() {
        ArgumentCaptor<AuditRecord> captor = ArgumentCaptor.forClass(AuditRecord.class);
        verify(audit, atLeastOnce()).record(captor.capture());
        return captor.getAllValues();
    }

    @Test
    void theImportTemplatePassesItsDryRunAndStoresTheExampleRow() {
        Activity a = homeVisits();
        List<String> example = PreventiveActivities.importExample(a, LocalDate.of(2026, 6, 1));
        assertThat(example).containsExactly("2026-05", "K", "80+", "12", "30");
        byte[] csv = se.samsyn.imports.ImportTemplate.csv(PreventiveActivities.IMPORT_COLUMNS, List.of(example));
        ImportReport dry = importCsv(MANAGER, a.id(), new String(csv, StandardCharsets.UTF_8), true);
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(stored()).isZero();

        byte[] json = se.samsyn.imports.ImportTemplate.json(PreventiveActivities.IMPORT_COLUMNS, List.of(example));
        ImportReport real = activities.importReach(MANAGER, a.id(), new ByteArrayInputStream(json),
                TabularFile.Format.JSON, false);
        assertThat(real.errors()).isEmpty();
        assertThat(real.status()).isEqualTo("imported");
        assertThat(activities.reach(MANAGER, a.id()).rows())
                .containsExactly(new ReachRow(java.time.YearMonth.of(2026, 5), "K", "80+", 12, 30));
    }

    @Test
    void theTemplatesExampleMonthLiesInTheActivitysPeriod() {
        Activity ended = new Activity(1, "1280", UNIT, null, "k", "t", "M", List.of(), null, null,
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 9, 30), null);
        assertThat(PreventiveActivities.importExample(ended, LocalDate.of(2026, 6, 1)))
                .containsExactly("2025-09", "M", "0-5", "12", "30");
        Activity fresh = new Activity(2, "1280", UNIT, null, "k", "t", "T", List.of("65-79"), null, null,
                LocalDate.of(2026, 6, 1), null, null);
        assertThat(PreventiveActivities.importExample(fresh, LocalDate.of(2026, 6, 15)))
                .containsExactly("2026-06", "K", "65-79", "12", "30");
    }

    @Test
    void aMonthThatDoesNotExistIsReportedAsSuchNotAsAFormatError() {
        Activity a = homeVisits();
        ImportReport r = importCsv(MANAGER, a.id(), HEADER + "2026-13,K,80+,1,1\n2026/05,K,80+,1,1\n", true);
        assertThat(r.errors()).extracting(FileProblem::row, FileProblem::field, FileProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "month", "prevention.error.month-invalid"),
                org.assertj.core.groups.Tuple.tuple(3L, "month", "prevention.error.month"));
    }

    @Test
    void reachIsCountedPerThousandOfTheTargetBandsAndSexFromThePopulationStatistics() {
        Activity a = homeVisits();
        activities.recordReach(MANAGER, a.id(), YearMonth.of(2026, 3), List.of(
                new ReachRow(YearMonth.of(2026, 3), "K", "80+", 30, 40), new ReachRow(YearMonth.of(2026, 3), "M", "80+", 10, 12)));
        activities.recordReach(MANAGER, a.id(), YearMonth.of(2026, 4), List.of(
                new ReachRow(YearMonth.of(2026, 4), "K", "80+", 20, 25)));

        ReachSummary reach = activities.reach(ANALYST, a.id());
        assertThat(reach.months()).containsExactly(new ReachSummary.Month(YearMonth.of(2026, 3), 40, 52),
                new ReachSummary.Month(YearMonth.of(2026, 4), 20, 25));
        ReachSummary.Year year = reach.years().get(0);
        assertThat(year.participants()).isEqualTo(60);
        assertThat(year.population()).as("women and men 80+ in Malmö, 2022").isEqualTo(14_531);
        assertThat(year.populationYear()).isEqualTo(2022);
        assertThat(year.per1000()).isEqualTo(60_000.0 / 14_531);
        assertThat(audited()).extracting(AuditRecord::action).contains("PREVENTION_ACTIVITY_CREATED", "PREVENTION_REACH_RECORDED");
    }

    @Test
    void badRowsAreListedAndNothingIsStored() {
        long id = homeVisits().id();
        ImportReport r = importCsv(MANAGER, id, HEADER
                + "2026-03,K,80+,30,40\n"
                + "2026-13,X,75+,-1,2\n"
                + "2026-04,M,80+,5,3\n"
                + "2025-12,K,80+,1,1\n"
                + "2026-03,K,80+,31,40\n", false);

        assertThat(r.status()).isEqualTo("rejected");
        assertThat(r.errors()).extracting(FileProblem::row, FileProblem::field, FileProblem::messageKey).containsExactly(
                tuple(3L, "month", "prevention.error.month-invalid"),
                tuple(3L, "sex", "prevention.error.sex"),
                tuple(3L, "age_band", "prevention.error.age-band"),
                tuple(3L, "participants", "prevention.error.participants"),
                tuple(4L, "contacts", "prevention.error.contacts-fewer"),
                tuple(5L, "month", "prevention.error.month-outside"),
                tuple(6L, "month", "prevention.error.duplicate-row"));
        assertThat(r.errors().get(6).args()).containsExactly("2");
        assertThat(stored()).isZero();
        assertThat(audited().get(audited().size() - 1).action()).isEqualTo("PREVENTION_REACH_IMPORT_REJECTED");
    }

    @Test
    void reImportingIsIdempotentAndAChangedRowIsUpdatedWithItsHistory() {
        long id = homeVisits().id();
        String file = HEADER + "2026-03,K,80+,30,40\n2026-03,M,80+,10,12\n2026-04,K,80+,20,25\n";
        ImportReport dry = importCsv(MANAGER, id, file, true);
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(dry.created()).isEqualTo(3);
        assertThat(stored()).isZero();

        ImportReport first = importCsv(MANAGER, id, file, false);
        assertThat(first.status()).isEqualTo("imported");
        assertThat(first.created()).isEqualTo(3);
        assertThat(stored()).isEqualTo(3);

        ImportReport again = importCsv(MANAGER, id, file, false);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);

        ImportReport changed = importCsv(MANAGER, id, file.replace("2026-04,K,80+,20,25", "2026-04,K,80+,22,26"), false);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(2);
        assertThat(activities.reach(MANAGER, id).rows()).contains(new ReachRow(YearMonth.of(2026, 4), "K", "80+", 22, 26));
        assertThat(jdbc.sql("""
                SELECT participants_before, contacts_before, participants_after, contacts_after, source FROM prv_reach_history
                WHERE month_start = DATE '2026-04-01' ORDER BY id""")
                .query((rs, n) -> rs.getObject(1) + "/" + rs.getObject(2) + "->" + rs.getInt(3) + "/" + rs.getInt(4) + " "
                        + rs.getString(5)).list())
                .containsExactly("null/null->20/25 import", "20/25->22/26 import");
        assertThat(audited()).extracting(AuditRecord::action).contains("PREVENTION_REACH_IMPORTED");
    }

    @Test
    void aFileWithAPersonnummerColumnOrValueIsRefusedWhole() {
        long id = homeVisits().id();
        ImportReport column = importCsv(MANAGER, id, "personnummer,month,sex,age_band,participants,contacts\n"
                + "19400312-1234,2026-03,K,80+,1,1\n", false);
        assertThat(column.status()).isEqualTo("rejected");
        assertThat(column.errors()).extracting(FileProblem::field, FileProblem::messageKey)
                .containsExactly(tuple("personnummer", "prevention.error.identity-column"));

        ImportReport name = importCsv(MANAGER, id, "month,sex,age_band,participants,contacts,Namn\n"
                + "2026-03,K,80+,1,1,Anna\n", false);
        assertThat(name.errors()).extracting(FileProblem::field).containsExactly("namn");

        ImportReport value = importCsv(MANAGER, id, HEADER + "2026-03,K,80+,4003121234,1\n2026-03,M,80+,1,400312-1234\n",
                false);
        assertThat(value.errors()).extracting(FileProblem::row, FileProblem::field, FileProblem::messageKey).containsExactly(
                tuple(2L, "participants", "prevention.error.identity-value"),
                tuple(3L, "contacts", "prevention.error.identity-value"));
        assertThat(stored()).isZero();
    }

    @Test
    void theAnonymousAnswersTableHasNoColumnThatCouldHoldAnIdentity() {
        List<String> columns = jdbc.sql("""
                SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'prv_answer'
                ORDER BY LOWER(column_name)""").query(String.class).list();
        assertThat(columns).containsExactly("activity_id", "after_score", "answered_month", "before_score", "id",
                "instrument_code");
        List<String> types = jdbc.sql("""
                SELECT LOWER(data_type) FROM information_schema.columns WHERE LOWER(table_name) = 'prv_answer'
                  AND LOWER(column_name) NOT IN ('instrument_code')""").query(String.class).list();
        assertThat(types).as("no free text column but the questionnaire's code")
                .noneMatch(t -> t.contains("char") || t.contains("text"));
        assertThat(columns).noneMatch(c -> c.contains("person") || c.contains("name") || c.contains("birth")
                || c.contains("client") || c.contains("by"));
    }

    @Test
    void answersAreReportedOnlyFromFivePairs() {
        long id = homeVisits().id();
        List<List<Integer>> before = List.of(List.of(2, 2, 2, 2, 2), List.of(3, 3, 3, 3, 3), List.of(1, 1, 1, 1, 1),
                List.of(4, 4, 4, 4, 4), List.of(2, 2, 2, 2, 2));
        List<List<Integer>> after = List.of(List.of(3, 3, 3, 2, 2), List.of(3, 3, 3, 3, 4), List.of(2, 2, 2, 1, 1),
                List.of(3, 4, 4, 4, 4), List.of(5, 5, 5, 5, 5));
        for (int i = 0; i < 4; i++) {
            activities.recordAnswers(MANAGER, id, YearMonth.of(2026, 5), before.get(i), after.get(i));
        }
        OutcomeSummary four = activities.outcome(ANALYST, id);
        assertThat(four.respondents()).isEqualTo(4);
        assertThat(four.suppressed()).isTrue();
        assertThat(four.shareImproved()).isNull();
        assertThat(four.meanBefore()).isNull();

        activities.recordAnswers(MANAGER, id, YearMonth.of(2026, 5), before.get(4), after.get(4));
        // scores ×4: 40→52 (+12), 60→64, 20→32 (+12), 80→76, 40→100 (+60): 3 of 5 improved by at least 10
        OutcomeSummary five = activities.outcome(ANALYST, id);
        assertThat(five.suppressed()).isFalse();
        assertThat(five.improved()).isEqualTo(3);
        assertThat(five.shareImproved()).isEqualTo(60.0);
        assertThat(five.meanBefore()).isEqualTo(48.0);
        assertThat(five.meanAfter()).isEqualTo(64.8);
        assertThat(catchThrowableOfType(PreventionRejected.class, () -> activities.recordAnswers(MANAGER, id,
                YearMonth.of(2026, 5), List.of(1, 2, 3), List.of(1, 2, 3, 4, 5))).field()).isEqualTo("before");
        assertThat(catchThrowableOfType(PreventionRejected.class, () -> activities.recordAnswers(MANAGER, id,
                YearMonth.of(2026, 5), List.of(1, 2, 3, 4, 6), List.of(1, 2, 3, 4, 5))).messageKey())
                .isEqualTo("prevention.error.answers");
    }

    @Test
    void onlyTheUnitRecordsAndOnlyThoseWhoseScopeCoversItSee() {
        long id = homeVisits().id();
        assertThatThrownBy(() -> activities.activity(OTHER_MANAGER, id)).isInstanceOf(ActivityNotFound.class);
        assertThatThrownBy(() -> activities.activity(EDITOR, id)).isInstanceOf(ActivityNotFound.class);
        assertThat(activities.activity(ANALYST, id).title()).isEqualTo("Förebyggande hembesök 80+");
        assertThat(activities.activities(new Actor("lund", Role.MUNICIPAL_ANALYST, Scope.municipality("1281")))).isEmpty();
        assertThatThrownBy(() -> activities.recordReach(ANALYST, id, YearMonth.of(2026, 3),
                List.of(new ReachRow(YearMonth.of(2026, 3), "K", "80+", 1, 1)))).isInstanceOf(ActivityNotFound.class);
        assertThatThrownBy(() -> importCsv(OTHER_MANAGER, id, HEADER + "2026-03,K,80+,1,1\n", false))
                .isInstanceOf(ActivityNotFound.class);
        assertThatThrownBy(() -> activities.create(ANALYST, new ActivityDraft(UNIT, null, "preventive-home-visit", "X", "T",
                List.of("80+"), null, null, LocalDate.of(2026, 1, 1), null, null))).isInstanceOf(ActivityNotFound.class);
        assertThat(catchThrowableOfType(PreventionRejected.class, () -> activities.create(MANAGER, new ActivityDraft(UNIT,
                null, "preventive-home-visit", "X", "T", List.of(), null, null, LocalDate.of(2026, 1, 1), null, null)))
                .messageKey()).isEqualTo("prevention.error.target-group");
        assertThat(stored()).isZero();
    }

    @Test
    void nationalAnalystsKeepTheCatalogueAndAKindFollowsAPublishedMethod() {
        when(guide.publishedSlugs()).thenReturn(Set.of("abc-alla-barn-i-centrum"));
        when(guide.published()).thenReturn(List.of(new se.samsyn.knowledge.Entry(1, "abc-alla-barn-i-centrum", "method",
                "ABC – Alla barn i centrum", "", "", List.of(), List.of(), "Socialstyrelsen", null, null, null, null,
                "published", 1, Instant.EPOCH, "redaktor", Instant.EPOCH)));
        assertThatThrownBy(() -> catalogue.saveKind(ANALYST, new ActivityKind("family-centre", "Familjecentral",
                "Family centre", "children-youth", null))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowableOfType(PreventionRejected.class, () -> catalogue.saveKind(NATIONAL,
                new ActivityKind("family-centre", "Familjecentral", "Family centre", "children-youth", "no-such-method")))
                .field()).isEqualTo("methodSlug");
        catalogue.saveKind(NATIONAL, new ActivityKind("family-centre", "Familjecentral", "Family centre", "children-youth",
                "abc-alla-barn-i-centrum"));
        assertThat(catalogue.kind("family-centre").orElseThrow().methodSlug()).isEqualTo("abc-alla-barn-i-centrum");
        assertThat(catchThrowableOfType(PreventionRejected.class, () -> catalogue.saveQuestionnaire(NATIONAL,
                new Questionnaire("who-5", "X", "X", 3, 0, 4, 1, true, 2, false))).messageKey())
                .isEqualTo("prevention.error.built-in");
        catalogue.saveQuestionnaire(NATIONAL, new Questionnaire("loneliness-3", "Ensamhet 3 frågor", "Loneliness 3 items",
                3, 1, 3, 1, false, 2, false));
        assertThat(catalogue.questionnaire("loneliness-3").orElseThrow().higherIsBetter()).isFalse();
        assertThat(audited()).extracting(AuditRecord::action).contains("PREVENTION_KIND_ADDED",
                "PREVENTION_QUESTIONNAIRE_ADDED");
        jdbc.sql("DELETE FROM prv_activity_kind WHERE code = 'family-centre'").update();
    }

    @Test
    void theNationalEvidenceOfAKindSumsEveryActivity() {
        long id = homeVisits().id();
        importCsv(MANAGER, id, HEADER + "2026-03,K,80+,30,40\n2026-03,M,80+,10,12\n", false);
        KindEvidence evidence = figures.evidence("preventive-home-visit");
        assertThat(evidence.activities()).isEqualTo(1);
        assertThat(evidence.participants()).isEqualTo(40);
        assertThat(evidence.contacts()).isEqualTo(52);
        assertThat(evidence.outcome()).isNull();
    }
    /** Records WHO-5 pairs for the activity in May 2026: {@code improved} from 40 to 60 (+20), {@code same} at 40. */
    void answers(long id, int improved, int same) {
        for (int i = 0; i < improved; i++) {
            activities.recordAnswers(MANAGER, id, YearMonth.of(2026, 5), List.of(2, 2, 2, 2, 2), List.of(3, 3, 3, 3, 3));
        }
        for (int i = 0; i < same; i++) {
            activities.recordAnswers(MANAGER, id, YearMonth.of(2026, 5), List.of(2, 2, 2, 2, 2), List.of(2, 2, 2, 2, 2));
        }
    }

    /**
     * ADR 0015, "Preventive pairs": a national analyst sees every activity's anonymous result, so the
     * kind's national share improved (on the priority pages) must not be published while an activity
     * counted in it withholds its own. Fixture: two home-visit activities, A with 12 pairs of which 7
     * improved (shown), B with 3 pairs of which 2 improved (withheld). Summed as before, the kind showed
     * 15 pairs, 60 % improved: 9 improved, less A's 7, gives B's withheld 2. Once B has 5 pairs (3
     * improved) and shows its own, the kind shows 17 pairs and 10 improved, the sum of the two shown counts.
     */
    @Test
    void theKindsNationalShareGivesAwayNoActivitysWithheldImprovedCount() {
        long a = homeVisits().id();
        long b = homeVisits().id();
        answers(a, 7, 5);
        answers(b, 2, 1);
        OutcomeSummary shownA = activities.outcome(NATIONAL, a);
        OutcomeSummary withheldB = activities.outcome(NATIONAL, b);
        assertThat(shownA.respondents()).isEqualTo(12);
        assertThat(shownA.improved()).isEqualTo(7);
        assertThat(withheldB.respondents()).isEqualTo(3);
        assertThat(withheldB.improved()).isNull();

        OutcomeSummary kind = figures.evidence("preventive-home-visit").outcome();
        Integer derived = kind.improved() == null ? null : kind.improved() - shownA.improved();
        assertThat(derived).as("B's withheld improved count, the kind's national count less A's").isNull();
        assertThat(kind.shareImproved()).isNull();
        assertThat(kind.suppressed()).isTrue();
        assertThat(kind.respondents()).isEqualTo(15);

        answers(b, 1, 1);
        assertThat(activities.outcome(NATIONAL, b).improved()).isEqualTo(3);
        OutcomeSummary all = figures.evidence("preventive-home-visit").outcome();
        assertThat(all.suppressed()).isFalse();
        assertThat(all.respondents()).isEqualTo(17);
        assertThat(all.improved()).isEqualTo(10);
        assertThat(all.shareImproved()).isEqualTo(100.0 * 10 / 17);
    }

    /**
     * The published view {@code prv_fact_outcome} counts an activity as withheld exactly while its
     * page withholds its improved count (ADR 0015, "Preventive pairs"; comparison hides such a cell):
     * with {@link OutcomeSummary#MIN_GROUP} − 1 pairs the page shows no improved count and the view's
     * row has 1 withheld activity, with {@link OutcomeSummary#MIN_GROUP} pairs both show.
     */
    @Test
    void theOutcomeViewCountsAnActivityAsWithheldExactlyWhileItsPageWithholds() {
        long a = homeVisits().id();
        answers(a, 2, OutcomeSummary.MIN_GROUP - 3);
        assertThat(activities.outcome(NATIONAL, a).improved()).isNull();
        assertThat(outcomeRow()).isEqualTo("1280 2026 4 2 1");
        answers(a, 0, 1);
        assertThat(activities.outcome(NATIONAL, a).improved()).isEqualTo(2);
        assertThat(outcomeRow()).isEqualTo("1280 2026 5 2 0");
    }

    /** The view's one row: municipality, year, respondents, improved, withheld activities. */
    private String outcomeRow() {
        return jdbc.sql("""
                SELECT municipality_code || ' ' || stat_year || ' ' || respondents || ' ' || improved || ' ' || withheld_activities
                FROM prv_fact_outcome""").query(String.class).single();
    }

    /**
     * ADR 0015: an activity's page withholds the share when none or all of 5 to 9 pairs improved (an
     * attribute disclosure), and the kind's national figure is then withheld as for an activity under
     * 5 pairs. A: 12 pairs, 7 improved (shown); B: 6 pairs, all improved (pairs and means shown, no
     * share). The kind's 18 pairs and 13 improved less A's 7 would give B's 6 of 6. With 4 more pairs
     * (all improved) B shows 10 of 10 itself, and the kind 22 pairs with 17 improved.
     */
    @Test
    void theKindsNationalShareGivesAwayNoActivitysWithheldExtremeShare() {
        long a = homeVisits().id();
        long b = homeVisits().id();
        answers(a, 7, 5);
        answers(b, 6, 0);
        assertThat(activities.outcome(NATIONAL, b))
                .isEqualTo(new OutcomeSummary("who-5", 6, null, null, null, null, false, true));
        assertThat(figures.evidence("preventive-home-visit").outcome())
                .isEqualTo(new OutcomeSummary("who-5", 18, null, null, null, null, true, false));

        answers(b, 4, 0);
        assertThat(activities.outcome(NATIONAL, b))
                .isEqualTo(new OutcomeSummary("who-5", 10, 10, 100.0, 40.0, 60.0, false, false));
        OutcomeSummary all = figures.evidence("preventive-home-visit").outcome();
        assertThat(all.suppressed()).isFalse();
        assertThat(all.respondents()).isEqualTo(22);
        assertThat(all.improved()).isEqualTo(17);
        assertThat(all.shareImproved()).isEqualTo(100.0 * 17 / 22);
    }

    /**
     * V153 redefines {@code prv_fact_outcome} so that {@code withheld_activities} also counts the
     * activities whose page withholds an extreme share; every other column and every row stay what
     * V150's view gave (the old definition below, run beside it). Malmö, WHO-5: home visits A (12
     * pairs, 7 improved, 2026) and B (7 of 7, 2026); parenting groups C (0 of 6, 2026) and D (2 of 3,
     * 2026); open meeting places E (10 of 10, 2026), F (5 of 5 in 2025 and 4 of 4 in 2026: 9 of 9,
     * over two years) and G (3 of 8, 2025).
     */
    @Test
    void theOutcomeViewAlsoCountsExtremeSharesAndKeepsEveryOtherColumnAndRow() {
        long a = activity("preventive-home-visit");
        long b = activity("preventive-home-visit");
        long c = activity("parenting-support-group");
        long d = activity("parenting-support-group");
        long e = activity("open-meeting-place");
        long f = activity("open-meeting-place");
        long g = activity("open-meeting-place");
        pairs(a, "2026-05-01", 7, 5);
        pairs(b, "2026-05-01", 7, 0);
        pairs(c, "2026-04-01", 0, 6);
        pairs(d, "2026-04-01", 2, 1);
        pairs(e, "2026-03-01", 10, 0);
        pairs(f, "2025-10-01", 5, 0);
        pairs(f, "2026-02-01", 4, 0);
        pairs(g, "2025-09-01", 3, 5);
        String columns = "municipality_code || ' ' || stat_year || ' ' || activity_kind || ' ' || instrument_code || ' ' "
                + "|| respondents || ' ' || improved";
        List<String> now = jdbc.sql("SELECT " + columns + " || ' ' || withheld_activities FROM prv_fact_outcome ORDER BY 1")
                .query(String.class).list();
        assertThat(now).containsExactly(
                "1280 2025 open-meeting-place who-5 13 8 1",
                "1280 2026 open-meeting-place who-5 14 14 1",
                "1280 2026 parenting-support-group who-5 9 2 2",
                "1280 2026 preventive-home-visit who-5 19 14 1");
        List<String> before = jdbc.sql("SELECT " + columns + " || ' ' || withheld_activities FROM (" + V150_VIEW + ") o ORDER BY 1")
                .query(String.class).list();
        assertThat(before).containsExactly(
                "1280 2025 open-meeting-place who-5 13 8 1",
                "1280 2026 open-meeting-place who-5 14 14 1",
                "1280 2026 parenting-support-group who-5 9 2 1",
                "1280 2026 preventive-home-visit who-5 19 14 0");
        assertThat(jdbc.sql("SELECT " + columns + " FROM prv_fact_outcome ORDER BY 1").query(String.class).list())
                .isEqualTo(jdbc.sql("SELECT " + columns + " FROM (" + V150_VIEW + ") o ORDER BY 1").query(String.class).list());
    }

    /** V150's definition of {@code prv_fact_outcome}, as it was before V153. */
    private static final String V150_VIEW = """
            SELECT a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER) AS stat_year,
                   a.kind_code AS activity_kind, s.instrument_code, COUNT(*) AS respondents,
                   SUM(CASE WHEN (s.after_score - s.before_score) * (CASE WHEN i.higher_is_better THEN 1 ELSE -1 END)
                                 >= i.minimal_difference THEN 1 ELSE 0 END) AS improved,
                   COUNT(DISTINCT CASE WHEN w.pairs < 5 OR w.years > 1 THEN s.activity_id END) AS withheld_activities
            FROM prv_answer s
            JOIN prv_activity a ON a.id = s.activity_id
            JOIN prv_instrument i ON i.code = s.instrument_code
            JOIN (SELECT activity_id, instrument_code, COUNT(*) AS pairs,
                         COUNT(DISTINCT CAST(EXTRACT(YEAR FROM answered_month) AS INTEGER)) AS years
                  FROM prv_answer
                  GROUP BY activity_id, instrument_code) w
              ON w.activity_id = s.activity_id AND w.instrument_code = s.instrument_code
            GROUP BY a.municipality_code, CAST(EXTRACT(YEAR FROM s.answered_month) AS INTEGER), a.kind_code, s.instrument_code""";

    /** An activity of the kind at Malmö's unit, written as the module writes it. */
    private long activity(String kind) {
        jdbc.sql("""
                INSERT INTO prv_activity (municipality_code, unit_code, kind_code, title, target_sex, target_bands, starts_on,
                       instrument_code, created_at, created_by)
                VALUES ('1280', :u, :k, 'Test', 'T', '80+', DATE '2025-01-01', 'who-5', CURRENT_TIMESTAMP, 'test')""")
                .param("u", UNIT).param("k", kind).update();
        return jdbc.sql("SELECT MAX(id) FROM prv_activity").query(Long.class).single();
    }

    /** {@code improved} WHO-5 pairs of 40 → 60 (+20) and {@code unchanged} of 50 → 52 (+2), answered in the month. */
    private void pairs(long activity, String month, int improved, int unchanged) {
        for (int i = 0; i < improved + unchanged; i++) {
            jdbc.sql("""
                    INSERT INTO prv_answer (activity_id, instrument_code, answered_month, before_score, after_score)
                    VALUES (:a, 'who-5', CAST(:month AS DATE), :b, :f)""").param("a", activity).param("month", month)
                    .param("b", i < improved ? 40.0 : 50.0).param("f", i < improved ? 60.0 : 52.0).update();
        }
    }
}
