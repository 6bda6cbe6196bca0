package se.samsyn.prevention.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.WebSliceTest;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.ActivityNotFound;
import se.samsyn.prevention.PreventionFigures;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.ReachRow;
import se.samsyn.prevention.ReachSummary;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The preventive-work API on the web layer alone: an activity created and answered with 201, a
 * month's reach set with the counts passed on as rows, Bean Validation and domain refusals answered
 * 422 in Swedish per field, an import's bad rows listed with 422, and an activity the caller may
 * not see answered 404.
 */
@WebSliceTest(PreventionApi.class)
class PreventionApiWebTests {

    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit("1280-ALD"));
    static final Activity VISITS = new Activity(7, "1280", "1280-ALD", null, "preventive-home-visit", "Hembesök 80+",
            "T", List.of("80+"), null, null, LocalDate.of(2026, 1, 1), null, "who-5");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PreventiveActivities activities;
    @MockitoBean
    ActivityCatalogue catalogue;
    @MockitoBean
    PreventionFigures figures;

    @Test
    void createsAnActivityForTheCallersUnit() throws Exception {
        when(activities.create(eq(MANAGER), any())).thenReturn(VISITS);
        mvc.perform(post("/api/v1/prevention/activities").with(csrf()).with(SignedIn.as(MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"unitCode":"1280-ALD","kindCode":"preventive-home-visit","title":"Hembesök 80+",
                                 "targetSex":"T","targetBands":["80+"],"startsOn":"2026-01-01","instrumentCode":"who-5"}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        {"id":7,"municipalityCode":"1280","unitCode":"1280-ALD","kindCode":"preventive-home-visit",
                         "title":"Hembesök 80+","targetSex":"T","targetBands":["80+"],"startsOn":"2026-01-01",
                         "instrumentCode":"who-5"}""", JsonCompareMode.LENIENT));
        verify(activities).create(MANAGER, new ActivityDraft("1280-ALD", null, "preventive-home-visit", "Hembesök 80+",
                "T", List.of("80+"), null, null, LocalDate.of(2026, 1, 1), null, "who-5"));
    }

    @Test
    void aMissingTitleAndAnUnknownSexAreRefusedPerFieldInSwedishAndNothingIsCreated() throws Exception {
        mvc.perform(post("/api/v1/prevention/activities").with(csrf()).with(SignedIn.as(MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"unitCode":"1280-ALD","kindCode":"preventive-home-visit","title":"",
                                 "targetSex":"X","startsOn":"2026-01-01"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Fältet måste fyllas i."))
                .andExpect(jsonPath("$.errors[?(@.field == 'targetSex')].message")
                        .value("Kön anges som K eller M (T för båda i en målgrupp)."));
        verify(activities, never()).create(any(), any());
    }

    @Test
    void setsAMonthsReachAndAnswersTheNewSummary() throws Exception {
        YearMonth march = YearMonth.of(2026, 3);
        when(activities.reach(MANAGER, 7)).thenReturn(new ReachSummary(
                List.of(new ReachRow(march, "K", "80+", 30, 40), new ReachRow(march, "M", "80+", 12, 15)),
                List.of(new ReachSummary.Month(march, 42, 55)),
                List.of(new ReachSummary.Year(2026, 42, 55, 14531, 2022, 2.89))));
        mvc.perform(put("/api/v1/prevention/activities/7/reach/2026-03").with(csrf()).with(SignedIn.as(MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"counts":[{"sex":"K","ageBand":"80+","participants":30,"contacts":40},
                                           {"sex":"M","ageBand":"80+","participants":12,"contacts":15}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.years[0].per1000").value(2.89))
                .andExpect(jsonPath("$.months[0].participants").value(42));
        verify(activities).recordReach(MANAGER, 7, march, List.of(new ReachRow(march, "K", "80+", 30, 40),
                new ReachRow(march, "M", "80+", 12, 15)));
    }

    @Test
    void aNegativeCountIsRefusedBeforeTheServiceAndADomainRefusalNamesItsField() throws Exception {
        mvc.perform(put("/api/v1/prevention/activities/7/reach/2026-03").with(csrf()).with(SignedIn.as(MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"counts":[{"sex":"K","ageBand":"80+","participants":-1,"contacts":0}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("counts[0].participants"))
                .andExpect(jsonPath("$.errors[0].message").value("Antalet måste vara ett heltal, 0 eller större."));
        verify(activities, never()).recordReach(any(), anyLong(), any(), any());

        org.mockito.Mockito.doThrow(new PreventionRejected("ageBand", "prevention.error.age-band"))
                .when(activities).recordReach(eq(MANAGER), eq(7L), any(), any());
        mvc.perform(put("/api/v1/prevention/activities/7/reach/2026-03").with(csrf()).with(SignedIn.as(MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"counts":[{"sex":"K","ageBand":"75+","participants":1,"contacts":1}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("ageBand"))
                .andExpect(jsonPath("$.detail")
                        .value("Okänd åldersgrupp. Använd 0-5, 6-15, 16-19, 20-64, 65-79 eller 80+."));
    }

    @Test
    void anImportWithBadRowsListsThemAnd422() throws Exception {
        when(activities.importReach(eq(MANAGER), eq(7L), any(), eq(TabularFile.Format.CSV), eq(true)))
                .thenReturn(new ImportReport("rejected", 2, 0, 0, 0, 0,
                        List.of(new FileProblem(3, "age_band", "prevention.error.age-band", List.of())), 1));
        mvc.perform(post("/api/v1/prevention/activities/7/reach/imports").param("dryRun", "true").with(csrf())
                        .with(SignedIn.as(MANAGER)).contentType("text/csv")
                        .content("month,sex,age_band,participants,contacts\n2026-03,K,80+,3,4\n2026-03,K,75+,1,1\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":"rejected","rows":2,"errorCount":1,"errors":[{"row":3,"field":"age_band",
                         "message":"Okänd åldersgrupp. Använd 0-5, 6-15, 16-19, 20-64, 65-79 eller 80+."}]}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void anActivityTheCallerMayNotSeeIs404() throws Exception {
        when(activities.activity(MANAGER, 99)).thenThrow(new ActivityNotFound());
        mvc.perform(get("/api/v1/prevention/activities/99").with(SignedIn.as(MANAGER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
