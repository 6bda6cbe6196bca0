package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.samsyn.TestDatabases;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The priority API and exports through the real security chain, on the demo list; its pairs name
 * entries of the knowledge guide's starting set, and a pair naming any other entry is refused.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class PriorityApiIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "priority-api");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    GuideEntries entries;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publishedListsArePublicAndGroupedByBand() throws Exception {
        mvc.perform(get("/api/v1/priorities/lists")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Missbruk och hemlöshet (demo)"))
                .andExpect(jsonPath("$[0].pairs").value(8));
        mvc.perform(get("/api/v1/priorities/lists/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.bands.bor[0].pair.interventionCode").value("CRA"))
                .andExpect(jsonPath("$.bands.bor[0].proposal.explanation").value("nytta mycket stor → nivå 1"))
                .andExpect(jsonPath("$.bands.fou[0].pair.interventionCode").value("BUDGET"))
                .andExpect(jsonPath("$.bands.undantag[0].pair.statutoryReference").value("SoL 4 kap. 1 §"))
                // the practice figures cover the last completed calendar year (ADR 0015, "Periods")
                .andExpect(jsonPath("$.practiceYears.first").value(lastCompletedYear()))
                .andExpect(jsonPath("$.practiceYears.last").value(lastCompletedYear()));
        mvc.perform(get("/api/v1/priorities/lists/1").param("lang", "en"))
                .andExpect(jsonPath("$.bands.bor[0].proposal.explanation").value("benefit very large → level 1"));
        mvc.perform(get("/priorities/lists/1")).andExpect(status().isOk());
        mvc.perform(get("/priorities/lists/1/print")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("print-view")));
        mvc.perform(get("/api/v1/priorities/lists/99")).andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiDocumentListsTheCodesAnswersAndRequestsUse() throws Exception {
        JsonNode docs = new JsonMapper().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("ListSummary").path("properties").path("mode").path("enum").toString())
                .isEqualTo("[\"social-services\",\"health-care\"]");
        assertThat(schemas.path("StatusRequest").path("properties").path("status").path("enum").toString())
                .isEqualTo("[\"draft\",\"consultation\",\"published\"]");
    }

    @Test
    void theOpenApiDocumentListsTheCriteriaCodesThePriorityBodiesTake() throws Exception {
        JsonNode schemas = new JsonMapper().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).path("components").path("schemas");
        assertThat(schemas.path("ProposalRequest").path("properties").path("benefit").path("enum").toString())
                .isEqualTo("[\"mycket-stor\",\"stor\",\"mattlig\",\"liten\",\"ingen\"]");
        assertThat(schemas.path("PairForm").path("properties").path("cost").path("enum").toString())
                .isEqualTo("[\"lag\",\"mattlig\",\"hog\",\"mycket-hog\"]");
        assertThat(schemas.path("ProcessForm").path("properties").path("mode").path("enum").toString())
                .isEqualTo("[\"social-services\",\"health-care\"]");
        assertThat(schemas.path("ProcessForm").path("required").toString()).contains("\"name\"", "\"purpose\"");
    }

    @Test
    void theExcelExportHoldsEveryPairWithItsRationale() throws Exception {
        MvcResult result = mvc.perform(get("/priorities/lists/1/list.xlsx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(8);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(4).getStringCellValue())
                    .isEqualTo("Community Reinforcement Approach (CRA)");
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("Missbruk och hemlöshet (demo)");
        }
    }

    @Test
    void processesNeedSignInAndTheRuleCanBeAskedDirectly() throws Exception {
        mvc.perform(get("/api/v1/priorities/processes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/priorities/processes/1").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        Cookie session = login("demo-national");
        mvc.perform(post("/api/v1/priorities/proposal").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"social-services\",\"benefit\":\"stor\",\"cost\":\"hog\",\"certainty\":\"lag\",\"severity\":\"mycket-stor\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendation").value("6"))
                .andExpect(jsonPath("$.explanation").value("nytta stor → nivå 3; kostnad hög → sänkt till 5; evidens låg → sänkt till 6"));
    }

    @Test
    void aGroupWorksThroughTheApiAndADirectorCannotEditANationalProcess() throws Exception {
        Cookie national = login("demo-national");
        MvcResult created = mvc.perform(post("/api/v1/priorities/processes").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"API-process\",\"focusAreas\":[\"violence\"],\"purpose\":\"Test\",\"members\":\"Grupp\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mode").value("social-services")).andReturn();
        long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
        MvcResult pair = mvc.perform(post("/api/v1/priorities/processes/" + id + "/pairs").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"condition":"Våldsutsatthet","targetGroup":"Vuxna","interventionCode":"STODSAMT",
                                 "benefit":"stor","benefitRationale":"a","cost":"hog","costRationale":"b",
                                 "certainty":"lag","certaintyRationale":"c"}"""))
                .andExpect(status().isCreated()).andReturn();
        long pairId = json.readTree(pair.getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(post("/api/v1/priorities/pairs/" + pairId + "/decision").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"2\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("rationale"))
                .andExpect(jsonPath("$.detail").value("Beslutet avviker från regelns förslag. Skriv en motivering."));

        Cookie director = login("demo-director");
        mvc.perform(post("/api/v1/priorities/pairs/" + pairId + "/decision").cookie(director).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"6\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/priorities/processes/" + id + "/status").cookie(director).with(csrf())
                .param("target", "consultation").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        JsonNode read = json.readTree(mvc.perform(get("/api/v1/priorities/processes/" + id).cookie(director))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(read.get("pairs").get(0).get("proposal").get("recommendation").asString()).isEqualTo("6");
        assertThat(read.get("practiceYears").get("first").asInt()).isEqualTo(lastCompletedYear());
    }

    @Test
    void healthCareProcessesAskForSeverityAndNeverRankBetterThanItImplies() throws Exception {
        Cookie director = login("demo-director");
        MvcResult created = mvc.perform(post("/api/v1/priorities/processes").cookie(director).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Kommunal hälso- och sjukvård\",\"mode\":\"health-care\",\"focusAreas\":[\"elderly-care\"],\"purpose\":\"Test\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.scope.code").value("1280")).andReturn();
        long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
        MvcResult pair = mvc.perform(post("/api/v1/priorities/processes/" + id + "/pairs").cookie(director).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"condition":"Trycksår","targetGroup":"Äldre i särskilt boende","interventionText":"Tryckavlastning",
                                 "benefit":"mycket-stor","benefitRationale":"a","cost":"lag","costRationale":"b",
                                 "certainty":"hog","certaintyRationale":"c","severity":"mattlig","severityRationale":"d"}"""))
                .andExpect(status().isCreated()).andReturn();
        long pairId = json.readTree(pair.getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(get("/api/v1/priorities/processes/" + id).cookie(director))
                .andExpect(jsonPath("$.pairs[0].proposal.recommendation").value("5"))
                .andExpect(jsonPath("$.pairs[0].proposal.explanation").value("svårighetsgrad måttlig → nivå 5"));
        mvc.perform(get("/priorities/pairs/" + pairId).cookie(director)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"severity\"")));
        mvc.perform(get("/priorities/lists/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void theDemoPairsNameStartingSetEntriesShownByTitleAndAPairNamesOnlyPublishedEntries() throws Exception {
        mvc.perform(get("/api/v1/priorities/lists/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.bands.bor[0].pair.interventionCode").value("CRA"))
                .andExpect(jsonPath("$.bands.bor[0].pair.methodEntry").value("community-reinforcement-approach"))
                .andExpect(jsonPath("$.bands.bor[0].pair.guidelineEntry").value("nationella-riktlinjer-missbruk-och-beroende"));
        Document list = Jsoup.parse(mvc.perform(get("/priorities/lists/1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select(".guide-ref a.method-entry").eachText()).containsExactlyInAnyOrder(
                "Motiverande samtal (MI)", "Återfallsprevention (ÅP)", "Community Reinforcement Approach (CRA)",
                "Tolvstegsbehandling (TSF)", "Bostad först (Housing First)", "Individanpassat stöd till arbete (IPS)",
                "Budget- och skuldrådgivning");
        assertThat(list.select(".guide-ref a.guideline-entry").eachText()).hasSize(8)
                .containsOnly("Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(list.select(".guide-ref a.guideline-entry").eachAttr("href"))
                .containsOnly("/guide/entries/nationella-riktlinjer-missbruk-och-beroende");
        assertThat(list.select(".guide-ref em")).isEmpty();
        assertThat(list.select("#main").text()).doesNotContain("nationella-riktlinjer-missbruk-och-beroende");

        entries.create(new Actor("prio-editor", Role.KNOWLEDGE_EDITOR, Scope.nation()), new EntryContent(
                "utkast-for-prioritering", "method", "Ett utkast", "Kort.", "Text.", List.of(), List.of(), "SKR", null,
                null, null, null));
        Cookie national = login("demo-national");
        MvcResult created = mvc.perform(post("/api/v1/priorities/processes").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Guidens uppslag\",\"focusAreas\":[\"substance-use\"],\"purpose\":\"Test\"}"))
                .andExpect(status().isCreated()).andReturn();
        long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
        String pair = """
                {"condition":"Riskbruk av alkohol","targetGroup":"Vuxna","interventionCode":"MI",
                 "benefit":"stor","benefitRationale":"a","cost":"lag","costRationale":"b",
                 "certainty":"mattlig","certaintyRationale":"c","methodEntry":"%s","guidelineEntry":"%s"}""";
        String refused = """
                {"status":422,"field":"%s",
                 "detail":"Uppslaget finns inte bland kunskapsguidens publicerade uppslag. Välj ett uppslag i listan eller Inget uppslag."}""";
        mvc.perform(post("/api/v1/priorities/processes/" + id + "/pairs").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(pair.formatted("finns-inte", "")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().json(refused.formatted("methodEntry")));
        mvc.perform(post("/api/v1/priorities/processes/" + id + "/pairs").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pair.formatted("motiverande-samtal", "utkast-for-prioritering")))
                .andExpect(status().isUnprocessableContent()).andExpect(content().json(refused.formatted("guidelineEntry")));
        mvc.perform(get("/api/v1/priorities/processes/" + id).cookie(national))
                .andExpect(jsonPath("$.pairs").isEmpty());
        mvc.perform(post("/api/v1/priorities/processes/" + id + "/pairs").cookie(national).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pair.formatted(" motiverande-samtal ", "nationella-riktlinjer-missbruk-och-beroende")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.methodEntry").value("motiverande-samtal"))
                .andExpect(jsonPath("$.guidelineEntry").value("nationella-riktlinjer-missbruk-och-beroende"));
    }

    private Cookie login(String username) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, "demo");
    }

    /** The year before today's in Sweden, read independently of the application's own rule. */
    private static int lastCompletedYear() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).getYear() - 1;
    }
}
