package se.samsyn.prevention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
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
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityKind;
import se.samsyn.prevention.ActivityNotFound;
import se.samsyn.prevention.BalanceRow;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.PreventionFigures;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.Questionnaire;
import se.samsyn.prevention.ReachRow;
import se.samsyn.prevention.ReachSummary;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The prevention pages on the web layer alone: the activity page's reach per 1,000 and its forms
 * for the unit, a refused month answered in Swedish on the page, an activity the reader may not
 * see answered 404, suppressed answers, and the balance page's withheld counts.
 */
@WebMvcTest(controllers = {PreventionPages.class, BalancePages.class, KindPages.class})
@Import({WebSliceConfiguration.class, se.samsyn.imports.HeldUploads.class})
class PreventionPagesWebTests {

    static final String UNIT = "1280-ALD";
    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(UNIT));
    static final Actor DIRECTOR = new Actor("chef-malmo", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));
    static final Activity VISITS = new Activity(7, "1280", UNIT, "Rosengård", "preventive-home-visit", "Hembesök 80+", "T",
            List.of("80+"), null, null, LocalDate.of(2026, 1, 1), null, "who-5");

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PreventiveActivities activities;
    @MockitoBean
    ActivityCatalogue catalogue;
    @MockitoBean
    PreventionFigures figures;
    @MockitoBean
    Organisation organisation;
    @MockitoBean
    GuideEntries guide;

    static Authentication as(Actor actor) {
        return new UsernamePasswordAuthenticationToken(new Principal(actor), null, List.of());
    }

    Document page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @BeforeEach
    void fixture() {
        when(catalogue.kind("preventive-home-visit")).thenReturn(Optional.of(new ActivityKind("preventive-home-visit",
                "Förebyggande hembesök", "Preventive home visit", "elderly-care", null)));
        when(catalogue.questionnaire("who-5")).thenReturn(Optional.of(new Questionnaire("who-5", "WHO-5 välbefinnandeindex",
                "WHO-5 Well-Being Index", 5, 0, 5, 4, true, 10, true)));
        when(organisation.unit(UNIT)).thenReturn(Optional.of(new Unit("1280", UNIT, "Malmö Äldreomsorg",
                Set.of(FocusArea.ELDERLY_CARE), true)));
        when(organisation.municipality("1280")).thenReturn(Optional.of(
                new Municipality("1280", "Malmö", "Malmö stad", "12", "Skåne", "C1", "Storstad", 360000, 2025, 0.05)));
        when(activities.activity(any(), eq(7L))).thenReturn(VISITS);
        when(activities.reach(any(), eq(7L))).thenReturn(new ReachSummary(
                List.of(new ReachRow(YearMonth.of(2026, 3), "K", "80+", 30, 40)),
                List.of(new ReachSummary.Month(YearMonth.of(2026, 3), 30, 40)),
                List.of(new ReachSummary.Year(2026, 30, 40, 14_531, 2022, 30_000.0 / 14_531))));
        when(activities.outcome(any(), eq(7L))).thenReturn(new OutcomeSummary("who-5", 4, null, null, null, null, true));
    }

    /**
     * ADR 0015: all of 7 pairs improved would say of each of the 7 that they improved, so the page
     * gives the pairs only (the means would tell "all" from "none" against the minimal difference),
     * and says why.
     */
    @Test
    void anActivityWhereAllOfSevenPairsImprovedShowsNoShareAndSaysWhy() throws Exception {
        when(activities.outcome(any(), eq(7L))).thenReturn(new OutcomeSummary("who-5", 7, null, null, null, null, false, true));
        Document page = page(get("/prevention/activities/7").with(authentication(as(DIRECTOR))), 200);
        assertThat(page.selectFirst("#outcome-summary").text()).isEqualTo("7 svarspar. Andelen förbättrade och "
                + "medelpoängen visas inte: 0 % eller 100 % av färre än 10 svarspar skulle säga det om var och en, och "
                + "medelpoängen skulle visa vilket.");
        Document en = page(get("/prevention/activities/7").param("lang", "en").with(authentication(as(DIRECTOR))), 200);
        assertThat(en.selectFirst("#outcome-summary").text()).isEqualTo("7 answer pairs. The share improved and the "
                + "mean scores are not shown: 0 % or 100 % of fewer than 10 answer pairs would say it of each one of "
                + "them, and the mean scores would show which.");
    }

    @Test
    void theActivityPageShowsReachPerThousandAndTheUnitsForms() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        Document page = page(get("/prevention/activities/7").with(authentication(as(MANAGER))), 200);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Hembesök 80+");
        assertThat(page.selectFirst("#target-group").text()).isEqualTo("kvinnor och män, 80+ år");
        assertThat(page.selectFirst("#reach-year-2026").text()).isEqualTo("2026 30 40 14 531 (2022) 2,1");
        assertThat(page.selectFirst("#outcome-summary").text())
                .isEqualTo("4 svarspar. Resultatet visas från 5 svarspar.");
        assertThat(page.select("#reach-form input.count")).hasSize(4);
        assertThat(page.selectFirst("#import-columns").text()).isEqualTo("month,sex,age_band,participants,contacts");
        assertThat(page.select("#answer-form input[type=number]")).hasSize(10);
    }

    @Test
    void aDirectorSeesTheActivityWithoutForms() throws Exception {
        Document page = page(get("/prevention/activities/7").with(authentication(as(DIRECTOR))), 200);

        assertThat(page.selectFirst("#reach-years")).isNotNull();
        assertThat(page.select("#reach-form")).isEmpty();
        assertThat(page.select("#answer-form")).isEmpty();
    }

    @Test
    void aRefusedMonthIsAnsweredInSwedishOnThePage() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        org.mockito.Mockito.doThrow(new PreventionRejected("month", "prevention.error.month-outside"))
                .when(activities).recordReach(any(), anyLong(), any(), any());
        Document page = page(post("/prevention/activities/7/reach").with(authentication(as(MANAGER))).with(csrf())
                .param("month", "2025-12").param("p_K_5", "3").param("c_K_5", "4"), 422);

        assertThat(page.selectFirst("#reach-error").text()).startsWith("Månaden");
        assertThat(page.selectFirst("#reach-error").text()).contains("utanför aktivitetens period");
        Document bad = page(post("/prevention/activities/7/reach").with(authentication(as(MANAGER))).with(csrf())
                .param("month", "mars").param("p_K_5", "3"), 422);
        assertThat(bad.selectFirst("#reach-error").text()).isEqualTo("Ange månaden som ÅÅÅÅ-MM.");
    }

    /** Refused answers of the questionnaire come back with 422, the error by the answer form and nothing stored. */
    @Test
    void refusedAnswersAnswer422WithTheErrorByTheForm() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        Document page = page(post("/prevention/activities/7/answers").with(authentication(as(MANAGER))).with(csrf())
                .param("answerMonth", "2026-03").param("before1", "tre").param("after1", "4"), 422);

        assertThat(page.selectFirst("#answer-error").text())
                .isEqualTo("Svaren passar inte enkäten: ange ett svar inom skalan för varje fråga.");
        org.mockito.Mockito.verify(activities, org.mockito.Mockito.never()).recordAnswers(any(), anyLong(), any(), any(), any());
    }

    /** A new activity whose estimated size is not a number comes back with 422, the error and the title kept. */
    @Test
    void aRefusedNewActivityAnswers422WithTheFormKept() throws Exception {
        when(activities.recordingUnits(MANAGER)).thenReturn(List.of(UNIT));
        Document page = page(post("/prevention/activities").with(authentication(as(MANAGER))).with(csrf())
                .param("unitCode", UNIT).param("kindCode", "preventive-home-visit").param("title", "Hembesök 75+")
                .param("describedGroup", "Äldre i Rosengård").param("estimatedSize", "många")
                .param("startsOn", "2026-01-01"), 422);

        assertThat(page.selectFirst("#form-error").text()).isEqualTo(
                "Välj minst en åldersgrupp, eller beskriv målgruppen och ange ett uppskattat antal större än 0.");
        assertThat(page.selectFirst("#title").val()).isEqualTo("Hembesök 75+");
        org.mockito.Mockito.verify(activities, org.mockito.Mockito.never()).create(any(), any());
    }

    /** The kinds page: a refused kind and a refused questionnaire each answer 422 with the error by its form. */
    @Test
    void aRefusedKindOrQuestionnaireAnswers422WithTheErrorByItsForm() throws Exception {
        when(catalogue.mayKeep(MANAGER)).thenReturn(true);
        when(catalogue.saveKind(eq(MANAGER), any())).thenThrow(new PreventionRejected("code", "prevention.error.code"));
        Document kind = page(post("/prevention/kinds").with(authentication(as(MANAGER))).with(csrf())
                .param("code", "Hembesök!").param("nameSv", "Hembesök").param("nameEn", "Home visit")
                .param("focusArea", "elderly-care"), 422);
        assertThat(kind.selectFirst("#kind-error").text())
                .isEqualTo("Koden ska vara 2–40 små bokstäver, siffror eller bindestreck.");
        assertThat(kind.selectFirst("#nameSv").val()).isEqualTo("Hembesök");

        Document questionnaire = page(post("/prevention/questionnaires").with(authentication(as(MANAGER))).with(csrf())
                .param("code", "ny").param("nameSv", "Ny enkät").param("nameEn", "New").param("items", "fem")
                .param("itemMin", "0").param("itemMax", "5").param("minimalDifference", "2"), 422);
        assertThat(questionnaire.selectFirst("#questionnaire-error").text())
                .isEqualTo("Ange 1–20 frågor och en svarsskala där lägsta svar är mindre än högsta (0–100).");
        org.mockito.Mockito.verify(catalogue, org.mockito.Mockito.never()).saveQuestionnaire(any(), any());
    }

    @Test
    void aMonthIsSavedAsCountsPerSexAndBand() throws Exception {
        mvc.perform(post("/prevention/activities/7/reach").with(authentication(as(MANAGER))).with(csrf())
                        .param("month", "2026-03").param("p_K_5", "30").param("c_K_5", "40").param("p_M_5", "10")
                        .param("c_M_5", "12"))
                .andExpect(status().is3xxRedirection());
        verify(activities).recordReach(MANAGER, 7L, YearMonth.of(2026, 3), List.of(
                new ReachRow(YearMonth.of(2026, 3), "K", "80+", 30, 40), new ReachRow(YearMonth.of(2026, 3), "M", "80+", 10, 12)));
    }

    @Test
    void anActivityTheReaderMayNotSeeIsNotFound() throws Exception {
        when(activities.activity(any(), eq(8L))).thenThrow(new ActivityNotFound());
        page(get("/prevention/activities/8").with(authentication(as(MANAGER))), 404);
        verify(activities, never()).reach(any(), eq(8L));
    }

    @Test
    void theBalancePageWithholdsSmallCounts() throws Exception {
        when(figures.balance(eq(DIRECTOR), eq("1280"), anyInt())).thenReturn(List.of(
                new BalanceRow(2025, "elderly-care", 120, 340, 610, 2), new BalanceRow(2026, "elderly-care", null, 60, 80, 1)));
        Document page = page(get("/prevention/municipalities/1280/balance").with(authentication(as(DIRECTOR))), 200);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Individuellt och förebyggande arbete i Malmö");
        assertThat(page.selectFirst("#balance-elderly-care-2025").text()).isEqualTo("2025 120 340 610 2");
        assertThat(page.selectFirst("#balance-elderly-care-2026").text()).isEqualTo("2026 .. skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell (sekundär sekretess) 60 80 1");
        assertThat(page.selectFirst("#balance-chart").attr("data-values"))
                .isEqualTo("{\"years\":[2025,2026],\"clients\":[120,0],\"participants\":[340,60]}");
    }

    @Test
    void theImportListsTheAllowedCodesWithNamesAndOffersTemplatesThatFitTheActivity() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        Document page = page(get("/prevention/activities/7").with(authentication(as(MANAGER))), 200);
        assertThat(page.select("#codes-sex tbody tr").eachText()).containsExactly("K kvinnor", "M män");
        assertThat(page.selectFirst("#codes-heading").tagName()).as("under the import's h3").isEqualTo("h4");
        assertThat(page.selectFirst("#codes-heading").text()).isEqualTo("Tillåtna koder");
        List<Integer> levels = page.select("main h1, main h2, main h3, main h4, main h5, main h6").stream()
                .map(h -> Integer.parseInt(h.tagName().substring(1))).toList();
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d of %s goes down one level at a time", i, levels)
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        assertThat(page.select("#codes-age_band tbody tr").eachText()).containsExactly("0-5 0–5 år", "6-15 6–15 år",
                "16-19 16–19 år", "20-64 20–64 år", "65-79 65–79 år", "80+ 80 år och äldre");
        assertThat(page.selectFirst("#template-csv").attr("href")).isEqualTo("/prevention/activities/7/import/template.csv");
        assertThat(page.selectFirst("#template-json").attr("href")).isEqualTo("/prevention/activities/7/import/template.json");

        var csv = mvc.perform(get("/prevention/activities/7/import/template.csv").with(authentication(as(MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse();
        String lastMonth = YearMonth.now(se.samsyn.shared.SwedishTime.ZONE).minusMonths(1).toString();
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("month,sex,age_band,participants,contacts\n" + lastMonth + ",K,80+,12,30\n");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"samsyn-rackvidd-7.csv\"");
    }

    @Test
    void aGoodDryRunOffersImportNowWhichStoresExactlyTheHeldFile() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        List<byte[]> seen = new java.util.ArrayList<>();
        when(activities.importReach(eq(MANAGER), eq(7L), any(), eq(se.samsyn.imports.TabularFile.Format.CSV),
                org.mockito.ArgumentMatchers.anyBoolean())).thenAnswer(call -> {
                    seen.add(((java.io.InputStream) call.getArgument(2)).readAllBytes());
                    boolean dry = call.getArgument(4);
                    return new se.samsyn.imports.ImportReport(dry ? "valid" : "imported", 1, 1, 0, 0, 0, List.of(), 0);
                });
        byte[] file = "month,sex,age_band,participants,contacts\n2026-03,K,80+,12,30\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Document dry = page(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/prevention/activities/7/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "rackvidd.csv", "text/csv", file))
                .param("dryRun", "true").with(authentication(as(MANAGER))).with(csrf()), 200);
        org.jsoup.nodes.Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/prevention/activities/7/import/held");
        assertThat(held.attr("data-confirm")).isEqualTo("Importera rackvidd.csv nu? Raderna sparas.");
        assertThat(held.hasAttr("data-busy")).isTrue();
        assertThat(held.selectFirst("#import-now").text()).isEqualTo("Importera nu");
        String token = held.selectFirst("input[name=token]").attr("value");

        Document done = page(post("/prevention/activities/7/import/held").param("token", token)
                .with(authentication(as(MANAGER))).with(csrf()), 200);
        assertThat(done.selectFirst("#result-heading").text()).isEqualTo("Resultat för rackvidd.csv");
        assertThat(done.selectFirst("form#import-held")).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(file);
        org.mockito.Mockito.verify(activities).importReach(eq(MANAGER), eq(7L), any(),
                eq(se.samsyn.imports.TabularFile.Format.CSV), eq(false));

        Document again = page(post("/prevention/activities/7/import/held").param("token", token)
                .with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(again.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        assertThat(seen).hasSize(2);
    }

    @Test
    void aMonthThatDoesNotExistIsNamedSoOnThePage() throws Exception {
        when(activities.mayRecord(MANAGER, VISITS)).thenReturn(true);
        when(activities.importReach(eq(MANAGER), eq(7L), any(), any(), eq(true))).thenReturn(
                new se.samsyn.imports.ImportReport("rejected", 1, 0, 0, 0, 0, List.of(new se.samsyn.imports.FileProblem(
                        null, 2, "month", "prevention.error.month-invalid", List.of())), 1));
        Document page = page(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/prevention/activities/7/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "rackvidd.csv", "text/csv",
                        "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("dryRun", "true").with(authentication(as(MANAGER))).with(csrf()), 422);
        assertThat(page.select("#import-errors tbody tr td").eachText()).containsExactly("2", "month",
                "Ogiltig månad: den månaden finns inte. Månaden skrivs 01–12.");
        assertThat(page.selectFirst("form#import-held")).isNull();
    }
}
