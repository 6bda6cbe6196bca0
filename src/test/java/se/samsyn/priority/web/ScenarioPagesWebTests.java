package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import se.samsyn.shared.NotFound;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The resource-scenario pages on the web layer alone: the lists a scenario can start from and the
 * saved scenarios (budget in kronor, Swedish time), and a list one may not use is not found.
 */
@WebSliceTest(ScenarioPages.class)
class ScenarioPagesWebTests {

    static final Actor DIRECTOR = new Actor("chef", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    ResourceScenarios scenarios;
    @MockitoBean
    PriorityProcesses processes;

    static Authentication director() {
        return SignedIn.authenticationOf(DIRECTOR);
    }

    @Test
    void theIndexShowsTheListsToStartFromAndTheSavedScenarios() throws Exception {
        when(processes.publishedLists()).thenReturn(List.of(new ListSummary(7, "Missbruk", Scope.municipality("1280"),
                PriorityMode.SOCIAL_SERVICES, 2, Instant.parse("2026-02-01T09:30:00Z"), 12)));
        when(scenarios.scenarios(DIRECTOR)).thenReturn(List.of(new ResourceScenarios.Scenario(3, "1280", 7, 2,
                "Budget 2026", 900, List.of(), "chef", Instant.parse("2026-02-03T12:15:00Z"))));
        Document page = Jsoup.parse(mvc.perform(get("/priorities/scenarios").with(authentication(director())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Resursscenarier");
        assertThat(page.selectFirst("a[data-list=7]").attr("href")).isEqualTo("/priorities/scenarios/new?list=7");
        assertThat(page.select("tr:has(a[href=/priorities/scenarios/3]) td").eachText())
                .containsExactly("Budget 2026", "900 kr", "2026-02-03 13:15 (chef)");
    }

    @Test
    void aListOneMayNotUseIsNotFound() throws Exception {
        when(scenarios.start(DIRECTOR, 99)).thenThrow(new NotFound("no list 99 for the actor"));
        mvc.perform(get("/priorities/scenarios/new").param("list", "99").with(authentication(director())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCalculatedScenarioShowsWhatTheBudgetCoversAndWhatItLacks() throws Exception {
        Instant at = Instant.parse("2026-02-01T09:30:00Z");
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("substance-use"),
                "Syfte", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED, RankParameters.DEFAULT,
                new CostBands("kr", List.of(1L, 2L, 3L)), 2, "anna", at, at);
        Pair pair = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.HOG, "c", null, null, false, null, null, null, Recommendation.rank(2), null, "anna", at);
        PublishedList list = new PublishedList(7, 2, at, "anna", process, List.of(new PairView(pair, "CRA",
                new RankProposal(Recommendation.rank(2), List.of()))));
        Coverage.Line line = new Coverage.Line(11, Recommendation.rank(2), false, 100, 3);
        Coverage coverage = new Coverage(200, 0, false, 1, 0, 200, 100,
                List.of(new Coverage.LineResult(line, false, Coverage.Reason.OVER_BUDGET)),
                List.of(new Coverage.BandCost(Recommendation.Band.BOR, 300, 0)));
        List<ResourceScenarios.ScenarioLine> lines = List.of(new ResourceScenarios.ScenarioLine(11, 100, 3));
        when(scenarios.calculate(DIRECTOR, 7, 2, "Plan", 200, lines)).thenReturn(new ResourceScenarios.ScenarioView(
                new ResourceScenarios.Scenario(0, "1280", 7, 2, "Plan", 200, lines, "chef", at), list, coverage));

        Document page = Jsoup.parse(mvc.perform(post("/priorities/scenarios").param("list", "7").param("version", "2")
                        .param("name", "Plan").param("budget", "200").param("pairId", "11").param("cost", "100")
                        .param("clients", "3").param("action", "calculate").with(authentication(director())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#scenario-lines tbody tr td").eachText()).containsExactly("nivå 2", "Ryms inte");
        assertThat(page.selectFirst("#scenario-lines tbody tr th").text()).isEqualTo("Beroende – CRA");
        assertThat(page.selectFirst("#cost-0").attr("value")).isEqualTo("100");
        assertThat(page.selectFirst("#clients-0").attr("value")).isEqualTo("3");
        assertThat(page.selectFirst("#covered-through").text()).isEqualTo("Nivå 1–1");
        assertThat(page.select("p.note").eachText()).contains("Nivå 2 ryms inte: det fattas 100 kr.");
        assertThat(page.select("#band-table tbody tr").first().children().eachText())
                .containsExactly("Bör erbjudas (nivå 1–3)", "300 kr", "0 kr");
    }

    static final Instant AT = Instant.parse("2026-02-01T09:30:00Z");

    /** A published list 7, version 2, with pairs 11 (CRA) and 12 (MI), and a scenario view of it. */
    static ResourceScenarios.ScenarioView view(long id, String name, long budget, List<ResourceScenarios.ScenarioLine> lines) {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("substance-use"),
                "Syfte", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED, RankParameters.DEFAULT,
                new CostBands("kr", List.of(1L, 2L, 3L)), 2, "anna", AT, AT);
        Pair cra = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.HOG, "c", null, null, false, null, null, null, Recommendation.rank(2), null, "anna", AT);
        Pair mi = new Pair(12, 7, "Riskbruk", "Vuxna", "MI", null, Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.HOG, "c", null, null, false, null, null, null, Recommendation.rank(3), null, "anna", AT);
        PublishedList list = new PublishedList(7, 2, AT, "anna", process, List.of(
                new PairView(cra, "CRA", new RankProposal(Recommendation.rank(2), List.of())),
                new PairView(mi, "MI", new RankProposal(Recommendation.rank(3), List.of()))));
        List<Coverage.LineResult> results = lines.stream().map(l -> new Coverage.LineResult(
                new Coverage.Line(l.pairId(), Recommendation.rank(l.pairId() == 11 ? 2 : 3), false, l.costPerClient(),
                        l.clients()), true, Coverage.Reason.COVERED)).toList();
        Coverage coverage = new Coverage(budget, 0, false, 3, budget, 0, 0, results,
                List.of(new Coverage.BandCost(Recommendation.Band.BOR, 0, 0)));
        return new ResourceScenarios.ScenarioView(new ResourceScenarios.Scenario(id, "1280", 7, 2, name, budget, lines,
                "chef", AT), list, coverage);
    }

    static final List<ResourceScenarios.ScenarioLine> EMPTY_LINES = List.of(new ResourceScenarios.ScenarioLine(11, 0, 0),
            new ResourceScenarios.ScenarioLine(12, 0, 0));

    @Test
    void aNewScenarioLeavesTheBudgetAndUnknownCostsEmptyAndMarksTheRequiredFields() throws Exception {
        when(scenarios.start(DIRECTOR, 7)).thenReturn(view(0, "", 0, List.of(
                new ResourceScenarios.ScenarioLine(11, 0, 6), new ResourceScenarios.ScenarioLine(12, 0, 0))));
        when(scenarios.clientCountPeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        Document page = Jsoup.parse(mvc.perform(get("/priorities/scenarios/new").param("list", "7")
                .with(authentication(director()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/scenarios/new").param("list", "7").param("lang", "en")
                .with(authentication(director()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#prefill-note").text()).isEqualTo("Antal klienter är förifyllt från kommunens "
                + "uppföljning där insatsen finns i katalogen (klienter som hade insatsen någon gång under kalenderåret "
                + "2025; färre än 5 visas inte).");
        assertThat(english.selectFirst("#prefill-note").text()).isEqualTo("The number of clients is prefilled from the "
                + "municipality's follow-up where the intervention is in the catalogue (clients who had the intervention "
                + "at some time in the calendar year 2025; fewer than 5 are not shown).");

        assertThat(page.selectFirst("#prefill-pending")).isNull();
        assertThat(page.selectFirst("#budget").attr("value")).isEmpty();
        assertThat(page.selectFirst("#budget").hasAttr("required")).isTrue();
        assertThat(page.selectFirst("#scenario-name").hasAttr("required")).isTrue();
        assertThat(page.selectFirst("#scenario-form .required-legend").text()).isEqualTo("* obligatoriskt fält");
        assertThat(page.select("#scenario-lines input[name=cost]").eachAttr("value")).containsExactly("", "");
        assertThat(page.select("#scenario-lines input[name=clients]").eachAttr("value"))
                .as("the prefilled count stays, no count is shown as empty, not 0").containsExactly("6", "");
        assertThat(page.select("input[name=id]")).isEmpty();
        assertThat(page.selectFirst("#scenario-form").hasAttr("data-busy")).isTrue();
    }

    /**
     * A new scenario that starts unfilled because the year's protected counts are not stored yet
     * says why nothing is prefilled and that the counts come, instead of claiming they were prefilled.
     */
    @Test
    void aNewScenarioWhoseCountsAreNotStoredYetSaysWhyNothingIsPrefilled() throws Exception {
        ResourceScenarios.ScenarioView unfilled = view(0, "", 0, EMPTY_LINES);
        when(scenarios.start(DIRECTOR, 7)).thenReturn(new ResourceScenarios.ScenarioView(unfilled.scenario(),
                unfilled.list(), unfilled.result(), true));
        when(scenarios.clientCountPeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        Document page = Jsoup.parse(mvc.perform(get("/priorities/scenarios/new").param("list", "7")
                .with(authentication(director()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/scenarios/new").param("list", "7").param("lang", "en")
                .with(authentication(director()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#prefill-note")).isNull();
        assertThat(page.selectFirst("#prefill-pending").text()).isEqualTo("Antal klienter är inte förifyllt: kommunens "
                + "skyddade antal för kalenderåret 2025 har inte sparats än. De beräknas i bakgrunden och finns inom några "
                + "minuter (efter första starten och strax efter nyår). Börja då ett nytt scenario från listan så fylls "
                + "antalen i, eller skriv in dem själv.");
        assertThat(english.selectFirst("#prefill-pending").text()).isEqualTo("The number of clients is not prefilled: the "
                + "municipality's protected counts for the calendar year 2025 have not been stored yet. They are computed "
                + "in the background and are there within a few minutes (after the first start and just after the new "
                + "year). Then start a new scenario from the list and the counts are filled in, or type them yourself.");
        assertThat(page.select("#scenario-lines input[name=clients]").eachAttr("value")).containsExactly("", "");
    }

    @Test
    void aScenarioWithoutABudgetIsRefusedAndEveryOtherFieldKeepsWhatWasTyped() throws Exception {
        when(scenarios.calculate(DIRECTOR, 7, 2, "Plan", 0, List.of())).thenReturn(view(0, "Plan", 0, EMPTY_LINES));
        Document page = Jsoup.parse(mvc.perform(post("/priorities/scenarios").param("list", "7").param("version", "2")
                        .param("name", "Plan").param("budget", "").param("pairId", "11", "12")
                        .param("cost", "12 000", "").param("clients", "4", "9").param("action", "save")
                        .with(authentication(director())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Ange en budget i kronor per år.");
        assertThat(page.selectFirst("#budget").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#scenario-name").attr("value")).isEqualTo("Plan");
        assertThat(page.selectFirst("#budget").attr("value")).isEmpty();
        assertThat(page.select("#scenario-lines input[name=cost]").eachAttr("value")).containsExactly("12 000", "");
        assertThat(page.select("#scenario-lines input[name=clients]").eachAttr("value")).containsExactly("4", "9");
        verify(scenarios, never()).save(any(), anyLong(), anyInt(), anyString(), anyLong(), anyList());
    }

    @Test
    void aScenarioWithoutANameIsRefusedAndKeepsTheBudgetCostsAndCounts() throws Exception {
        List<ResourceScenarios.ScenarioLine> typed = List.of(new ResourceScenarios.ScenarioLine(11, 12_000, 4),
                new ResourceScenarios.ScenarioLine(12, 0, 9));
        when(scenarios.save(DIRECTOR, 7, 2, "", 3_000_000, typed))
                .thenThrow(new se.samsyn.priority.PriorityRejected("name", "priority.error.required"));
        when(scenarios.calculate(DIRECTOR, 7, 2, "", 0, List.of())).thenReturn(view(0, "", 0, EMPTY_LINES));
        Document page = Jsoup.parse(mvc.perform(post("/priorities/scenarios").param("list", "7").param("version", "2")
                        .param("name", "").param("budget", "3 000 000").param("pairId", "11", "12")
                        .param("cost", "12000", "").param("clients", "4", "9").param("action", "save")
                        .with(authentication(director())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Fyll i alla obligatoriska fält.");
        assertThat(page.selectFirst("#scenario-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#budget").attr("value")).isEqualTo("3 000 000");
        assertThat(page.select("#scenario-lines input[name=cost]").eachAttr("value")).containsExactly("12000", "");
        assertThat(page.select("#scenario-lines input[name=clients]").eachAttr("value")).containsExactly("4", "9");
    }

    @Test
    void aSavedScenarioOpensInTheFormAndSavingItChangesThatScenario() throws Exception {
        List<ResourceScenarios.ScenarioLine> lines = List.of(new ResourceScenarios.ScenarioLine(11, 100, 3),
                new ResourceScenarios.ScenarioLine(12, 0, 0));
        when(scenarios.scenario(DIRECTOR, 3)).thenReturn(view(3, "Budget 2026", 900, lines));
        Document form = Jsoup.parse(mvc.perform(get("/priorities/scenarios/3/edit").with(authentication(director())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.selectFirst("input[name=id]").attr("value")).isEqualTo("3");
        assertThat(form.selectFirst("#scenario-name").attr("value")).isEqualTo("Budget 2026");
        assertThat(form.selectFirst("#budget").attr("value")).isEqualTo("900");
        assertThat(form.select("#scenario-lines input[name=cost]").eachAttr("value")).containsExactly("100", "0");
        assertThat(form.select("#scenario-lines input[name=clients]").eachAttr("value")).containsExactly("3", "0");

        List<ResourceScenarios.ScenarioLine> changed = List.of(new ResourceScenarios.ScenarioLine(11, 150, 3),
                new ResourceScenarios.ScenarioLine(12, 0, 0));
        when(scenarios.update(DIRECTOR, 3, "Budget 2026 b", 1200, changed)).thenReturn(view(3, "Budget 2026 b", 1200, changed));
        mvc.perform(post("/priorities/scenarios").param("id", "3").param("list", "7").param("version", "2")
                        .param("name", "Budget 2026 b").param("budget", "1200").param("pairId", "11", "12")
                        .param("cost", "150", "0").param("clients", "3", "0").param("action", "save")
                        .with(authentication(director())).with(csrf()))
                .andExpect(redirectedUrl("/priorities/scenarios/3"))
                .andExpect(flash().attribute("flash", "priority.flash.scenario-saved"));
        verify(scenarios).update(DIRECTOR, 3, "Budget 2026 b", 1200, changed);
        verify(scenarios, never()).save(any(), anyLong(), anyInt(), anyString(), anyLong(), anyList());
    }

    @Test
    void aSavedScenarioIsDeletedAfterAConfirmationThatNamesIt() throws Exception {
        when(scenarios.scenario(DIRECTOR, 3)).thenReturn(view(3, "Budget 2026", 900, EMPTY_LINES));
        when(scenarios.scenarios(DIRECTOR)).thenReturn(List.of());
        Document page = Jsoup.parse(mvc.perform(get("/priorities/scenarios/3").with(authentication(director())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#edit-scenario").attr("href")).isEqualTo("/priorities/scenarios/3/edit");
        org.jsoup.nodes.Element delete = page.selectFirst("form:has(#delete-scenario)");
        assertThat(delete.attr("action")).isEqualTo("/priorities/scenarios/3/delete");
        assertThat(delete.attr("data-confirm")).isEqualTo("Ta bort scenariot Budget 2026?");

        mvc.perform(post("/priorities/scenarios/3/delete").with(authentication(director())).with(csrf()))
                .andExpect(redirectedUrl("/priorities/scenarios"))
                .andExpect(flash().attribute("flash", "priority.flash.scenario-deleted"));
        verify(scenarios).delete(DIRECTOR, 3);
    }

    @Test
    void deletingAScenarioOfAnotherMunicipalityIsNotFound() throws Exception {
        org.mockito.Mockito.doThrow(new se.samsyn.priority.PriorityNotFound("scenario")).when(scenarios).delete(DIRECTOR, 5);
        mvc.perform(post("/priorities/scenarios/5/delete").with(authentication(director())).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
