package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The priority-setting pages on the web layer alone: the published lists and what a signed-in
 * user may start, the new-process form kept from roles that do not run processes (the controller
 * checks), and a refused process shown on its form in Swedish.
 */
@WebMvcTest(controllers = PriorityPages.class)
@Import(WebSliceConfiguration.class)
class PriorityPagesWebTests {

    static final Actor DIRECTOR = new Actor("chef", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));
    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));

    /** A signed-in principal as the identity module makes it: one that carries an actor. */
    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PriorityProcesses processes;
    @MockitoBean
    ResourceScenarios scenarios;

    static Authentication as(Actor actor) {
        return new UsernamePasswordAuthenticationToken(new Principal(actor), null, List.of());
    }

    @Test
    void theIndexShowsThePublishedListsAndWhatTheUserMayStart() throws Exception {
        when(processes.publishedLists()).thenReturn(List.of(new ListSummary(7, "Missbruk", Scope.municipality("1280"),
                PriorityMode.SOCIAL_SERVICES, 2, Instant.parse("2026-02-01T09:30:00Z"), 12)));
        when(processes.mayCreate(DIRECTOR)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/priorities").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("li.card h3 a").eachText()).containsExactly("Missbruk");
        assertThat(page.selectFirst("li.card h3 a").attr("href")).isEqualTo("/priorities/lists/7");
        assertThat(page.selectFirst("#new-process").text()).isEqualTo("Starta en prioriteringsprocess");
        assertThat(page.selectFirst("#scenarios-link")).isNull();
    }

    @Test
    void aCaseWorkerDoesNotGetTheNewProcessForm() throws Exception {
        when(processes.mayCreate(CASE_WORKER)).thenReturn(false);
        mvc.perform(get("/priorities/processes/new").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aProcessWithoutAModeIsRefusedOnItsFormInSwedish() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/priorities/processes").param("name", "Våld i nära relationer")
                        .param("scopeType", "MUNICIPALITY").param("scopeCode", "1280")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Starta en prioriteringsprocess");
        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Välj ett läge.");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("Våld i nära relationer");
        verify(processes, never()).create(any(), any());
    }

    @Test
    void aProcessTheRegisterRefusesIsShownOnItsFormInSwedish() throws Exception {
        when(processes.create(eq(DIRECTOR), any())).thenThrow(new PriorityRejected("scope", "priority.error.scope"));
        Document page = Jsoup.parse(mvc.perform(post("/priorities/processes").param("name", "Våld")
                        .param("scopeType", "MUNICIPALITY").param("scopeCode", "9999").param("focusAreas", "violence")
                        .param("purpose", "Syfte").param("mode", "social-services").param("benefitStart", "1,3,5,7")
                        .param("severityStart", "1,3,5,7").param("costPenalty", "0,0,2,4")
                        .param("certaintyPenalty", "0,0,1,2").param("fouFrom", "mycket-lag").param("costUnit", "kr")
                        .param("costLow", "1").param("costModerate", "2").param("costHigh", "3")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text())
                .isEqualTo("Nivån finns inte. Ange riket (0000), en länskod eller en kommunkod.");
    }
}
