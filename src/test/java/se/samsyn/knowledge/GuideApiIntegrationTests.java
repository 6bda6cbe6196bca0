package se.samsyn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.samsyn.TestDatabases;

/** The guide through the real security chain: public reads, editor writes, problem details, feed and pages. */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class GuideApiIntegrationTests {

    static final String ENTRY = """
            {"slug":"api-post","type":"training","title":"Webbkurs om samordnad individuell plan",
             "summary":"Kort kurs.","body":"Text med <script>x</script>.","focusAreas":["disability"],
             "targetGroups":["staff"],"publisher":"SKR","evidence":null,"sourceUrl":"https://skr.se/"}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "guide-api");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void thePublicReadsPublishedEntriesSearchCollectionsAndTheFeed() throws Exception {
        mvc.perform(get("/api/v1/guide/search").param("q", "demens").param("type", "guideline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].slug").value("nationella-riktlinjer-demenssjukdom"))
                .andExpect(jsonPath("$.facets.type[?(@.value == 'guideline')].count").value(1));
        mvc.perform(get("/api/v1/guide/entries/lss")).andExpect(status().isOk())
                .andExpect(jsonPath("$.entry.type").value("regulation"))
                .andExpect(jsonPath("$.bodyHtml").value(org.hamcrest.Matchers.containsString("<p>")));
        mvc.perform(get("/api/v1/guide/entries/motiverande-samtal")).andExpect(status().isOk())
                .andExpect(jsonPath("$.references[0].kind").value("followup-intervention"));
        mvc.perform(get("/api/v1/guide/suggestions").param("q", "bost"))
                .andExpect(jsonPath("$[0].slug").value("bostad-forst"));
        mvc.perform(get("/api/v1/guide/collections")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/guide/entries/no-such-entry")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        MvcResult feed = mvc.perform(get("/guide/feed.atom")).andExpect(status().isOk()).andReturn();
        assertThat(feed.getResponse().getContentType()).startsWith("application/atom+xml");
        assertThat(feed.getResponse().getContentAsString()).contains("<feed", "http://www.w3.org/2005/Atom",
                "/guide/entries/lss", "Publicerad: Lag (1993:387)");
        mvc.perform(get("/guide")).andExpect(status().isOk());
        mvc.perform(get("/guide").param("q", "missbruk").param("focus", "substance-use")).andExpect(status().isOk());
        mvc.perform(get("/guide/entries/bbic")).andExpect(status().isOk());
        mvc.perform(get("/guide/suggest").param("q", "dem")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/guide/entries/nationella-riktlinjer-demenssjukdom")));
        mvc.perform(get("/guide/collections")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/guide/search")));
    }

    @Test
    void writingNeedsAKnowledgeEditor() throws Exception {
        mvc.perform(post("/api/v1/guide/entries").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(ENTRY))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/guide/manage").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/guide/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/guide/entries/lss/versions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/guide/entries").param("status", "draft")).andExpect(status().isUnauthorized());
        Cookie analyst = login("demo-national");
        mvc.perform(post("/api/v1/guide/entries").cookie(analyst).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(ENTRY)).andExpect(status().isForbidden());
        mvc.perform(get("/guide/manage").cookie(analyst)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/guide/entries/lss/versions").cookie(analyst)).andExpect(status().isForbidden());
    }

    @Test
    void anEditorWritesThroughTheApiAndMeetsTheReferenceGuard() throws Exception {
        Cookie editor = login("demo-editor");
        mvc.perform(post("/api/v1/guide/entries").cookie(editor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(ENTRY)).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("draft"));
        mvc.perform(get("/api/v1/guide/entries/api-post")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/guide/entries/api-post").cookie(editor)).andExpect(status().isOk())
                .andExpect(jsonPath("$.bodyHtml").value(org.hamcrest.Matchers.containsString("&lt;script&gt;")));
        mvc.perform(post("/api/v1/guide/entries/api-post/transitions").cookie(editor).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"published\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(post("/api/v1/guide/entries/motiverande-samtal/transitions").cookie(editor).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"archived\"}"))
                .andExpect(status().isConflict())
                // the catalogue intervention, and the pair that ranks it in the demo's published priority list
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Posten används på 2 ställen")))
                .andExpect(jsonPath("$.references[*].kind").value(
                        org.hamcrest.Matchers.containsInAnyOrder("followup-intervention", "priority-pair")))
                .andExpect(jsonPath("$.references[?(@.kind == 'followup-intervention')].label").value("Motiverande samtal (MI)"));
        mvc.perform(get("/api/v1/guide/entries/api-post/versions").cookie(editor)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("created"));
        mvc.perform(delete("/api/v1/guide/entries/api-post").cookie(editor).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/guide/imports").cookie(editor).with(csrf()).contentType("text/csv")
                .content("slug,type,title,summary,publisher\nx-1,method,,Sammanfattning,SKR\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(1)).andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(get("/api/v1/guide/export").param("format", "csv").cookie(editor)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("slug,type,title,summary,body")));
    }

    private Cookie login(String username) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, "demo");
    }
}
