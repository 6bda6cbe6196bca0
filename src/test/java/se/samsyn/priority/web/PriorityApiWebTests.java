package se.samsyn.priority.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.SignedIn;
import java.util.List;
import java.util.Map;
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
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Coverage;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.RankStep;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.PriorityNotFound;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
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
                        [{"processId":4,"name":"Missbruk och hemlöshet","scope":{"type":"municipality","code":"1280"},
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

    static final Instant PUBLISHED = Instant.parse("2026-02-01T09:30:00Z");

    static PriorityProcess process(ProcessStatus status, int version) {
        return new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("substance-use"), "Syfte", null,
                PriorityMode.SOCIAL_SERVICES, status, RankParameters.DEFAULT,
                new CostBands("kr", List.of(1L, 2L, 3L)), version, "anna", PUBLISHED, PUBLISHED);
    }

    static PairView pairView() {
        Pair pair = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, null, null, Recommendation.rank(2),
                "Beslutat av gruppen", "anna", PUBLISHED);
        return new PairView(pair, "Community Reinforcement Approach", new RankProposal(Recommendation.rank(3),
                List.of(new RankStep("start-benefit", "priority.benefit.stor", 3))));
    }

    @Test
    void aPublishedListAnswersInCodesAndLeavesOutWhoCreatedAndWhoDecided() throws Exception {
        PublishedList list = new PublishedList(7, 2, PUBLISHED, "anna", process(ProcessStatus.PUBLISHED, 2),
                List.of(pairView()));
        when(processes.published(7, null)).thenReturn(list);
        when(processes.practice(list.pairs())).thenReturn(Map.of(11L, new PracticeEvidence("CRA", "who5", 30, 12.5,
                62.0, false, PracticeEvidence.Verdict.CONSISTENT)));
        when(processes.practiceAsOf()).thenReturn(java.util.Optional.of(java.time.Instant.parse("2026-03-01T23:30:00Z")));
        mvc.perform(get("/api/v1/priorities/lists/7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.process.status").value("published"))
                .andExpect(jsonPath("$.process.mode").value("social-services"))
                .andExpect(jsonPath("$.process.parameters.fouFrom").value("mycket-lag"))
                .andExpect(jsonPath("$.process.createdBy").doesNotExist())
                .andExpect(jsonPath("$.bands.bor[0].pair.benefit").value("stor"))
                .andExpect(jsonPath("$.bands.bor[0].pair.cost").value("lag"))
                .andExpect(jsonPath("$.bands.bor[0].pair.certainty").value("hog"))
                .andExpect(jsonPath("$.bands.bor[0].pair.decisionRationale").value("Beslutat av gruppen"))
                .andExpect(jsonPath("$.bands.bor[0].pair.decidedAt").value("2026-02-01T09:30:00Z"))
                .andExpect(jsonPath("$.bands.bor[0].pair.decidedBy").doesNotExist())
                .andExpect(jsonPath("$.bands.bor[0].recommendation").value("2"))
                .andExpect(jsonPath("$.bands.bor[0].proposal.recommendation").value("3"))
                .andExpect(jsonPath("$.bands.bor[0].proposal.band").value("bor"))
                .andExpect(jsonPath("$.bands.bor[0].proposal.explanation").value("nytta stor → nivå 3"))
                .andExpect(jsonPath("$.bands.bor[0].practice.verdict").value("consistent"))
                // when the nation's stored outcome reports behind the figures were computed
                .andExpect(jsonPath("$.practiceAsOf").value("2026-03-01T23:30:00Z"))
                .andExpect(jsonPath("$.bands.kan").isEmpty());
    }

    @Test
    void theSignedInProcessAnswerSpeaksCodes() throws Exception {
        when(processes.processes(any())).thenReturn(List.of(process(ProcessStatus.CONSULTATION, 0)));
        mvc.perform(get("/api/v1/priorities/processes").with(authentication(signedIn())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("consultation"))
                .andExpect(jsonPath("$[0].mode").value("social-services"))
                .andExpect(jsonPath("$[0].parameters.fouFrom").value("mycket-lag"))
                .andExpect(jsonPath("$[0].editable").doesNotExist());
    }

    @Test
    void aPairWithoutAConditionOrACostIsRefusedFieldByFieldInSwedish() throws Exception {
        mvc.perform(post("/api/v1/priorities/processes/3/pairs").with(csrf()).with(authentication(signedIn()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"targetGroup":"Vuxna","interventionCode":"CRA","benefit":"stor","benefitRationale":"a",
                                 "cost":" ","costRationale":"b","certainty":"hog","certaintyRationale":"c"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,"detail":"Fyll i alla obligatoriska fält.","field":"condition",
                         "errors":[{"field":"condition","message":"Fyll i alla obligatoriska fält."},
                                   {"field":"cost","message":"Välj nytta, kostnad och evidens."}]}"""));
        verifyNoInteractions(processes);
    }

    @Test
    void aProcessWithoutAPurposeOrFocusAreaIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(post("/api/v1/priorities/processes").with(csrf()).with(authentication(signedIn()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Våld\",\"focusAreas\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"field":"focusAreas",
                         "errors":[{"field":"focusAreas","message":"Välj minst ett verksamhetsområde."},
                                   {"field":"purpose","message":"Fyll i alla obligatoriska fält."}]}"""));
        verifyNoInteractions(processes);
    }

    @Test
    void aProposalWithoutAModeIsRefusedInSwedish() throws Exception {
        mvc.perform(post("/api/v1/priorities/proposal").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"benefit\":\"stor\",\"cost\":\"hog\",\"certainty\":\"lag\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"detail":"Välj ett läge.","field":"mode","errors":[{"field":"mode","message":"Välj ett läge."}]}"""));
        verifyNoInteractions(processes);
    }

    @Test
    void aScenarioAnswersWithCoverageReasonsAndBandsAsCodes() throws Exception {
        PublishedList list = new PublishedList(7, 2, PUBLISHED, "anna", process(ProcessStatus.PUBLISHED, 2),
                List.of(pairView()));
        Coverage.Line line = new Coverage.Line(11, Recommendation.rank(2), false, 1_000, 3);
        Coverage coverage = new Coverage(2_000, 0, false, 1, 0, 2_000, 1_000,
                List.of(new Coverage.LineResult(line, false, Coverage.Reason.OVER_BUDGET)),
                List.of(new Coverage.BandCost(Recommendation.Band.BOR, 3_000, 0)));
        when(scenarios.scenario(any(), org.mockito.ArgumentMatchers.eq(5L))).thenReturn(new ResourceScenarios.ScenarioView(
                new ResourceScenarios.Scenario(5, "1280", 7, 2, "Plan", 2_000,
                        List.of(new ResourceScenarios.ScenarioLine(11, 1_000, 3)), "chef", PUBLISHED), list, coverage));
        mvc.perform(get("/api/v1/priorities/scenarios/5").with(authentication(signedIn())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scenario.name").value("Plan"))
                .andExpect(jsonPath("$.result.shortfall").value(1000))
                .andExpect(jsonPath("$.result.lines[0].reason").value("over-budget"))
                .andExpect(jsonPath("$.result.bands[0].band").value("bor"))
                .andExpect(jsonPath("$.list.process.status").value("published"));
    }

    @Test
    void aSavedScenarioIsChangedAndDeletedThroughTheApi() throws Exception {
        PublishedList list = new PublishedList(7, 2, PUBLISHED, "anna", process(ProcessStatus.PUBLISHED, 2),
                List.of(pairView()));
        List<ResourceScenarios.ScenarioLine> lines = List.of(new ResourceScenarios.ScenarioLine(11, 1_500, 4));
        Coverage coverage = new Coverage(9_000, 0, false, 2, 3_000, 0, 0, List.of(), List.of());
        when(scenarios.update(any(), org.mockito.ArgumentMatchers.eq(5L), org.mockito.ArgumentMatchers.eq("Plan B"),
                org.mockito.ArgumentMatchers.eq(9_000L), org.mockito.ArgumentMatchers.eq(lines)))
                .thenReturn(new ResourceScenarios.ScenarioView(new ResourceScenarios.Scenario(5, "1280", 7, 2, "Plan B",
                        9_000, lines, "chef", PUBLISHED), list, coverage));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/priorities/scenarios/5")
                        .with(authentication(signedIn())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"listId":7,"version":2,"name":"Plan B","budget":9000,
                                 "lines":[{"pairId":11,"costPerClient":1500,"clients":4}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scenario.name").value("Plan B"))
                .andExpect(jsonPath("$.scenario.budget").value(9000));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/priorities/scenarios/5")
                        .with(authentication(signedIn())).with(csrf()))
                .andExpect(status().isNoContent());
        org.mockito.Mockito.verify(scenarios).delete(any(), org.mockito.ArgumentMatchers.eq(5L));
    }

    @Test
    void deletingAScenarioOfAnotherMunicipalityIsNotFound() throws Exception {
        org.mockito.Mockito.doThrow(new se.samsyn.priority.PriorityNotFound("scenario")).when(scenarios)
                .delete(any(), org.mockito.ArgumentMatchers.eq(6L));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/priorities/scenarios/6")
                        .with(authentication(signedIn())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    static org.springframework.security.core.Authentication signedIn() {
        return SignedIn.authenticationOf(new Actor("chef", Role.SOCIAL_DIRECTOR, Scope.municipality("1280")));
    }
}
