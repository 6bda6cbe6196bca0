package se.samsyn.competence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The staff register and the requirement catalogue on a real database (the subclasses pick H2 or
 * PostgreSQL), the competence module started on its own with the modules it depends on mocked and
 * the one import pipeline real: the HR import is all-or-nothing with every bad row listed,
 * idempotent, and updates a changed row keeping its history; names are only for the unit's
 * manager and the municipality's administrator, every read and write audited.
 */
abstract class StaffRegisterTests {

    static final String UNIT = "1280-IFO-BU";
    static final String OTHER_UNIT = "1280-ALD";
    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(UNIT));
    static final Actor OTHER_MANAGER = new Actor("annan-chef", Role.UNIT_MANAGER, Scope.unit(OTHER_UNIT));
    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit(UNIT));
    static final Actor ADMIN = new Actor("admin-malmo", Role.ADMINISTRATOR, Scope.municipality("1280"));
    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
    static final Actor NATIONAL = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());

    static final String HEADER = "employee_number,name,role,employment,start_date,end_date,prior_years,degrees,"
            + "supplementary,trainings,tasks,titles\n";
    static final String ANNA = "A-100,Anna Berg,social-worker,permanent,2024-08-19,,1.5,socionom,,,investigate;follow-up,\n";
    static final String BO = "A-101,Bo Ek,social-worker,agency,2026-01-12,2026-12-31,0,"
            + "behavioural-science[social-work+psychology],,,open-investigation,\n";

    /** The platform's clock, fixed on 1 June 2026. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {
        /** The one import pipeline, real: the import tests check its all-or-nothing behaviour on this module's steps. */
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
    se.samsyn.identity.Accounts accounts;
    @MockitoBean
    se.samsyn.imports.HeldUploads heldUploads;

    @Autowired
    StaffRegister register;
    @Autowired
    Requirements requirements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GapAnalysis gaps;
    @Autowired
    Introductions introductions;
    @Autowired
    Workforce workforce;
    @Autowired
    se.samsyn.knowledge.KnowledgeReferences guideReferences;

    static final String EBP = "webbutbildning-evidensbaserad-praktik";

    @BeforeEach
    void organisation() {
        jdbc.sql("DELETE FROM cpt_employee_history").update();
        jdbc.sql("DELETE FROM cpt_employee").update();
        jdbc.sql("DELETE FROM cpt_requirement WHERE kind = 'local'").update();
        when(organisation.unit(UNIT)).thenReturn(Optional.of(
                new Unit("1280", UNIT, "Barn och unga", Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(organisation.unit(OTHER_UNIT)).thenReturn(Optional.of(
                new Unit("1280", OTHER_UNIT, "Äldreomsorg", Set.of(FocusArea.ELDERLY_CARE), true)));
        when(organisation.municipality("1280")).thenReturn(Optional.of(
                new Municipality("1280", "Malmö", "Malmö stad", "12", "Skåne", "C1", "Storstad", 360000, 2025, 0.05)));
        when(organisation.units("1280")).thenReturn(List.of(
                new Unit("1280", UNIT, "Barn och unga", Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(organisation.covers(any(), any())).thenAnswer(call -> call.getArgument(0).equals(call.getArgument(1))
                || ((Scope) call.getArgument(0)).type() == se.samsyn.shared.ScopeType.NATION);
        when(guide.published()).thenReturn(List.of(new se.samsyn.knowledge.Entry(1, EBP, "training",
                "Evidensbaserad praktik", "", "", List.of(), List.of(), "Socialstyrelsen", null, null, null, null,
                "published", 1, Instant.EPOCH, "redaktor", Instant.EPOCH)));
        jdbc.sql("DELETE FROM cpt_plan_item").update();
        jdbc.sql("DELETE FROM cpt_vacancy").update();
        jdbc.sql("DELETE FROM cpt_introduction_check").update();
        jdbc.sql("DELETE FROM cpt_introduction").update();
        clearInvocations(audit);
    }

    ImportReport importCsv(Actor actor, String csv, boolean dryRun) {
        return register.importStaff(actor, UNIT, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFile.Format.CSV, dryRun);
    }

    int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM cpt_employee").query(Integer.class).single();
    }

    List<AuditRecord> audited() {
        ArgumentCaptor<AuditRecord> captor = ArgumentCaptor.forClass(AuditRecord.class);
        verify(audit, atLeastOnce()).record(captor.capture());
        return captor.getAllValues();
    }

    @Test
    void theImportTemplatesPassTheirDryRunAndStoreTheExampleRow() {
        byte[] csv = se.samsyn.imports.ImportTemplate.csv(StaffRegister.IMPORT_COLUMNS,
                List.of(StaffRegister.IMPORT_EXAMPLE));
        ImportReport dry = importCsv(MANAGER, new String(csv, StandardCharsets.UTF_8), true);
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(dry.created()).isEqualTo(1);
        assertThat(stored()).isZero();

        byte[] json = se.samsyn.imports.ImportTemplate.json(StaffRegister.IMPORT_COLUMNS,
                List.of(StaffRegister.IMPORT_EXAMPLE));
        ImportReport real = register.importStaff(MANAGER, UNIT, new ByteArrayInputStream(json), TabularFile.Format.JSON,
                false);
        assertThat(real.errors()).isEmpty();
        assertThat(real.status()).isEqualTo("imported");
        Employee anna = register.employee(MANAGER, UNIT, "A1001");
        assertThat(anna.name()).isEqualTo("Anna Exempel");
        assertThat(anna.role()).isEqualTo(StaffRole.SOCIAL_WORKER);
        assertThat(anna.startDate()).isEqualTo(java.time.LocalDate.of(2024, 1, 15));
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void anImpossibleDateIsReportedAsNoSuchDayNotAsAFormatError() {
        ImportReport r = importCsv(MANAGER, HEADER + ANNA.replace("2024-08-19", "2026-13-01"), true);
        assertThat(r.status()).isEqualTo("rejected");
        assertThat(r.errors()).extracting(FileProblem::row, FileProblem::field, FileProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "start_date", "import.error.date-invalid"));
    }

    @Test
    void badRowsAreListedAndNothingIsStored() {
        ImportReport r = importCsv(MANAGER, HEADER + ANNA
                + "198112189876,Cecilia Dahl,social-worker,permanent,2025-01-01,,,,,,,\n"
                + "A-102,Dan Ek,astronaut,permanent,2025-02-30,,,socionom[law],,,,\n"
                + "A-100,Anna Berg,social-worker,permanent,2024-08-19,,,,,,,\n", false);

        assertThat(r.status()).isEqualTo("rejected");
        assertThat(r.errors()).extracting(FileProblem::row, FileProblem::field, FileProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "employee_number", "competence.error.employee-number-personnummer"),
                org.assertj.core.groups.Tuple.tuple(4L, "role", "competence.error.role"),
                org.assertj.core.groups.Tuple.tuple(4L, "start_date", "import.error.date-invalid"),
                org.assertj.core.groups.Tuple.tuple(4L, "degrees", "competence.error.degrees"),
                org.assertj.core.groups.Tuple.tuple(5L, "employee_number", "competence.error.duplicate-number"));
        assertThat(r.errors().get(4).args()).containsExactly("2");
        assertThat(stored()).isZero();
        AuditRecord rejected = audited().get(audited().size() - 1);
        assertThat(rejected.action()).isEqualTo("COMPETENCE_IMPORT_REJECTED");
        assertThat(rejected.details()).isEqualTo("rows=4; errors=5; stored=0");
    }

    @Test
    void aDryRunChecksAndStoresNothing() {
        ImportReport r = importCsv(MANAGER, HEADER + ANNA + BO, true);

        assertThat(r.status()).isEqualTo("valid");
        assertThat(r.created()).isEqualTo(2);
        assertThat(stored()).isZero();
    }

    @Test
    void aReImportChangesNothingAndAChangedRowIsUpdatedWithItsHistory() {
        ImportReport first = importCsv(MANAGER, HEADER + ANNA + BO, false);
        ImportReport again = importCsv(MANAGER, HEADER + BO + ANNA, false);
        ImportReport changed = importCsv(MANAGER, HEADER + ANNA
                + BO.replace("[social-work+psychology],,", "[social-work+psychology],social-law;administrative-law,"), false);

        assertThat(List.of(first.created(), first.updated(), first.unchanged())).containsExactly(2L, 0L, 0L);
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 2L);
        assertThat(List.of(changed.created(), changed.updated(), changed.unchanged())).containsExactly(0L, 1L, 1L);
        Employee bo = register.employee(MANAGER, UNIT, "A-101");
        assertThat(bo.supplementary()).containsExactlyInAnyOrder(DegreeComponent.SOCIAL_LAW,
                DegreeComponent.ADMINISTRATIVE_LAW);
        assertThat(bo.employment()).isEqualTo(EmploymentForm.AGENCY);
        assertThat(bo.degrees()).containsExactly(new Employee.HeldDegree(Degree.BEHAVIOURAL_SCIENCE,
                Set.of(DegreeComponent.SOCIAL_WORK, DegreeComponent.PSYCHOLOGY)));
        assertThat(register.history(MANAGER, UNIT, "A-101")).extracting(StaffRegister.HistoryEntry::field,
                        StaffRegister.HistoryEntry::oldValue, StaffRegister.HistoryEntry::newValue,
                        StaffRegister.HistoryEntry::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("supplementary", "", "administrative-law;social-law",
                        "import"));
        assertThat(audited()).extracting(AuditRecord::action).contains("COMPETENCE_IMPORT_IMPORTED",
                "COMPETENCE_EMPLOYEE_READ", "COMPETENCE_HISTORY_READ");
        assertThat(audited().stream().filter(a -> a.action().equals("COMPETENCE_IMPORT_IMPORTED")).toList().get(2)
                .details()).isEqualTo("rows=2; new=0; updated=1; added=; changed=A-101");
    }

    @Test
    void theFormRefusesAPersonnummerAndStoresAPersonOnce() {
        CompetenceRejected refused = catchThrowableOfType(CompetenceRejected.class, () -> register.save(MANAGER, UNIT,
                new StaffRow("811218-9876", "Cecilia", "social-worker", "permanent", "2025-01-01", null, null, null,
                        null, null, null, null), "page"));
        StaffRow row = new StaffRow("A-200", "Cecilia Dahl", "assistant-nurse", "temporary", "2025-01-01", null, "3",
                null, null, null, null, "underskoterska");

        assertThat(refused.field()).isEqualTo("employee_number");
        assertThat(refused.messageKey()).isEqualTo("competence.error.employee-number-personnummer");
        assertThat(register.save(MANAGER, UNIT, row, "page").status()).isEqualTo("created");
        assertThat(register.save(MANAGER, UNIT, row, "page").status()).isEqualTo("unchanged");
        assertThat(register.save(ADMIN, UNIT, new StaffRow("A-200", "Cecilia Dahl", "assistant-nurse", "permanent",
                "2025-01-01", null, "3", null, null, null, null, "underskoterska"), "api"))
                .isEqualTo(new StaffRegister.SaveOutcome("updated", List.of("employment")));
        assertThat(register.staff(ADMIN, UNIT)).extracting(Employee::name, Employee::titles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Cecilia Dahl", Set.of(ProtectedTitle.UNDERSKOTERSKA)));
        assertThat(audited()).extracting(AuditRecord::action).containsExactly("COMPETENCE_EMPLOYEE_CREATED",
                "COMPETENCE_EMPLOYEE_UPDATED", "COMPETENCE_STAFF_READ");
    }

    @Test
    void namesAreOnlyForTheUnitsManagerAndTheMunicipalitysAdministrator() {
        importCsv(MANAGER, HEADER + ANNA, false);

        assertThat(register.staff(MANAGER, UNIT)).extracting(Employee::name).containsExactly("Anna Berg");
        assertThat(register.staff(ADMIN, UNIT)).extracting(Employee::name).containsExactly("Anna Berg");
        for (Actor refused : List.of(OTHER_MANAGER, CASE_WORKER, ANALYST, NATIONAL)) {
            clearInvocations(audit);
            assertThat(catchThrowableOfType(StaffNotFound.class, () -> register.staff(refused, UNIT)))
                    .as(refused.username()).isNotNull();
            assertThat(audited()).singleElement().satisfies(a -> {
                assertThat(a.action()).isEqualTo("COMPETENCE_ACCESS_DENIED");
                assertThat(a.outcome()).isEqualTo(AuditOutcome.DENIED);
                assertThat(a.actor()).isEqualTo(refused.username());
            });
        }
        assertThat(register.maySeeNames(CASE_WORKER, UNIT)).isFalse();
        assertThat(register.maySeeNames(ADMIN, OTHER_UNIT)).isTrue();
    }

    @Test
    void theHistorySaysWhatChangedHowAndIsOnlyForTheManagerAndTheAdministratorEveryReadAudited() {
        importCsv(MANAGER, HEADER + ANNA, false);
        register.save(ADMIN, UNIT, new StaffRow("A-100", "Anna Berg", "social-worker", "temporary", "2024-08-19", null,
                "1.5", "socionom", null, null, "investigate;follow-up", null), "page");
        importCsv(MANAGER, HEADER + ANNA.replace(",1.5,", ",2,"), false);
        clearInvocations(audit);

        // the import put back "permanent" and changed 1.5 to 2 years in one run; the form changed the employment first
        assertThat(register.history(MANAGER, UNIT, "A-100")).extracting(StaffRegister.HistoryEntry::field,
                StaffRegister.HistoryEntry::oldValue, StaffRegister.HistoryEntry::newValue,
                StaffRegister.HistoryEntry::changedBy, StaffRegister.HistoryEntry::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("prior", "1.5", "2.0", "chef", "import"),
                        org.assertj.core.groups.Tuple.tuple("employment", "temporary", "permanent", "chef", "import"),
                        org.assertj.core.groups.Tuple.tuple("employment", "permanent", "temporary", "admin-malmo", "page"));
        // newest first: the clock is fixed, so equal times come in reverse order of writing
        assertThat(register.history(MANAGER, UNIT, "A-100").get(0).changedAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
        assertThat(register.history(ADMIN, UNIT, "A-100")).hasSize(3);
        assertThat(audited()).extracting(AuditRecord::action, AuditRecord::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMPETENCE_HISTORY_READ", "chef"),
                org.assertj.core.groups.Tuple.tuple("COMPETENCE_HISTORY_READ", "chef"),
                org.assertj.core.groups.Tuple.tuple("COMPETENCE_HISTORY_READ", "admin-malmo"));
        for (Actor refused : List.of(OTHER_MANAGER, CASE_WORKER, ANALYST, NATIONAL)) {
            clearInvocations(audit);
            assertThat(catchThrowableOfType(StaffNotFound.class, () -> register.history(refused, UNIT, "A-100")))
                    .as(refused.username()).isNotNull();
            assertThat(audited()).singleElement().extracting(AuditRecord::action).isEqualTo("COMPETENCE_ACCESS_DENIED");
        }
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> register.history(MANAGER, UNIT, "A-999"))).isNotNull();
    }

    @Test
    void theCatalogueHoldsTheStatutorySeedsAndEachMunicipalitysLocalRequirements() {
        Requirement local = new Requirement("malmo-ebp", RequirementKind.LOCAL, "1280", "EBP inom ett år", null,
                StaffRole.SOCIAL_WORKER, null, null, null, null, new java.math.BigDecimal("1.0"), null, 12,
                "Beslut i socialnämnden 2026-02-01", null);

        assertThat(requirements.catalogue(null)).extracting(Requirement::code).containsExactly(
                "sol-child-follow-up", "sol-child-investigate", "sol-child-open-investigation", "title-underskoterska",
                "child-investigation-experience", "goal-underskoterska");
        assertThat(requirements.requirement("sol-child-investigate").orElseThrow()).satisfies(r -> {
            assertThat(r.legal()).isTrue();
            assertThat(r.task()).isEqualTo(RegulatedTask.INVESTIGATE);
            assertThat(r.degrees()).containsExactly(Degree.SOCIONOM);
            assertThat(r.components()).containsExactlyInAnyOrder(DegreeComponent.values());
            assertThat(r.source()).isEqualTo("HSLF-FS 2017:79; 3 kap. 3 a § SoL");
        });
        assertThat(catchThrowableOfType(org.springframework.security.access.AccessDeniedException.class,
                () -> requirements.save(NATIONAL, local))).isNotNull();
        requirements.save(ADMIN, local);
        assertThat(requirements.catalogue("1280")).extracting(Requirement::code).endsWith("malmo-ebp");
        assertThat(requirements.catalogue("0180")).extracting(Requirement::code).doesNotContain("malmo-ebp");
        assertThat(requirements.requirement("malmo-ebp").orElseThrow().withinMonths()).isEqualTo(12);
        CompetenceRejected empty = catchThrowableOfType(CompetenceRejected.class, () -> requirements.save(NATIONAL,
                new Requirement("empty", RequirementKind.NATIONAL_GOAL, null, "Tomt", null, null, null, null, null,
                        null, null, null, null, "Källa", null)));
        assertThat(empty.messageKey()).isEqualTo("competence.error.no-criterion");
        verify(audit, atLeastOnce()).record(any());
    }

    /** V96: the protected title's source names its stated basis and says plainly that it is unverified. */
    @Test
    void theProtectedTitlesSourceSaysItIsUnverified() {
        Requirement title = requirements.requirement("title-underskoterska").orElseThrow();

        assertThat(title.legal()).isTrue();
        assertThat(title.title()).isEqualTo(ProtectedTitle.UNDERSKOTERSKA);
        assertThat(title.source()).startsWith("Skyddad yrkestitel undersköterska från 1 juli 2023")
                .contains("4 kap. 4 § patientsäkerhetslagen (2010:659)")
                .contains("OVERIFIERAT: paragrafen och ändringens SFS-nummer är inte kontrollerade");
    }

    @Test
    void gapsComeLegalFirstAndACompletedPlanClosesThem() {
        importCsv(MANAGER, HEADER + ANNA + BO, false);
        requirements.save(ADMIN, new Requirement("malmo-ebp", RequirementKind.LOCAL, "1280", "EBP inom ett halvår", null,
                StaffRole.SOCIAL_WORKER, null, null, null, EBP, null, null, 6, "Socialnämnden 2026-02-01", null));

        GapAnalysis.UnitMatrix before = gaps.unit(MANAGER, UNIT);

        assertThat(before.gaps()).extracting(GapAnalysis.Gap::name, g -> g.requirement().code(),
                g -> g.assessment().status().code(), g -> g.assessment().shortfalls().get(0).values()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Bo Ek", "sol-child-open-investigation", "gap",
                        List.of("social-law", "administrative-law")),
                org.assertj.core.groups.Tuple.tuple("Anna Berg", "malmo-ebp", "gap", List.of(EBP)),
                org.assertj.core.groups.Tuple.tuple("Bo Ek", "malmo-ebp", "due", List.of(EBP)));
        assertThat(before.gaps().get(1).closingTrainings()).containsExactly(new Training(EBP, "Evidensbaserad praktik"));
        assertThat(before.gaps().get(2).assessment().dueDate()).isEqualTo(java.time.LocalDate.of(2026, 7, 12));
        assertThat(before.rows().get(0).cells().keySet()).containsExactlyInAnyOrder("sol-child-investigate",
                "sol-child-follow-up", "child-investigation-experience", "malmo-ebp");
        assertThat(gaps.municipality(ANALYST, "1280").units()).containsExactly(
                new GapAnalysis.UnitCount(UNIT, "Barn och unga", 2, 1, 1, 1));

        GapAnalysis.PlanItem training = gaps.plan(MANAGER, UNIT, new GapAnalysis.NewPlanItem("A-100", "malmo-ebp", "",
                EBP, Set.of(), java.time.LocalDate.of(2026, 6, 15)));
        GapAnalysis.PlanItem course = gaps.plan(MANAGER, UNIT, new GapAnalysis.NewPlanItem("A-101",
                "sol-child-open-investigation", "Socialrätt och förvaltningsrätt 15 hp", null,
                Set.of(DegreeComponent.SOCIAL_LAW, DegreeComponent.ADMINISTRATIVE_LAW), java.time.LocalDate.of(2026, 12, 20)));
        assertThat(training.course()).isEqualTo("Evidensbaserad praktik");
        assertThat(gaps.unit(MANAGER, UNIT).gaps()).hasSize(3);
        gaps.complete(MANAGER, UNIT, training.id(), java.time.LocalDate.of(2026, 5, 31));
        gaps.complete(MANAGER, UNIT, course.id(), java.time.LocalDate.of(2026, 5, 30));

        GapAnalysis.UnitMatrix after = gaps.unit(MANAGER, UNIT);
        assertThat(after.gaps()).extracting(GapAnalysis.Gap::name, g -> g.requirement().code())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bo Ek", "malmo-ebp"));
        assertThat(after.plans()).extracting(GapAnalysis.PlanItem::status).containsExactly("completed", "completed");
        assertThat(register.employee(MANAGER, UNIT, "A-100").trainings())
                .containsExactly(new Employee.CompletedTraining(EBP, java.time.LocalDate.of(2026, 5, 31)));
        assertThat(register.history(MANAGER, UNIT, "A-101")).extracting(StaffRegister.HistoryEntry::field,
                StaffRegister.HistoryEntry::source).containsExactly(org.assertj.core.groups.Tuple.tuple("supplementary", "plan"));
        assertThat(gaps.municipality(ANALYST, "1280").units()).containsExactly(
                new GapAnalysis.UnitCount(UNIT, "Barn och unga", 2, 0, 0, 1));
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> gaps.municipality(CASE_WORKER, "1280"))).isNotNull();
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> gaps.unit(ANALYST, UNIT))).isNotNull();
        assertThat(audited()).extracting(AuditRecord::action).contains("COMPETENCE_GAPS_READ", "COMPETENCE_PLAN_ADDED",
                "COMPETENCE_PLAN_COMPLETED");
    }

    @Test
    void aNewEmployeeGetsTheRolesProgrammeAndTheManagerSeesProgressAndWhatIsOverdue() {
        importCsv(MANAGER, HEADER + ANNA + BO, false);

        Introductions.Progress started = introductions.start(MANAGER, UNIT, "A-101", null, "Anna Berg", null);

        assertThat(started.programme().code()).isEqualTo("social-worker-children");
        assertThat(started.startedOn()).isEqualTo(java.time.LocalDate.of(2026, 1, 12));
        assertThat(started.items()).extracting(i -> i.item().dueWeek(), Introductions.ItemProgress::dueOn,
                Introductions.ItemProgress::overdue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, java.time.LocalDate.of(2026, 1, 19), true),
                org.assertj.core.groups.Tuple.tuple(4, java.time.LocalDate.of(2026, 2, 9), true),
                org.assertj.core.groups.Tuple.tuple(8, java.time.LocalDate.of(2026, 3, 9), true),
                org.assertj.core.groups.Tuple.tuple(12, java.time.LocalDate.of(2026, 4, 6), true),
                org.assertj.core.groups.Tuple.tuple(26, java.time.LocalDate.of(2026, 7, 13), false));
        assertThat(started.items().get(1).item().guideEntry()).isEqualTo("bbic");
        long first = started.items().get(0).item().id();
        Introductions.Progress checked = introductions.check(MANAGER, UNIT, started.id(), first,
                java.time.LocalDate.of(2026, 1, 15));
        assertThat(List.of(checked.done(), checked.overdue(), checked.items().size())).containsExactly(1, 3, 5);
        assertThat(checked.completed()).isFalse();
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.start(MANAGER, UNIT, "A-101",
                null, "Anna Berg", null)).messageKey()).isEqualTo("competence.error.introduction-exists");
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.check(MANAGER, UNIT, started.id(),
                started.items().get(1).item().id(), java.time.LocalDate.of(2026, 1, 1))).messageKey())
                .isEqualTo("competence.error.done-on");
        assertThat(introductions.unit(ADMIN, UNIT)).extracting(Introductions.Progress::name, Introductions.Progress::mentor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bo Ek", "Anna Berg"));
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> introductions.unit(CASE_WORKER, UNIT))).isNotNull();
        assertThat(audited()).extracting(AuditRecord::action).contains("COMPETENCE_INTRODUCTION_STARTED",
                "COMPETENCE_INTRODUCTION_CHECKED", "COMPETENCE_INTRODUCTIONS_READ");
    }

    /** Eva, a new assistant nurse (programme: 13 weeks, so still running on 1 June 2026). */
    static final String EVA = "A-400,Eva Lind,assistant-nurse,permanent,2026-04-20,,0,,,,,\n";

    List<String> introduced() {
        return introductions.unit(MANAGER, UNIT).stream().map(p -> p.employeeNumber() + " " + p.programme().code() + " "
                + p.startedOn() + " " + p.mentor() + " " + p.startedHow()).toList();
    }

    long started() {
        return audited().stream().filter(a -> a.action().equals("COMPETENCE_INTRODUCTION_STARTED")).count();
    }

    @Test
    void addingANewDirectlyEmployedPersonByTheFormOrTheApiStartsTheRolesIntroduction() {
        // a social worker started 4 May 2026 (programme's last item week 26): started, via the form
        register.save(MANAGER, UNIT, new StaffRow("A-300", "Dana Holm", "social-worker", "permanent", "2026-05-04", null,
                null, "socionom", null, null, null, null), "page");
        // the same through the API, temporary employment: started, via the API
        register.save(ADMIN, UNIT, new StaffRow("A-302", "Erik Lind", "social-worker", "temporary", "2026-04-01", null,
                null, "socionom", null, null, null, null), "api");
        // agency staff: none; an assistant nurse from 2025 (13 weeks long past): none; a role without programme: none
        register.save(MANAGER, UNIT, new StaffRow("A-301", "Fia Ek", "social-worker", "agency", "2026-05-04", null,
                null, "socionom", null, null, null, null), "page");
        register.save(MANAGER, UNIT, new StaffRow("A-303", "Gun Ek", "assistant-nurse", "permanent", "2025-01-01", null,
                null, null, null, null, null, null), "page");
        register.save(MANAGER, UNIT, new StaffRow("A-304", "Hans Ek", "case-officer", "permanent", "2026-05-04", null,
                null, null, null, null, null, null), "page");
        // changing a person adds no introduction; the manager cannot start a second one by hand
        register.save(MANAGER, UNIT, new StaffRow("A-300", "Dana Holm", "social-worker", "temporary", "2026-05-04", null,
                null, "socionom", null, null, null, null), "page");

        assertThat(introduced()).containsExactly(
                "A-302 social-worker-children 2026-04-01 null api",
                "A-300 social-worker-children 2026-05-04 null page");
        assertThat(started()).isEqualTo(2);
        assertThat(audited()).filteredOn(a -> a.action().equals("COMPETENCE_INTRODUCTION_STARTED"))
                .extracting(AuditRecord::details).allMatch(d -> d.startsWith("programme=social-worker-children; introduction="))
                .anyMatch(d -> d.endsWith("; automatic; via=page")).anyMatch(d -> d.endsWith("; automatic; via=api"));
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.start(MANAGER, UNIT, "A-300",
                null, "Anna Berg", null)).messageKey()).isEqualTo("competence.error.introduction-exists");
        assertThat(introductions.start(MANAGER, UNIT, "A-301", null, "Anna Berg", null).startedHow()).isEqualTo("manual");
    }

    @Test
    void theImportStartsTheIntroductionOfEachNewPersonOnceAndADryRunStartsNone() {
        importCsv(MANAGER, HEADER + ANNA + BO + EVA, true);
        assertThat(introduced()).isEmpty();
        // the dry run's writes, its audit entries included, are rolled back; the audit here is a mock
        clearInvocations(audit);

        importCsv(MANAGER, HEADER + ANNA + BO + EVA, false);
        importCsv(MANAGER, HEADER + EVA + ANNA + BO, false);
        importCsv(MANAGER, HEADER + ANNA + BO + EVA.replace("Eva Lind", "Eva Lindh"), false);

        // Anna started in 2024 (long past the programme), Bo is agency staff: only Eva, once
        assertThat(introduced()).containsExactly("A-400 assistant-nurse 2026-04-20 null import");
        assertThat(started()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cpt_introduction").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMentorWithAnAccountSeesAndTicksOffOnlyTheItemsTheyGuide() {
        Actor mentor = new Actor("mentor-kalle", Role.CASE_WORKER, Scope.unit(UNIT));
        when(accounts.enabledActor("mentor-kalle")).thenReturn(Optional.of(mentor));
        when(accounts.enabledActor("nationell")).thenReturn(Optional.of(NATIONAL));
        when(organisation.covers(Scope.municipality("1280"), Scope.unit(UNIT))).thenReturn(true);
        importCsv(MANAGER, HEADER + EVA, false);
        long id = introductions.unit(MANAGER, UNIT).get(0).id();
        List<Introductions.Item> items = introductions.programmes(null).stream()
                .filter(p -> p.code().equals("assistant-nurse")).findFirst().orElseThrow().items();
        long dementia = items.get(1).id();
        long followUp = items.get(2).id();

        assertThat(introductions.mentoring(mentor)).isEmpty();
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> introductions.assignMentor(CASE_WORKER, UNIT, id,
                "Kalle", "mentor-kalle"))).isNotNull();
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.assignMentor(MANAGER, UNIT, id,
                "Kalle", "nobody")).field()).isEqualTo("mentorAccount");
        // an account outside the municipality may not be linked
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.assignMentor(MANAGER, UNIT, id,
                "Kalle", "nationell")).messageKey()).isEqualTo("competence.error.mentor-account");
        Introductions.Progress assigned = introductions.assignMentor(MANAGER, UNIT, id, "Kalle Mentor", "mentor-kalle");
        assertThat(List.of(assigned.mentor(), assigned.mentorAccount())).containsExactly("Kalle Mentor", "mentor-kalle");

        // the assistant nurse's programme: week 1 (Enhetschef), week 6 Demens ABC (Mentor), week 13 (Enhetschef)
        List<Introductions.Mentorship> seen = introductions.mentoring(mentor);
        assertThat(seen).singleElement().satisfies(m -> {
            assertThat(m.unitCode()).isEqualTo(UNIT);
            assertThat(m.unitName()).isEqualTo("Barn och unga");
            assertThat(m.progress().name()).isEqualTo("Eva Lind");
            assertThat(m.progress().items()).extracting(i -> i.item().titleSv()).containsExactly("Demens ABC");
        });
        clearInvocations(audit);
        Introductions.Mentorship ticked = introductions.checkAsMentor(mentor, id, dementia, java.time.LocalDate.of(2026, 5, 29));
        assertThat(List.of(ticked.progress().done(), ticked.progress().items().size())).containsExactly(1, 1);
        assertThat(audited()).extracting(AuditRecord::action, AuditRecord::details).contains(org.assertj.core.groups.Tuple
                .tuple("COMPETENCE_INTRODUCTION_CHECKED", "introduction=" + id + "; item=" + dementia + "; as mentor"));

        // not the mentor's item, not the mentor, a day before the start: refused
        for (Actor refused : List.of(mentor, CASE_WORKER, MANAGER)) {
            clearInvocations(audit);
            assertThat(catchThrowableOfType(StaffNotFound.class, () -> introductions.checkAsMentor(refused, id,
                    refused == mentor ? followUp : dementia, java.time.LocalDate.of(2026, 5, 29)))).as(refused.username())
                    .isNotNull();
            assertThat(audited()).extracting(AuditRecord::action).containsExactly("COMPETENCE_ACCESS_DENIED");
        }
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> introductions.checkAsMentor(mentor, id, dementia,
                java.time.LocalDate.of(2026, 4, 1))).messageKey()).isEqualTo("competence.error.done-on");
        assertThat(introductions.mentoring(CASE_WORKER)).isEmpty();
        // the manager sees the whole programme with the mentor's tick
        assertThat(introductions.unit(MANAGER, UNIT).get(0)).extracting(Introductions.Progress::done,
                p -> p.items().size()).containsExactly(1, 3);
        // unlinking the account ends the mentor's view
        introductions.assignMentor(MANAGER, UNIT, id, "Kalle Mentor", "");
        assertThat(introductions.mentoring(mentor)).isEmpty();
    }

    @Test
    void theWorkforceFactsFollowEachChangeAndVacanciesAreReportedPerMonth() {
        importCsv(MANAGER, HEADER + ANNA + BO, false);
        workforce.reportVacancies(MANAGER, UNIT, java.time.YearMonth.of(2026, 3), 2);

        // on 2026-06-01: Anna (permanent, 1.5 + 1.78 years) and Bo (agency, 0.4 years); Bo lacks components
        assertThat(facts(2026)).containsExactly("agency 1/2", "experienced 1/2", "legal 1/2", "turnover 0/1",
                "vacancy 2/4");
        assertThat(facts(2024)).containsExactly("agency 0/1", "experienced 0/1", "introduced 0/1", "legal 1/1",
                "turnover 0/0.5");
        assertThat(workforce.vacancies(ADMIN, UNIT)).containsExactly(java.util.Map.entry(java.time.YearMonth.of(2026, 3), 2));
        assertThat(catchThrowableOfType(CompetenceRejected.class, () -> workforce.reportVacancies(MANAGER, UNIT,
                java.time.YearMonth.of(2026, 7), 1)).messageKey()).isEqualTo("competence.error.month");
        assertThat(catchThrowableOfType(StaffNotFound.class, () -> workforce.reportVacancies(ANALYST, UNIT,
                java.time.YearMonth.of(2026, 3), 1))).isNotNull();
    }

    List<String> facts(int year) {
        return jdbc.sql("SELECT measure, numerator, denominator FROM cpt_fact_workforce WHERE municipality_code = '1280' "
                        + "AND stat_year = :y ORDER BY measure").param("y", year)
                .query((rs, n) -> rs.getString(1) + " " + number(rs.getDouble(2)) + "/" + number(rs.getDouble(3))).list();
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @Test
    void theGuideLearnsWhichRequirementsAskForATraining() {
        requirements.save(ADMIN, new Requirement("malmo-ebp", RequirementKind.LOCAL, "1280", "EBP inom ett halvår", null,
                StaffRole.SOCIAL_WORKER, null, null, null, EBP, null, null, 6, "Socialnämnden", null));

        assertThat(guideReferences.referencesTo(EBP)).containsExactly(
                new se.samsyn.knowledge.KnowledgeReference("competence-requirement", "EBP inom ett halvår",
                        "/competence/requirements#requirement-malmo-ebp", null));
        assertThat(guideReferences.referencesTo("no-such-entry")).isEmpty();
    }
}
