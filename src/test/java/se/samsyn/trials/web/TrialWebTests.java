package se.samsyn.trials.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.WebSliceTest;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Findings;
import se.samsyn.trials.Improvement;
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
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.TrialRejected;
import se.samsyn.trials.TrialStatus;
import se.samsyn.trials.Trials;

/**
 * The trial pages and API on the web layer alone (the module's services mocked): the national
 * list, a run chart with its signal marked and explained in Swedish, suppressed points, the
 * few-seconds forms with their errors in Swedish, the decision, and the API's codes and 422s.
 */
@WebSliceTest({TrialPages.class, BurdenPages.class, ImprovementPages.class, TrialApi.class})
class TrialWebTests {

    /** A protected cell as the page reads it: the symbol and its reason (fragments/symbols.html). */
    private static final String HIDDEN = ".. skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell (sekundär sekretess)";

    static final String MALMO = "1280-IFO-BU";
    static final String LUND = "1281-IFO";
    static final Actor REGIONAL = new Actor("regional", Role.REGIONAL_ANALYST, Scope.region("12"));
    static final Actor WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit(MALMO));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Trials trials;
    @MockitoBean
    TrialFindings findings;
    @MockitoBean
    TrialBurden burden;
    @MockitoBean
    Improvement improvement;
    @MockitoBean
    Organisation organisation;
    @MockitoBean
    Catalogue catalogue;
    @MockitoBean
    se.samsyn.comparison.Indicators indicators;

    static Trial trial(TrialStatus status, Decision decision) {
        return new Trial(3, new TrialPlan("WHO-5 i Skåne", "Hjälper WHO-5?", ToolKind.INSTRUMENT, "WHO-5", "who5", "who-5",
                PeriodKind.WEEK, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 5, 31),
                List.of(new Participant(MALMO, "1280", ParticipantRole.TRIAL), new Participant(LUND, "1281", ParticipantRole.COMPARISON)),
                List.of(Measure.MINUTES)), 2, Scope.region("12"), status, decision,
                decision == null ? null : "Tiden per ärende sjönk.", decision == null ? null : LocalDate.of(2026, 6, 1));
    }

    /** 13 weeks: 4 baseline weeks around 10, then 9 weeks under it (a run of 9 > 7), one week suppressed. */
    static RunChart signalChart() {
        List<RunChart.Point> points = new ArrayList<>();
        double[] v = {10, 12, 11, 13, 8, 7, 6, 8, 7, 6, 7, 8, 6};
        for (int i = 0; i < v.length; i++) {
            points.add(new RunChart.Point(LocalDate.of(2026, 1, 5).plusWeeks(i), v[i], 6, false, i < 4, i >= 4, false));
        }
        points.add(new RunChart.Point(LocalDate.of(2026, 4, 6), null, 0, true, false, false, false));
        return new RunChart(points, 11.5, true, 13, 9, 7, 4, 3, true, true, false, 8.4, 14.0, 2.8);
    }

    /** The guide's published entries as slug to title, in title order. */
    static final java.util.Map<String, String> GUIDE = new java.util.LinkedHashMap<>(java.util.Map.of());

    static {
        GUIDE.put("bbic", "BBIC – Barns behov i centrum");
        GUIDE.put("who-5", "WHO-5 välbefinnandeindex");
    }

    @BeforeEach
    void organisation() {
        when(trials.guideEntries()).thenReturn(GUIDE);
        when(organisation.unit(MALMO)).thenReturn(Optional.of(new Unit("1280", MALMO, "Malmö Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(organisation.unit(LUND)).thenReturn(Optional.of(new Unit("1281", LUND, "Lund IFO",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
    }

    Document page(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(actor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** A refused form: 422 with the page shown again. */
    Document refused(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(actor))).andExpect(status().is(422)).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theNationalListShowsOpenAndFinishedTrialsWithTheirDecisions() throws Exception {
        Trial running = trial(TrialStatus.RUNNING, null);
        Trial ended = new Trial(4, running.plan(), 1, Scope.region("12"), TrialStatus.ENDED, Decision.ADAPT, "x",
                LocalDate.of(2026, 6, 1));
        when(trials.all()).thenReturn(List.of(running, ended));
        when(trials.maySetUp(REGIONAL)).thenReturn(true);

        Document list = page(get("/trials"), REGIONAL);

        assertThat(list.selectFirst("main h1").text()).isEqualTo("Verktygsprövningar");
        assertThat(list.select("#open-trials tbody tr th a").eachAttr("href")).containsExactly("/trials/3");
        assertThat(list.select("#open-trials tbody td").eachText()).contains("Malmö Barn och unga, Lund IFO (jämförelse)", "Pågår");
        assertThat(list.select("#finished-trials tbody td .tag").eachText()).contains("Anpassas och prövas igen");
        assertThat(list.select("#new-trial").attr("href")).isEqualTo("/trials/new");
        assertThat(page(get("/trials"), WORKER).select("#new-trial")).as("a case worker sets up no trial").isEmpty();
    }

    @Test
    void theRunChartMarksTheSignalAndExplainsItInSwedish() throws Exception {
        Trial trial = trial(TrialStatus.RUNNING, null);
        when(trials.trial(3)).thenReturn(trial);
        when(trials.mayManage(REGIONAL, trial)).thenReturn(true);
        when(findings.findings(REGIONAL, 3)).thenReturn(new Findings(trial, true, List.of(new Findings.Section(
                Measure.MINUTES, List.of(new Findings.UnitChart(trial.plan().participants().get(0), "Malmö Barn och unga",
                        false, signalChart())))), List.of(new Findings.Summary(trial.plan().participants().get(0),
                "Malmö Barn och unga", null, null, null, null, null, 12, 4, true)), 5, 5));

        Document page = page(get("/trials/3"), REGIONAL);

        assertThat(page.select("#version").text()).isEqualTo("version 2");
        assertThat(page.select("#measure-minutes svg circle")).hasSize(13);
        assertThat(page.select("#measure-minutes svg circle.signal")).hasSize(9);
        assertThat(page.select("#measure-minutes svg line.median")).hasSize(1);
        assertThat(page.select("#measure-minutes svg line.start-line")).as("the start of the trial is marked").hasSize(1);
        assertThat(page.select("#measure-minutes .signal-text.run").text()).isEqualTo("Tecken på förändring: 9 punkter "
                + "i rad på samma sida om medianen, fler än de 7 som slumpen brukar ge. Något har sannolikt ändrats på riktigt.");
        assertThat(page.select("#measure-minutes .median-note").text()).isEqualTo("Mittlinjen är medianen under baslinjen: 11,5.");
        assertThat(page.select("#measure-minutes .suppressed").text())
                .isEqualTo("1 perioder är dolda här eftersom underlaget är för litet.");
        assertThat(page.select("#summary-table tbody td").eachText()).containsExactly(HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, "12 (4)");
        assertThat(page.select("#summary .few")).hasSize(1);
        assertThat(page.select("#decision-form input[name=decision]").eachAttr("value")).containsExactly("roll-out", "adapt", "stop");
        assertThat(page.select("#comparison-units").text()).isEqualTo("Lund IFO");
        assertThat(page.select("#guide-entry").text()).as("the entry by its title, not its slug").isEqualTo("WHO-5 välbefinnandeindex");
        assertThat(page.select("#guide-link").attr("href")).isEqualTo("/guide/entries/who-5");
    }

    @Test
    void aDecisionWithoutRationaleIsRefusedInSwedishAndAGoodOneLeadsToTheReport() throws Exception {
        Trial trial = trial(TrialStatus.RUNNING, null);
        when(trials.trial(3)).thenReturn(trial);
        when(trials.mayManage(REGIONAL, trial)).thenReturn(true);
        when(findings.findings(any(), anyLong())).thenReturn(new Findings(trial, false, List.of(), List.of(), 5, 5));
        when(trials.decide(REGIONAL, 3, Decision.STOP, " ")).thenThrow(new TrialRejected("rationale", "trials.error.rationale"));

        Document refused = refused(post("/trials/3/decision").param("decision", "stop").param("rationale", " ").with(csrf()), REGIONAL);
        assertThat(refused.select("#decision-error").text()).isEqualTo("Skriv en motivering (högst 4000 tecken).");

        mvc.perform(post("/trials/3/decision").param("decision", "roll-out").param("rationale", "Bra").with(csrf())
                .with(as(REGIONAL))).andExpect(redirectedUrl("/trials/3/report"));
        verify(trials).decide(REGIONAL, 3, Decision.ROLL_OUT, "Bra");
    }

    @Test
    void theReportIsPrintableAndShowsTheDecision() throws Exception {
        Trial trial = trial(TrialStatus.ENDED, Decision.ROLL_OUT);
        when(trials.trial(3)).thenReturn(trial);
        when(findings.findings(any(), anyLong())).thenReturn(new Findings(trial, false, List.of(), List.of(), 5, 5));

        Document report = page(get("/trials/3/report"), WORKER);

        assertThat(report.selectFirst("main h1").text()).isEqualTo("Rapport: WHO-5 i Skåne");
        assertThat(report.select("#decision-value").text()).isEqualTo("Införs");
        assertThat(report.select("#rationale").text()).isEqualTo("Tiden per ärende sjönk.");
        assertThat(report.select("#print").text()).isEqualTo("Skriv ut");
        assertThat(report.select("#guide-link").text()).isEqualTo("WHO-5 välbefinnandeindex");
        assertThat(report.select("#guide-link").attr("href")).isEqualTo("/guide/entries/who-5");
    }

    @Test
    void anEntryNoLongerPublishedIsSaidSoWithoutALinkAndTheListShowsTitles() throws Exception {
        Trial trial = trial(TrialStatus.RUNNING, null);
        Trial template = new Trial(4, new TrialPlan("BBIC-mall", "Kortar mallen tiden?", ToolKind.TEMPLATE, "BBIC-mall",
                null, "bbic", PeriodKind.WEEK, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 5, 31),
                List.of(new Participant(MALMO, "1280", ParticipantRole.TRIAL)), List.of(Measure.MINUTES)), 1,
                Scope.municipality("1280"), TrialStatus.PLANNED, null, null, null);
        when(trials.all()).thenReturn(List.of(trial, template));
        Document list = page(get("/trials"), REGIONAL);
        assertThat(list.select("#open-trials a.guide-entry").eachText())
                .containsExactly("WHO-5 välbefinnandeindex", "BBIC – Barns behov i centrum");
        assertThat(list.select("#open-trials a.guide-entry").eachAttr("href"))
                .containsExactly("/guide/entries/who-5", "/guide/entries/bbic");

        when(trials.guideEntries()).thenReturn(java.util.Map.of("bbic", "BBIC – Barns behov i centrum"));
        when(trials.trial(3)).thenReturn(trial);
        when(findings.findings(any(), anyLong())).thenReturn(new Findings(trial, false, List.of(), List.of(), 5, 5));
        Document page = page(get("/trials/3"), REGIONAL);
        assertThat(page.select("#guide-entry").text()).isEqualTo("posten är inte längre publicerad i kunskapsguiden");
        assertThat(page.select("#guide-entry a")).isEmpty();
    }

    @Test
    void theFormOffersPublishedEntriesByTitle() throws Exception {
        when(trials.maySetUp(REGIONAL)).thenReturn(true);

        Document form = page(get("/trials/new"), REGIONAL);

        assertThat(form.select("#guideEntry option").eachText())
                .containsExactly("Ingen post", "BBIC – Barns behov i centrum", "WHO-5 välbefinnandeindex");
        assertThat(form.select("#guideEntry option").eachAttr("value")).containsExactly("", "bbic", "who-5");
        assertThat(form.select("#guideEntry option[selected]")).as("the first option, no entry, is chosen").isEmpty();
        assertThat(form.select("input#guideEntry")).as("no free-text slug").isEmpty();
    }

    /**
     * The guide-entry picker (fragments/guide-entry.html) on the plan of a trial whose entry the guide no
     * longer publishes: the empty choice, the saved slug kept as its own chosen option, then the published titles.
     */
    @Test
    void theEditFormKeepsAnEntryNoLongerPublishedAsItsOwnOptionBeforeThePublishedTitles() throws Exception {
        Trial trial = trial(TrialStatus.PLANNED, null);
        when(trials.trial(3)).thenReturn(trial);
        when(trials.mayManage(REGIONAL, trial)).thenReturn(true);
        when(trials.guideEntries()).thenReturn(java.util.Map.of("bbic", "BBIC – Barns behov i centrum"));

        Document form = page(get("/trials/3/edit"), REGIONAL);

        assertThat(form.select("select#guideEntry option").eachText()).containsExactly("Ingen post",
                "who-5 (finns inte publicerad i kunskapsguiden)", "BBIC – Barns behov i centrum");
        assertThat(form.select("select#guideEntry option").eachAttr("value")).containsExactly("", "who-5", "bbic");
        assertThat(form.select("select#guideEntry option[selected]").eachAttr("value")).containsExactly("who-5");
        assertThat(form.selectFirst("select#guideEntry").attr("name")).isEqualTo("guideEntry");
        assertThat(form.selectFirst("select#guideEntry").attr("aria-describedby")).isEqualTo("guide-hint");
        assertThat(form.selectFirst("select#guideEntry").hasAttr("aria-invalid")).isFalse();
    }

    @Test
    void anUnpublishedEntryIsRefusedWith422OnItsFieldAndEveryFieldIsKept() throws Exception {
        when(trials.maySetUp(REGIONAL)).thenReturn(true);
        when(organisation.unitsWithin(Scope.region("12"))).thenReturn(List.of(new Unit("1280", MALMO, "Malmö Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(trials.create(eq(REGIONAL), any())).thenThrow(new TrialRejected("guideEntry", "trials.error.guideEntry"));

        Document form = refused(post("/trials").with(csrf()).param("title", "WHO-5 i Skåne").param("question", "Hjälper det?")
                .param("toolKind", "instrument").param("toolName", "WHO-5").param("guideEntry", "finns-inte")
                .param("period", "month").param("baselineStart", "2026-01-05").param("start", "2026-02-02")
                .param("end", "2026-05-31").param("trialUnits", MALMO).param("measures", "minutes"), REGIONAL);

        assertThat(form.select("#guideEntry-error").text()).isEqualTo("Posten finns inte bland kunskapsguidens publicerade "
                + "poster. Välj en post i listan eller Ingen post.");
        assertThat(form.select("#guideEntry").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#guideEntry").attr("aria-describedby")).isEqualTo("guide-hint guideEntry-error");
        assertThat(form.select("#guideEntry option[selected]").eachText())
                .containsExactly("finns-inte (finns inte publicerad i kunskapsguiden)");
        assertThat(form.select("#guideEntry option[selected]").eachAttr("value")).containsExactly("finns-inte");
        assertThat(form.select("#title").attr("value")).isEqualTo("WHO-5 i Skåne");
        assertThat(form.select("#question").text()).isEqualTo("Hjälper det?");
        assertThat(form.select("#toolName").attr("value")).isEqualTo("WHO-5");
        assertThat(form.select("#period option[selected]").eachAttr("value")).containsExactly("month");
        assertThat(form.select("#baselineStart").attr("value")).isEqualTo("2026-01-05");
        assertThat(form.select("#start").attr("value")).isEqualTo("2026-02-02");
        assertThat(form.select("#end").attr("value")).isEqualTo("2026-05-31");
        assertThat(form.select("input[name=trialUnits][checked]").eachAttr("value")).containsExactly(MALMO);
        assertThat(form.select("input[name=measures][checked]").eachAttr("value")).containsExactly("minutes");

        Document english = refused(post("/trials").with(csrf()).param("lang", "en").param("title", "WHO-5")
                .param("toolKind", "instrument").param("guideEntry", "finns-inte").param("period", "week"), REGIONAL);
        assertThat(english.select("#guideEntry-error").text()).isEqualTo("The entry is not among the published entries of "
                + "the knowledge guide. Choose an entry from the list, or No entry.");
    }

    @Test
    void aPlanWithADateOutOfOrderIsShownAgainWithTheErrorInSwedish() throws Exception {
        when(trials.maySetUp(REGIONAL)).thenReturn(true);
        when(organisation.unitsWithin(Scope.region("12"))).thenReturn(List.of(new Unit("1280", MALMO, "Malmö Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(trials.create(eq(REGIONAL), any())).thenThrow(new TrialRejected("start", "trials.error.start"));

        Document form = refused(post("/trials").with(csrf()).param("title", "WHO-5").param("question", "Hjälper det?")
                .param("toolKind", "instrument").param("toolName", "WHO-5").param("period", "week")
                .param("baselineStart", "2026-03-01").param("start", "2026-02-01").param("end", "2026-05-01")
                .param("trialUnits", MALMO).param("measures", "minutes"), REGIONAL);

        assertThat(form.select("#form-error").text()).isEqualTo("Prövningen måste börja efter baslinjens början (ÅÅÅÅ-MM-DD).");
        assertThat(form.select("#title").attr("value")).isEqualTo("WHO-5");
        assertThat(form.select("input[name=trialUnits][checked]").eachAttr("value")).containsExactly(MALMO);

        Document unreadable = refused(post("/trials").with(csrf()).param("toolKind", "hammer").param("period", "week"), REGIONAL);
        assertThat(unreadable.select("#form-error").text()).isEqualTo("Välj slag av verktyg.");
    }

    @Test
    void aWellShapedDayThatDoesNotExistIsCalledAnInvalidDateAndTheFormKeepsWhatWasTyped() throws Exception {
        when(trials.maySetUp(REGIONAL)).thenReturn(true);
        when(organisation.unitsWithin(Scope.region("12"))).thenReturn(List.of(new Unit("1280", MALMO, "Malmö Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));

        Document form = refused(post("/trials").with(csrf()).param("title", "WHO-5").param("question", "Hjälper det?")
                .param("toolKind", "instrument").param("toolName", "WHO-5").param("period", "week")
                .param("baselineStart", "2026-13-01").param("start", "2026-02-01").param("end", "2026-05-01")
                .param("trialUnits", MALMO).param("measures", "minutes"), REGIONAL);

        assertThat(form.select("#form-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        assertThat(form.select("#title").attr("value")).isEqualTo("WHO-5");
        assertThat(form.select("#question").text()).isEqualTo("Hjälper det?");
        assertThat(form.select("#baselineStart").attr("value")).isEqualTo("2026-13-01");
        assertThat(form.select("#start").attr("value")).isEqualTo("2026-02-01");

        Document shape = refused(post("/trials").with(csrf()).param("title", "WHO-5").param("toolKind", "instrument")
                .param("period", "week").param("baselineStart", "1 mars"), REGIONAL);
        assertThat(shape.select("#form-error").text()).isEqualTo("Ange när baslinjen börjar (ÅÅÅÅ-MM-DD).");
    }

    @Test
    void aCaseWorkerRecordsMinutesAndAnAnonymousRatingInSeconds() throws Exception {
        Trial trial = trial(TrialStatus.RUNNING, null);
        when(trials.trial(3)).thenReturn(trial);
        when(trials.mayRecord(WORKER, trial)).thenReturn(true);
        when(burden.groupMinimum()).thenReturn(5);

        Document form = page(get("/trials/3/record"), WORKER);
        assertThat(form.select("#anonymous-note").text()).isEqualTo("Svaret är anonymt: inget namn sparas med det, "
                + "och det visas bara sammanräknat när minst 5 har svarat.");
        assertThat(form.select("#rating-form input[type=range]").eachAttr("name"))
                .containsExactly("mental", "physical", "temporal", "performance", "effort", "frustration");

        Document refused = refused(post("/trials/3/uses").with(csrf()).param("usedOn", "2026-03-03").param("minutes", "sju"), WORKER);
        assertThat(refused.select("#use-error").text()).isEqualTo("Ange minuter som ett heltal mellan 0 och 600.");

        mvc.perform(post("/trials/3/uses").with(csrf()).with(as(WORKER)).param("usedOn", "2026-03-03").param("minutes", "7"))
                .andExpect(redirectedUrl("/trials/3/record"));
        verify(burden).recordUse(WORKER, 3, LocalDate.of(2026, 3, 3), 7, "page");

        Document noAnswer = refused(post("/trials/3/ratings").with(csrf()).param("mental", "50").param("physical", "0")
                .param("temporal", "50").param("performance", "20").param("effort", "40").param("frustration", "10"), WORKER);
        assertThat(noAnswer.select("#rating-error").text()).isEqualTo("Svara ja eller nej på om verktyget hjälpte.");
        mvc.perform(post("/trials/3/ratings").with(csrf()).with(as(WORKER)).param("mental", "50").param("physical", "0")
                        .param("temporal", "50").param("performance", "20").param("effort", "40").param("frustration", "10")
                        .param("helped", "yes"))
                .andExpect(redirectedUrl("/trials/3/record"));
        verify(burden).rate(WORKER, 3, null, new Rating(50, 0, 50, 20, 40, 10, true));
    }

    @Test
    void someoneOutsideTheTrialUnitsGetsNoRecordingForm() throws Exception {
        when(trials.trial(3)).thenReturn(trial(TrialStatus.RUNNING, null));

        mvc.perform(get("/trials/3/record").with(as(REGIONAL))).andExpect(status().isNotFound());
        mvc.perform(get("/trials/3/edit").with(as(WORKER))).andExpect(status().isNotFound());
        mvc.perform(get("/trials/new").with(as(WORKER))).andExpect(status().isNotFound());
    }

    @Test
    void theApiTakesMinutesFromACaseManagementSystemAndAnswersInCodes() throws Exception {
        when(trials.all()).thenReturn(List.of(trial(TrialStatus.RUNNING, null)));

        mvc.perform(get("/api/v1/trials").with(as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].toolKind").value("instrument"))
                .andExpect(jsonPath("$[0].status").value("running"))
                .andExpect(jsonPath("$[0].period").value("week"))
                .andExpect(jsonPath("$[0].measures[0]").value("minutes"))
                .andExpect(jsonPath("$[0].units[1].role").value("comparison"))
                .andExpect(jsonPath("$[0].owner").doesNotExist());

        mvc.perform(post("/api/v1/trials/3/uses").with(as(WORKER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usedOn\":\"2026-03-03\",\"minutes\":700}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("minutes"))
                .andExpect(jsonPath("$.errors[0].message").value("Ange minuter som ett heltal mellan 0 och 600."));
        verifyNoInteractions(burden);

        mvc.perform(post("/api/v1/trials/3/uses").with(as(WORKER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usedOn\":\"2026-03-03\",\"minutes\":12}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes").value(12));
        verify(burden).recordUse(WORKER, 3, LocalDate.of(2026, 3, 3), 12, "api");
    }

    @Test
    void aComparisonIndicatorHasTheSameRunChartWithNotes() throws Exception {
        Actor analyst = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        when(organisation.municipalityOf(Scope.municipality("1280"))).thenReturn(Optional.of("1280"));
        when(organisation.municipality("1280")).thenReturn(Optional.of(new se.samsyn.organisation.Municipality("1280",
                "Malmö", "Malmö kommun", "12", "Skåne län", "A1", "Storstäder", 357377, 2024, 4.1)));
        when(improvement.indicatorChart(analyst, "1280", "W00001")).thenReturn(signalChart());
        when(improvement.indicatorAnnotations(analyst, "1280", "W00001")).thenReturn(List.of(
                new se.samsyn.trials.Annotation(LocalDate.of(2026, 2, 2), "Ny introduktion", null, null, "Följ upp")));

        Document page = page(get("/trials/improvement/indicator").param("indicator", "W00001"), analyst);

        assertThat(page.select("svg circle.signal")).hasSize(9);
        assertThat(page.select("#annotations li").text()).isEqualTo("2026-02-02: Ny introduktion – Nästa steg: Följ upp");
        assertThat(page.select("#annotation-form")).as("no right to annotate").isEmpty();
        assertThat(page(get("/trials/improvement/indicator"), WORKER).select("#choose-indicator").text())
                .isEqualTo("Ange en kommun och välj en indikator för att se körschemat.");
    }

    /** A note on an indicator's chart with a day that does not exist: 422, the error by the form, nothing stored. */
    @Test
    void anIndicatorNoteWithADayThatDoesNotExistIsRefusedWith422() throws Exception {
        Actor analyst = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        when(organisation.municipality("1280")).thenReturn(Optional.of(new se.samsyn.organisation.Municipality("1280",
                "Malmö", "Malmö kommun", "12", "Skåne län", "A1", "Storstäder", 357377, 2024, 4.1)));
        when(improvement.indicatorChart(analyst, "1280", "W00001")).thenReturn(signalChart());
        when(improvement.mayAnnotate(analyst, "1280")).thenReturn(true);

        Document refused = refused(post("/trials/improvement/indicator/annotations").with(csrf()).param("municipality", "1280")
                .param("indicator", "W00001").param("notedOn", "2026-02-30").param("plan", "Ny introduktion"), analyst);

        assertThat(refused.select("#form-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        verify(improvement, org.mockito.Mockito.never()).annotateIndicator(any(), any(), any(), any());
    }

    @Test
    void improvementWorkShowsTheChartAndThePdsaNotes() throws Exception {
        Actor manager = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(MALMO));
        when(improvement.annotations(manager, MALMO, "who5", Measure.MEASUREMENTS)).thenReturn(List.of(
                new se.samsyn.trials.Annotation(LocalDate.of(2026, 2, 2), "Mät vid varje besök", "Infört", null, null)));
        when(improvement.chart(eq(manager), eq(MALMO), eq("who5"), eq(Measure.MEASUREMENTS), eq(PeriodKind.MONTH), any(),
                any(), eq(LocalDate.of(2026, 2, 2)))).thenReturn(signalChart());
        when(improvement.mayAnnotate(manager, MALMO)).thenReturn(true);

        Document page = page(get("/trials/improvement").param("from", "2025-06-01").param("to", "2026-05-31"), manager);

        assertThat(page.select("#improvement-chart").text()).isEqualTo("Malmö Barn och unga: Antal utfallsmätningar");
        assertThat(page.select("svg circle.signal")).hasSize(9);
        assertThat(page.select("#annotations tbody td")).hasSize(5);
        assertThat(page.select("#annotations tbody td").eachText()).containsExactly("2026-02-02", "Mät vid varje besök",
                "Infört");
        assertThat(page.select("#annotation-form")).hasSize(1);

        mvc.perform(post("/trials/improvement/annotations").with(csrf()).with(as(manager)).param("scope", MALMO)
                        .param("instrument", "who5").param("measure", "measurements").param("notedOn", "2026-03-01")
                        .param("plan", "Påminnelse i journalen"))
                .andExpect(redirectedUrl("/trials/improvement?scope=1280-IFO-BU&instrument=who5&measure=measurements&period=month"));
        verify(improvement).annotate(manager, MALMO, "who5", Measure.MEASUREMENTS,
                new se.samsyn.trials.Annotation(LocalDate.of(2026, 3, 1), "Påminnelse i journalen", null, null, null));

        Document refused = refused(post("/trials/improvement/annotations").with(csrf()).param("scope", MALMO)
                .param("instrument", "who5").param("measure", "measurements").param("notedOn", "2026-02-30")
                .param("plan", "Påminnelse i journalen"), manager);
        assertThat(refused.select("#form-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        verify(improvement, org.mockito.Mockito.times(1)).annotate(any(), any(), any(), any(), any());
    }
}
