package se.samsyn.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.EvidenceLevel;
import se.samsyn.knowledge.TargetGroup;
import se.samsyn.knowledge.GuideCollection;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.Suggestion;

/**
 * The guide's API and pages on the web layer alone (services mocked): Bean Validation of request
 * bodies, the exact public answer for collections, and the htmx suggestion fragment.
 */
@WebMvcTest(controllers = {GuideApi.class, GuidePages.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "se\\.samsyn\\.platform\\.internal\\.LayoutModel"))
@WithMockUser
class GuideWebTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GuideEntries entries;

    @MockitoBean
    GuideSearch search;

    @MockitoBean
    GuideCollections collections;

    @MockitoBean
    GuideImport importer;

    @Test
    void anEntryBodyWithoutTitleAndWithTooLongAPublisherIsRefusedFieldByFieldInSwedish() throws Exception {
        String body = """
                {"type":"method","title":"  ","summary":"Kort.","publisher":"%s"}""".formatted("x".repeat(101));
        mvc.perform(post("/api/v1/guide/entries").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,
                         "detail":"Titeln måste fyllas i (högst 200 tecken).",
                         "field":"title",
                         "errors":[{"field":"title","message":"Titeln måste fyllas i (högst 200 tecken)."},
                                   {"field":"publisher","message":"Utgivaren måste fyllas i (högst 100 tecken)."}]}"""));
        verifyNoInteractions(entries);
    }

    @Test
    void theSameRefusalInEnglish() throws Exception {
        mvc.perform(post("/api/v1/guide/entries").param("lang", "en").header("Accept-Language", "en").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"method\",\"title\":\"Titel\",\"summary\":\"\",\"publisher\":\"SKR\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"field":"summary","errors":[{"field":"summary","message":"%s"}]}"""
                        .formatted(english("guide.error.summary"))));
    }

    @Test
    void theCollectionsAnswerIsExactlyThePublicFieldsWithoutWhoCreatedThem() throws Exception {
        when(collections.all()).thenReturn(List.of(new GuideCollection(3, "nya-socialsekreterare", "Introduktion",
                "För nya", "municipality", "1280", "anna", Instant.parse("2026-03-01T10:15:00Z"),
                List.of(new EntrySummary("lss", "regulation", "LSS", "Lagen", "Riksdagen", "published")))));
        mvc.perform(get("/api/v1/guide/collections"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"id":3,"slug":"nya-socialsekreterare","title":"Introduktion","description":"För nya",
                          "scopeType":"municipality","scopeCode":"1280","updatedAt":"2026-03-01T10:15:00Z",
                          "entries":[{"slug":"lss","type":"regulation","title":"LSS","summary":"Lagen",
                                      "publisher":"Riksdagen","status":"published"}]}]""", JsonCompareMode.STRICT));
    }

    @Test
    void theSuggestionFragmentListsTheTitlesWithTheirTypeAndLink() throws Exception {
        when(search.suggest("dem")).thenReturn(List.of(
                new Suggestion("nationella-riktlinjer-demenssjukdom", "Nationella riktlinjer för demenssjukdom", "guideline")));
        String html = mvc.perform(get("/guide/suggest").param("q", "dem").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document fragment = Jsoup.parseBodyFragment(html);
        assertThat(fragment.select("html > body > *")).hasSize(1);
        assertThat(fragment.select("ul#suggestion-list > li")).hasSize(1);
        assertThat(fragment.select("li > a").text()).isEqualTo("Nationella riktlinjer för demenssjukdom");
        assertThat(fragment.select("li > a").attr("href")).isEqualTo("/guide/entries/nationella-riktlinjer-demenssjukdom");
        assertThat(fragment.select("li > small").text()).isEqualTo("Riktlinje eller rekommendation");
        assertThat(html).doesNotContain("<html", "<nav");
        verify(search).suggest(any());
    }

    @Test
    void aCreatedEntryIsAnsweredWithItsCodesAndWithoutWhoSavedIt() throws Exception {
        when(entries.create(any(), any())).thenReturn(new Entry(9, "ny-metod", "method", "Ny metod", "Kort.", "",
                List.of("violence"), List.of("young-people"), "SKR", "rank-3", LocalDate.of(2026, 1, 1), null, null,
                "draft", 1, Instant.parse("2026-03-01T10:15:00Z"), "redaktor", null));
        mvc.perform(post("/api/v1/guide/entries").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"slug":"ny-metod","type":"method","title":"Ny metod","summary":"Kort.","publisher":"SKR",
                         "focusAreas":["violence"],"targetGroups":["young-people"],"evidence":"rank-3",
                         "validFrom":"2026-01-01"}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        {"id":9,"slug":"ny-metod","type":"method","title":"Ny metod","summary":"Kort.","body":"",
                         "focusAreas":["violence"],"targetGroups":["young-people"],"publisher":"SKR",
                         "evidence":"rank-3","validFrom":"2026-01-01","reviewDue":null,"sourceUrl":null,
                         "status":"draft","version":1,"updatedAt":"2026-03-01T10:15:00Z","publishedAt":null}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void aMoveToAnUnknownStatusIsRefusedInSwedishWithoutCallingTheGuide() throws Exception {
        mvc.perform(post("/api/v1/guide/entries/lss/transitions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"PUBLISHED_NOW\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,"field":"to","detail":"Posten kan inte flyttas till den statusen härifrån."}"""));
        verifyNoInteractions(entries);
    }

    @Test
    void aListOfAnUnknownStatusIsRefusedInSwedish() throws Exception {
        mvc.perform(get("/api/v1/guide/entries").param("status", "hidden"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":422,"field":"status","detail":"Okänd status."}"""));
        verifyNoInteractions(entries);
    }

    @Test
    void theCodesOfTheGuideAreWrittenAsTheRequestsTakeThem() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(json.writeValueAsString(List.of(EntryStatus.PUBLISHED, EntryType.GUIDELINE,
                EvidenceLevel.GRADE_VERY_LOW, TargetGroup.YOUNG_PEOPLE)))
                .isEqualTo("[\"published\",\"guideline\",\"grade-mycket-lag\",\"young-people\"]");
    }

    private static String english(String key) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = GuideWebTests.class.getResourceAsStream("/i18n/knowledge_en.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.getProperty(key);
    }
}
