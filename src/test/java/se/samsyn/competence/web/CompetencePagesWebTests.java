package se.samsyn.competence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Degree;
import se.samsyn.competence.DegreeComponent;
import se.samsyn.competence.Employee;
import se.samsyn.competence.EmploymentForm;
import se.samsyn.competence.RegulatedTask;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.competence.StaffRegister;
import se.samsyn.competence.StaffRole;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The competence pages on the web layer alone: the unit's staff table, a personnummer refused on
 * the form in Swedish, a register the reader may not see answered 404, and the catalogue telling a
 * legal requirement from a recommendation with its source.
 */
@WebMvcTest(controllers = CompetencePages.class)
@Import(WebSliceConfiguration.class)
class CompetencePagesWebTests {

    static final String UNIT = "1280-IFO-BU";
    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(UNIT));
    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit(UNIT));

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Requirements requirements;
    @MockitoBean
    StaffRegister staff;
    @MockitoBean
    Organisation organisation;
    @MockitoBean
    se.samsyn.competence.GapAnalysis gaps;
    @MockitoBean
    se.samsyn.competence.Introductions introductions;
    @MockitoBean
    se.samsyn.competence.Workforce workforce;

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    static Authentication as(Actor actor) {
        return new UsernamePasswordAuthenticationToken(new Principal(actor), null, List.of());
    }

    Document page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @BeforeEach
    void unit() {
        when(organisation.unit(UNIT)).thenReturn(Optional.of(new Unit("1280", UNIT, "Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(organisation.municipalityOf(any())).thenReturn(Optional.of("1280"));
    }

    static final Employee ANNA = new Employee("A-100", "Anna Berg", StaffRole.SOCIAL_WORKER,
            EmploymentForm.AGENCY, LocalDate.of(2024, 8, 19), null, null,
            List.of(new Employee.HeldDegree(Degree.SOCIONOM, Set.of())), null, null,
            Set.of(RegulatedTask.INVESTIGATE), null);
    static final Employee BO = new Employee("A-101", "Bo Ek", StaffRole.SOCIAL_WORKER, EmploymentForm.PERMANENT,
            LocalDate.of(2026, 1, 12), null, null, List.of(new Employee.HeldDegree(Degree.BEHAVIOURAL_SCIENCE,
            Set.of(DegreeComponent.SOCIAL_WORK, DegreeComponent.PSYCHOLOGY))), null, null,
            Set.of(RegulatedTask.OPEN_INVESTIGATION), null);
    static final Requirement OPEN = new Requirement("sol-child-open-investigation", RequirementKind.STATUTORY, null,
            "Bedöma om utredning ska inledas (barn och unga)", null, null, RegulatedTask.OPEN_INVESTIGATION,
            Set.of(Degree.SOCIONOM), Set.of(DegreeComponent.values()), null, null, null, null, "HSLF-FS 2017:79", null);
    static final Requirement EBP = new Requirement("malmo-ebp", RequirementKind.LOCAL, "1280", "EBP inom ett halvår",
            null, StaffRole.SOCIAL_WORKER, null, null, null, "ebp", null, null, 6, "Socialnämnden", null);

    static se.samsyn.competence.GapAnalysis.UnitMatrix matrix() {
        var legal = new se.samsyn.competence.Assessment(OPEN.code(), se.samsyn.competence.Assessment.Status.GAP,
                List.of(new se.samsyn.competence.Assessment.Shortfall(se.samsyn.competence.Assessment.Shortfall.Kind.COMPONENTS,
                        List.of("social-law", "administrative-law"))), null);
        var due = new se.samsyn.competence.Assessment(EBP.code(), se.samsyn.competence.Assessment.Status.DUE,
                List.of(new se.samsyn.competence.Assessment.Shortfall(se.samsyn.competence.Assessment.Shortfall.Kind.TRAINING,
                        List.of("ebp"))), LocalDate.of(2026, 7, 12));
        return new se.samsyn.competence.GapAnalysis.UnitMatrix(UNIT, "Barn och unga", DAY, List.of(OPEN, EBP),
                List.of(new se.samsyn.competence.GapAnalysis.Row(ANNA, java.util.Map.of()),
                        new se.samsyn.competence.GapAnalysis.Row(BO, java.util.Map.of(OPEN.code(), legal, EBP.code(), due))),
                List.of(new se.samsyn.competence.GapAnalysis.Gap("A-101", "Bo Ek", OPEN, legal, List.of()),
                        new se.samsyn.competence.GapAnalysis.Gap("A-101", "Bo Ek", EBP, due,
                                List.of(new se.samsyn.competence.Training("ebp", "Evidensbaserad praktik")))),
                List.of(new se.samsyn.competence.GapAnalysis.PlanItem(7, "A-101", EBP.code(), "Evidensbaserad praktik",
                        "ebp", Set.of(), LocalDate.of(2026, 6, 15), "planned", null)));
    }

    @Test
    void theUnitPageShowsTheGapsLegalFirstWithTheirReasonsAndTheTrainingsThatCloseThem() throws Exception {
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of(ANNA, BO));
        when(gaps.unit(MANAGER, UNIT)).thenReturn(matrix());

        Document page = page(get("/competence/units/" + UNIT).with(authentication(as(MANAGER))), 200);

        assertThat(page.select("#gaps > li > p:first-child").eachText()).containsExactly(
                "Bo Ek: Bedöma om utredning ska inledas (barn och unga) (lagkrav)",
                "Bo Ek: EBP inom ett halvår (ska vara uppfyllt senast 2026-07-12)");
        assertThat(page.select("#gap-A-101-sol-child-open-investigation .reasons li").eachText())
                .containsExactly("Saknar moment: socialrätt, förvaltningsrätt");
        assertThat(page.select("#gap-A-101-malmo-ebp a.closing-training").eachText())
                .containsExactly("Evidensbaserad praktik");
        assertThat(page.select("#gap-A-101-sol-child-open-investigation input[name=components]").eachAttr("value"))
                .containsExactly("social-law", "administrative-law");
        assertThat(page.select("#plan-7 td").eachText()).containsExactly("A-101", "Evidensbaserad praktik",
                "malmo-ebp", "2026-06-15", "Klar den Markera som klar");
        assertThat(page.select("#matrix tbody tr").get(1).select("td").eachText()).containsExactly("glapp",
                "ska uppfyllas senast");
    }

    @Test
    void theUnitPageShowsEachIntroductionsProgressAndWhatIsOverdue() throws Exception {
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of(ANNA, BO));
        when(gaps.unit(MANAGER, UNIT)).thenReturn(matrix());
        var programme = new se.samsyn.competence.Introductions.Programme(1, "social-worker-children", null,
                StaffRole.SOCIAL_WORKER, "Ny socialsekreterare i barn och unga", null, List.of(
                new se.samsyn.competence.Introductions.Item(11, 1, "Arbetsplatsintroduktion", null, 1, "Enhetschef", null),
                new se.samsyn.competence.Introductions.Item(12, 2, "BBIC – grundutbildning", null, 4, "Mentor", "bbic")));
        when(introductions.unit(MANAGER, UNIT)).thenReturn(List.of(new se.samsyn.competence.Introductions.Progress(5,
                "A-101", "Bo Ek", programme, "Anna Berg", LocalDate.of(2026, 1, 12), List.of(
                new se.samsyn.competence.Introductions.ItemProgress(programme.items().get(0), LocalDate.of(2026, 1, 19),
                        LocalDate.of(2026, 1, 15), false),
                new se.samsyn.competence.Introductions.ItemProgress(programme.items().get(1), LocalDate.of(2026, 2, 9),
                        null, true)), 1, 1, null, "manual")));

        Document page = page(get("/competence/units/" + UNIT).with(authentication(as(MANAGER))), 200);

        assertThat(page.selectFirst("#introduction-A-101 h3").text()).isEqualTo("Bo Ek – Ny socialsekreterare i barn och unga");
        assertThat(page.selectFirst("#introduction-A-101 .intro-summary").text())
                .isEqualTo("Mentor Anna Berg, start 2026-01-12: 1 av 2 klara, 1 försenade.");
        assertThat(page.select("#introduction-A-101 li.overdue").text())
                .isEqualTo("Vecka 4: BBIC – grundutbildning (Mentor) i kunskapsguiden försenad sedan 2026-02-09 Markera som klar");
        assertThat(page.select("#introduction-A-101 li").get(0).text())
                .isEqualTo("Vecka 1: Arbetsplatsintroduktion (Enhetschef) klar 2026-01-15");
    }

    @Test
    void anIntroductionStartedByTheImportSaysSoAndAsksForAMentorWithAnAccount() throws Exception {
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of(ANNA, BO));
        when(gaps.unit(MANAGER, UNIT)).thenReturn(matrix());
        var programme = new se.samsyn.competence.Introductions.Programme(2, "assistant-nurse", null,
                StaffRole.ASSISTANT_NURSE, "Ny undersköterska", null, List.of(
                new se.samsyn.competence.Introductions.Item(22, 2, "Demens ABC", null, 6, "Mentor", null)));
        when(introductions.unit(MANAGER, UNIT)).thenReturn(List.of(
                new se.samsyn.competence.Introductions.Progress(9, "A-101", "Bo Ek", programme, null,
                        LocalDate.of(2026, 4, 20), List.of(new se.samsyn.competence.Introductions.ItemProgress(
                        programme.items().get(0), LocalDate.of(2026, 6, 1), null, false)), 0, 0, null, "import"),
                new se.samsyn.competence.Introductions.Progress(10, "A-100", "Anna Berg", programme, "Kalle Mentor",
                        LocalDate.of(2026, 4, 20), List.of(new se.samsyn.competence.Introductions.ItemProgress(
                        programme.items().get(0), LocalDate.of(2026, 6, 1), null, false)), 0, 0, "mentor-kalle", "page")));
        when(introductions.assignMentor(MANAGER, UNIT, 9, "Kalle", "nobody")).thenThrow(
                new CompetenceRejected("mentorAccount", "competence.error.mentor-account"));

        Document page = page(get("/competence/units/" + UNIT).with(authentication(as(MANAGER))), 200);

        assertThat(page.selectFirst("#introduction-A-101 .intro-summary").text())
                .isEqualTo("Ingen mentor ännu, start 2026-04-20: 0 av 1 klara, 0 försenade.");
        assertThat(page.selectFirst("#introduction-A-101 .intro-automatic").text())
                .isEqualTo("Startades automatiskt när personen lades till (import från HR-systemet).");
        assertThat(page.selectFirst("#introduction-A-101 form.mentor-form").attr("action"))
                .isEqualTo("/competence/units/1280-IFO-BU/introductions/9/mentor");
        assertThat(page.selectFirst("#introduction-A-100 .intro-automatic").text())
                .isEqualTo("Startades automatiskt när personen lades till (formulär).");
        assertThat(page.selectFirst("#introduction-A-100 .intro-mentor-account").text())
                .isEqualTo("Mentorn loggar in som mentor-kalle.");
        assertThat(page.selectFirst("#mentor-account-10").val()).isEqualTo("mentor-kalle");

        Document refused = page(post("/competence/units/" + UNIT + "/introductions/9/mentor").param("mentor", "Kalle")
                .param("mentorAccount", "nobody").with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(refused.selectFirst("#intro-error").text())
                .isEqualTo("Det finns inget aktivt konto med det användarnamnet i kommunen.");
    }

    @Test
    void theUnitPageListsTheStaffWithTheirRolesAndTasks() throws Exception {
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of(ANNA));
        when(gaps.unit(MANAGER, UNIT)).thenReturn(new se.samsyn.competence.GapAnalysis.UnitMatrix(UNIT, "Barn och unga",
                DAY, List.of(), List.of(), List.of(), List.of()));

        Document page = page(get("/competence/units/" + UNIT).with(authentication(as(MANAGER))), 200);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Kompetens på Barn och unga");
        assertThat(page.select("#employee-A-100 td, #employee-A-100 th").eachText()).containsExactly("A-100",
                "Anna Berg", "Socialsekreterare", "Inhyrd via bemanningsföretag", "2024-08-19 –", "Socionomexamen",
                "Utreda och bedöma behov", "Historik");
        assertThat(page.selectFirst("#employee-A-100 a.history-link").attr("href"))
                .isEqualTo("/competence/units/1280-IFO-BU/staff/A-100/history");
        assertThat(page.selectFirst("#employee-A-100 a.history-link").attr("aria-label"))
                .isEqualTo("Ändringshistorik för Anna Berg");
    }

    /** Bo's changes, newest first: a completed plan, an import, a form and an API change (times in UTC). */
    static final List<StaffRegister.HistoryEntry> BO_HISTORY = List.of(
            new StaffRegister.HistoryEntry("supplementary", "", "administrative-law;social-law", "chef",
                    java.time.Instant.parse("2026-05-30T08:15:00Z"), "plan"),
            new StaffRegister.HistoryEntry("employment", "temporary", "permanent", "chef",
                    java.time.Instant.parse("2026-03-02T12:00:00Z"), "import"),
            new StaffRegister.HistoryEntry("end", "2026-12-31", null, "admin-malmo",
                    java.time.Instant.parse("2026-02-01T23:30:00Z"), "page"),
            new StaffRegister.HistoryEntry("name", "Bo Eek", "Bo Ek", "hr-system",
                    java.time.Instant.parse("2026-01-20T07:00:00Z"), "api"));

    @Test
    void theHistoryPageShowsWhatChangedFromWhatToWhatWhenByWhomAndHow() throws Exception {
        when(staff.employee(MANAGER, UNIT, "A-101")).thenReturn(BO);
        when(staff.history(MANAGER, UNIT, "A-101")).thenReturn(BO_HISTORY);

        Document page = page(get("/competence/units/" + UNIT + "/staff/A-101/history").with(authentication(as(MANAGER))), 200);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Ändringshistorik för Bo Ek (A-101)");
        assertThat(page.select("#history thead th").eachText()).containsExactly("När", "Uppgift", "Tidigare värde",
                "Nytt värde", "Ändrad av", "Via");
        // times in Swedish time: 08:15 UTC is 10:15 in summer, 23:30 UTC on 1 February is 00:30 on 2 February
        assertThat(page.select("#history tbody tr")).extracting(r -> String.join(" | ", r.select("td, th").eachText()))
                .containsExactly(
                        "2026-05-30 10:15 | Kompletterade moment | (tomt) | administrative-law;social-law | chef | genomförd kompletteringsplan",
                        "2026-03-02 13:00 | Anställningsform | temporary | permanent | chef | import från HR-systemet",
                        "2026-02-02 00:30 | Slutdatum | 2026-12-31 | (tomt) | admin-malmo | formulär",
                        "2026-01-20 08:00 | Namn | Bo Eek | Bo Ek | hr-system | API");
        assertThat(page.selectFirst("#back-to-unit").attr("href")).isEqualTo("/competence/units/1280-IFO-BU");
        org.mockito.Mockito.verify(staff).history(MANAGER, UNIT, "A-101");
    }

    @Test
    void theHistoryPageSpeaksEnglishAndSaysWhenNothingChanged() throws Exception {
        when(staff.employee(MANAGER, UNIT, "A-100")).thenReturn(ANNA);
        when(staff.history(MANAGER, UNIT, "A-100")).thenReturn(List.of());
        when(staff.employee(MANAGER, UNIT, "A-101")).thenReturn(BO);
        when(staff.history(MANAGER, UNIT, "A-101")).thenReturn(BO_HISTORY.subList(1, 2));

        Document none = page(get("/competence/units/" + UNIT + "/staff/A-100/history").param("lang", "en")
                .with(authentication(as(MANAGER))), 200);
        Document one = page(get("/competence/units/" + UNIT + "/staff/A-101/history").param("lang", "en")
                .with(authentication(as(MANAGER))), 200);

        assertThat(none.selectFirst("h1").text()).isEqualTo("History of changes for Anna Berg (A-100)");
        assertThat(none.selectFirst("#no-history").text()).isEqualTo("No changes since the person was added.");
        assertThat(none.select("#history")).isEmpty();
        assertThat(one.select("#history tbody td, #history tbody th").eachText()).containsExactly("2026-03-02 13:00",
                "Employment", "temporary", "permanent", "chef", "import from the HR system");
    }

    @Test
    void aHistoryTheReaderMayNotSeeIsNotFoundAndShowsNoName() throws Exception {
        when(staff.employee(CASE_WORKER, UNIT, "A-101")).thenThrow(new StaffNotFound());
        when(staff.history(CASE_WORKER, UNIT, "A-101")).thenThrow(new StaffNotFound());

        Document page = page(get("/competence/units/" + UNIT + "/staff/A-101/history")
                .with(authentication(as(CASE_WORKER))), 404);

        assertThat(page.select("#history")).isEmpty();
        assertThat(page.text()).doesNotContain("Bo Ek").doesNotContain("temporary");
    }

    @Test
    void aPersonnummerIsRefusedOnTheFormInSwedish() throws Exception {
        when(staff.save(eq(MANAGER), eq(UNIT), any(), eq("page"))).thenThrow(
                new CompetenceRejected("employee_number", "competence.error.employee-number-personnummer"));
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of());
        when(gaps.unit(MANAGER, UNIT)).thenReturn(new se.samsyn.competence.GapAnalysis.UnitMatrix(UNIT, "Barn och unga",
                DAY, List.of(), List.of(), List.of(), List.of()));

        Document page = page(post("/competence/units/" + UNIT + "/staff").param("employeeNumber", "811218-9876")
                .param("name", "Cecilia").param("role", "social-worker").param("employment", "permanent")
                .param("startDate", "2025-01-01").with(authentication(as(MANAGER))).with(csrf()), 422);

        assertThat(page.selectFirst("#form-error").text())
                .isEqualTo("Anställningsnumret ser ut som ett personnummer. Använd HR-systemets anställningsnummer.");
        assertThat(page.selectFirst("#employeeNumber").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#name").val()).isEqualTo("Cecilia");
    }

    /**
     * Every form of the unit page that refuses its input answers 422 with the page and the error by the form
     * that was refused; nothing reaches the register.
     */
    @Test
    void theUnitPagesRefusedFormsAnswer422WithTheErrorByTheForm() throws Exception {
        when(staff.staff(MANAGER, UNIT)).thenReturn(List.of());
        when(gaps.unit(MANAGER, UNIT)).thenReturn(new se.samsyn.competence.GapAnalysis.UnitMatrix(UNIT, "Barn och unga",
                DAY, List.of(), List.of(), List.of(), List.of()));
        String noSuchDay = "Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.";

        Document plan = page(post("/competence/units/" + UNIT + "/plans").param("employeeNumber", "A-101")
                .param("requirement", "malmo-ebp").param("course", "EBP").param("plannedOn", "2026-02-30")
                .with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(plan.selectFirst("#plan-error").text()).isEqualTo(noSuchDay);

        Document completion = page(post("/competence/units/" + UNIT + "/plans/7/completion").param("completedOn", "2026-02-30")
                .with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(completion.selectFirst("#plan-error").text()).isEqualTo(noSuchDay);

        Document introduction = page(post("/competence/units/" + UNIT + "/introductions").param("employeeNumber", "A-101")
                .param("programme", "ny-socialsekreterare").param("startedOn", "2026-02-30")
                .with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(introduction.selectFirst("#intro-error").text()).isEqualTo(noSuchDay);

        Document item = page(post("/competence/units/" + UNIT + "/introductions/9/items/3").param("doneOn", "2026-02-30")
                .with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(item.selectFirst("#intro-error").text()).isEqualTo(noSuchDay);

        Document vacancies = page(post("/competence/units/" + UNIT + "/vacancies").param("month", "2026-13")
                .param("openPosts", "2").with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(vacancies.selectFirst("#vacancy-error").text())
                .isEqualTo("Månaden ska skrivas ÅÅÅÅ-MM och får inte ligga framåt i tiden.");

        org.mockito.Mockito.verify(introductions, org.mockito.Mockito.never()).start(any(), any(), any(), any(), any(), any());
        org.mockito.Mockito.verify(introductions, org.mockito.Mockito.never()).check(any(), any(),
                org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyLong(), any());
        org.mockito.Mockito.verify(workforce, org.mockito.Mockito.never()).reportVacancies(any(), any(), any(),
                org.mockito.ArgumentMatchers.anyInt());
        org.mockito.Mockito.verify(gaps, org.mockito.Mockito.never()).plan(any(), any(), any());
        org.mockito.Mockito.verify(gaps, org.mockito.Mockito.never()).complete(any(), any(), org.mockito.ArgumentMatchers.anyLong(), any());
    }

    /** A requirement whose experience is not a number answers 422 with the form kept and the error in Swedish. */
    @Test
    void aRequirementWithExperienceThatIsNotANumberAnswers422() throws Exception {
        when(requirements.mayKeep(eq(MANAGER), any())).thenReturn(true);

        Document page = page(post("/competence/requirements").param("kind", "local").param("titleSv", "Erfaren handläggare")
                .param("role", "social-worker").param("minYears", "tre").with(authentication(as(MANAGER))).with(csrf()), 422);

        assertThat(page.selectFirst("#form-error").text()).isEqualTo("Erfarenheten ska vara 0–60 år med högst en decimal.");
        assertThat(page.selectFirst("#titleSv").val()).isEqualTo("Erfaren handläggare");
        org.mockito.Mockito.verify(requirements, org.mockito.Mockito.never()).save(any(), any());
    }

    @Test
    void aRegisterTheReaderMayNotSeeIsNotFound() throws Exception {
        when(staff.staff(CASE_WORKER, UNIT)).thenThrow(new StaffNotFound());

        Document page = page(get("/competence/units/" + UNIT).with(authentication(as(CASE_WORKER))), 404);

        assertThat(page.select("#staff")).isEmpty();
        assertThat(page.text()).doesNotContain("Anna Berg");
    }

    @Test
    void theCatalogueTellsALegalRequirementFromARecommendationWithItsSource() throws Exception {
        when(requirements.catalogue("1280")).thenReturn(List.of(
                new Requirement("sol-child-investigate", RequirementKind.STATUTORY, null, "Utreda och bedöma behov (barn och unga)",
                        null, null, RegulatedTask.INVESTIGATE, Set.of(Degree.SOCIONOM), Set.of(DegreeComponent.SOCIAL_LAW),
                        null, null, null, null, "HSLF-FS 2017:79; 3 kap. 3 a § SoL", null),
                new Requirement("malmo-ebp", RequirementKind.LOCAL, "1280", "EBP", null, StaffRole.SOCIAL_WORKER, null,
                        null, null, "ebp", null, null, 6, "Socialnämnden", null)));

        Document page = page(get("/competence/requirements").with(authentication(as(MANAGER))), 200);

        assertThat(page.select("#requirement-sol-child-investigate td").eachText()).containsExactly(
                "Författning: lagkrav", "Utreda och bedöma behov",
                "Examen: Socionomexamen eller annan examen med momenten: socialrätt", "HSLF-FS 2017:79; 3 kap. 3 a § SoL");
        assertThat(page.select("#requirement-malmo-ebp td").eachText()).containsExactly(
                "Lokalt krav: rekommendation", "Socialsekreterare",
                "Utbildning: ebp Ska vara uppfyllt inom 6 månader från anställningens start", "Socialnämnden");
        assertThat(page.select("#save-requirement")).isEmpty();
    }
}
