package se.samsyn.priority.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityNotFound;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Scope;

/** The priority-setting API on the web layer alone (services mocked): exact answers and codes, not Java names. */
@WebMvcTest(controllers = PriorityApi.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "se\\.samsyn\\.platform\\.internal\\.LayoutModel"))
@WithMockUser
class PriorityApiWebTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PriorityProcesses processes;

    @MockitoBean
    ResourceScenarios scenarios;

    @Test
    void thePublishedListsAnswerSpeaksCodes() throws Exception {
        when(processes.publishedLists()).thenReturn(List.of(new ListSummary(4, "Missbruk och hemlöshet",
                Scope.municipality("1280"), PriorityMode.HEALTH_CARE, 2, Instant.parse("2026-05-04T07:00:00Z"), 8)));
        mvc.perform(get("/api/v1/priorities/lists"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"processId":4,"name":"Missbruk och hemlöshet","scope":{"type":"MUNICIPALITY","code":"1280"},
                          "mode":"health-care","version":2,"publishedAt":"2026-05-04T07:00:00Z","pairs":8}]""", JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownListIsA404ProblemInTheReadersLanguage() throws Exception {
        when(processes.published(99, null)).thenThrow(new PriorityNotFound("list"));
        mvc.perform(get("/api/v1/priorities/lists/99"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("""
                        {"status":404,"detail":"Sidan eller uppgiften finns inte."}"""));
    }

    @Test
    void aDecisionWithoutARecommendationAndATooLongRationaleIsRefusedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/priorities/pairs/5/decision").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\" \",\"rationale\":\"" + "x".repeat(4001) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,"detail":"Välj en rekommendation.","field":"decision",
                         "errors":[{"field":"decision","message":"Välj en rekommendation."},
                                   {"field":"rationale","message":"Texten är för lång."}]}"""));
        verifyNoInteractions(processes);
    }

    @Test
    void aScenarioLineWithANegativeCostIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(post("/api/v1/priorities/scenarios/calculate").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"listId":1,"version":1,"name":"Plan","budget":1000,
                                 "lines":[{"pairId":3,"costPerClient":-1,"clients":2}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"field":"lines[0].costPerClient",
                         "errors":[{"field":"lines[0].costPerClient",
                                    "message":"Kostnad och antal klienter måste vara heltal från 0."}]}"""));
        verifyNoInteractions(scenarios);
    }
}
