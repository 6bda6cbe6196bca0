package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.PriorityMode;
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
@WebMvcTest(controllers = ScenarioPages.class)
@Import(WebSliceConfiguration.class)
class ScenarioPagesWebTests {

    static final Actor DIRECTOR = new Actor("chef", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ResourceScenarios scenarios;
    @MockitoBean
    PriorityProcesses processes;

    static Authentication director() {
        return new UsernamePasswordAuthenticationToken(new Principal(DIRECTOR), null, List.of());
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
}
