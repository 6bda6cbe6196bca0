package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
}
