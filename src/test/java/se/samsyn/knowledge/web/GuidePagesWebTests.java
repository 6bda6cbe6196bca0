package se.samsyn.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryVersion;
import se.samsyn.knowledge.FacetValue;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.SearchResult;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The public guide's pages on the web layer alone (services mocked): what the entry page shows the
 * public and an editor (the workflow buttons come from the entry's status), and the search page's
 * hits and facets in Swedish.
 */
@WebSliceTest(GuidePages.class)
class GuidePagesWebTests {

    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());


    @Autowired
    MockMvc mvc;

    @MockitoBean
    GuideSearch search;
    @MockitoBean
    GuideEntries entries;
    @MockitoBean
    GuideCollections collections;
    @MockitoBean
    se.samsyn.knowledge.EntryPanels panels;

    static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }

    static Entry entry(String status) {
        return new Entry(7, "traumasamtal", "method", "Traumamedvetna samtal", "Stödsamtal efter våld.",
                "Samtal i **grupp**.", List.of("violence"), List.of("adults"), "Socialstyrelsen", "grade-mattlig",
                LocalDate.of(2025, 1, 1), null, "https://www.socialstyrelsen.se/", status, 3,
                Instant.parse("2026-02-01T09:00:00Z"), "redaktor", Instant.parse("2026-01-15T09:00:00Z"));
    }

    @Test
    @WithMockUser
    void thePublicSeesTheEntryWithItsFactsAndReferencesButNoEditorPanel() throws Exception {
        when(entries.visible(null, "traumasamtal")).thenReturn(entry("published"));
        when(entries.referencesTo("traumasamtal")).thenReturn(List.of(
                new KnowledgeReference("followup-intervention", "Traumasamtal (TS)", "/followup/catalogue#intervention-TS", null)));
        Document page = Jsoup.parse(mvc.perform(get("/guide/entries/traumasamtal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Traumamedvetna samtal");
        assertThat(page.select(".meta .tag").eachText()).containsExactly("Metod eller insats");
        assertThat(page.selectFirst(".entry-body").html()).isEqualTo("<p>Samtal i <strong>grupp</strong>.</p>");
        assertThat(page.select("dl.facts dd").eachText()).contains("Socialstyrelsen",
                "GRADE: måttlig tillförlitlighet", "Vuxna", "2025-01-01", "https://www.socialstyrelsen.se/");
        assertThat(page.select("#references a").attr("href")).isEqualTo("/followup/catalogue#intervention-TS");
        assertThat(page.selectFirst(".editor-panel")).isNull();
        assertThat(page.selectFirst("#entry-status")).isNull();
        verify(entries, never()).versions(any(), any());
    }

    @Test
    @WithMockUser
    void anotherModulesPanelShowsOnTheEntryWithoutTheGuideKnowingTheModule() throws Exception {
        when(entries.visible(null, "traumasamtal")).thenReturn(entry("published"));
        when(panels.panelsFor("traumasamtal")).thenReturn(List.of(new se.samsyn.knowledge.EntryPanel("trials-panel",
                "trials.guide.heading", List.of(new se.samsyn.knowledge.EntryPanel.Row("Samtal i Skåne", "/trials/3",
                        "trials.decision.roll-out", "Malmö Barn och unga · 2026-03-02 – 2026-06-30")))));
        Document page = Jsoup.parse(mvc.perform(get("/guide/entries/traumasamtal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#trials-panel h2").text()).isEqualTo("Prövningar av verktyget");
        assertThat(page.select("#trials-panel li a").attr("href")).isEqualTo("/trials/3");
        assertThat(page.select("#trials-panel li").text())
                .isEqualTo("Införs Samtal i Skåne Malmö Barn och unga · 2026-03-02 – 2026-06-30");
    }

    @Test
    void anEditorSeesTheStatusTheVersionsAndOnlyTheMovesThePublishedStatusAllows() throws Exception {
        when(entries.mayEdit(EDITOR)).thenReturn(true);
        when(entries.visible(EDITOR, "traumasamtal")).thenReturn(entry("published"));
        when(entries.versions(EDITOR, "traumasamtal")).thenReturn(List.of(
                new EntryVersion(3, "published", "published", Instant.parse("2026-02-01T09:00:00Z"), "redaktor")));
        Document page = Jsoup.parse(mvc.perform(get("/guide/entries/traumasamtal").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#entry-status").text()).isEqualTo("Publicerad");
        assertThat(page.select(".editor-panel form button").eachText()).containsExactly("Arkivera");
        assertThat(page.select(".editor-panel input[name=to]").eachAttr("value")).containsExactly("archived");
        assertThat(page.selectFirst("#edit-entry")).isNotNull();
        assertThat(page.selectFirst("#delete-entry")).isNull();
        assertThat(page.select("#versions tbody td").eachText().get(0)).isEqualTo("3");
        assertThat(page.select("#versions tbody td").eachText().get(4)).isEqualTo("redaktor");
    }

    @Test
    void anArchivedEntryMayBeRestoredOrDeletedButNotEdited() throws Exception {
        when(entries.mayEdit(EDITOR)).thenReturn(true);
        when(entries.visible(EDITOR, "traumasamtal")).thenReturn(entry("archived"));
        Document page = Jsoup.parse(mvc.perform(get("/guide/entries/traumasamtal").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".editor-panel form button").eachText())
                .containsExactly("Tillbaka till utkast", "Ta bort");
        assertThat(page.selectFirst("#edit-entry")).isNull();
        assertThat(page.selectFirst("#delete-entry")).isNotNull();
    }

    @Test
    void anEntryInReviewMayGoBackToDraftOrBePublished() throws Exception {
        when(entries.mayEdit(EDITOR)).thenReturn(true);
        when(entries.visible(EDITOR, "traumasamtal")).thenReturn(entry("review"));
        Document page = Jsoup.parse(mvc.perform(get("/guide/entries/traumasamtal").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".editor-panel input[name=to]").eachAttr("value")).containsExactly("draft", "published");
        assertThat(page.selectFirst("#delete-entry")).isNull();
    }

    @Test
    @WithMockUser
    void theSearchPageShowsTheHitsAndTheFacetsInSwedish() throws Exception {
        when(search.search(any())).thenReturn(new SearchResult("samtal", 1,
                List.of(new Hit("traumasamtal", "method", "Traumamedvetna samtal", "Traumamedvetna <mark>samtal</mark>",
                        "Stödsamtal efter våld.", "Socialstyrelsen", "grade-mattlig", List.of("violence"),
                        List.of("adults"), null, 1.5f)),
                Map.of("type", List.of(new FacetValue("method", 1, true)), "focus", List.of(),
                        "target", List.of(new FacetValue("adults", 1, false)), "publisher", List.of(),
                        "evidence", List.of()), 0, 20));
        Document page = Jsoup.parse(mvc.perform(get("/guide").param("q", "samtal").param("type", "method")
                        )
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("1 träff");
        assertThat(page.select("#hits li h3 a").attr("href")).isEqualTo("/guide/entries/traumasamtal");
        assertThat(page.select("#hits li h3 mark").text()).isEqualTo("samtal");
        assertThat(page.select("#hits .meta .tag").eachText())
                .containsExactly("Metod eller insats", "GRADE: måttlig tillförlitlighet");
        assertThat(page.select("#facet-type label").text()).isEqualTo("Metod eller insats (1)");
        assertThat(page.selectFirst("#f-type-0").hasAttr("checked")).isTrue();
        assertThat(page.select("#facet-target label").text()).isEqualTo("Vuxna (1)");
        assertThat(page.selectFirst("#facet-focus")).isNull();
        assertThat(page.selectFirst("#clear-filters")).isNotNull();
        assertThat(page.selectFirst("#manage-link")).isNull();
    }

    @Test
    @WithMockUser
    void aSearchThatFindsNothingOffersTheSpellingThatFinds() throws Exception {
        when(search.search(any())).thenReturn(new SearchResult("misbruk", 0, List.of(),
                Map.of("type", List.of(), "focus", List.of(), "target", List.of(), "publisher", List.of(),
                        "evidence", List.of()), 0, 20, "missbruk"));
        Document page = Jsoup.parse(mvc.perform(get("/guide").param("q", "misbruk"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#did-you-mean").text()).isEqualTo("Menade du missbruk?");
        assertThat(page.selectFirst("#did-you-mean a").attr("href")).isEqualTo("/guide?q=missbruk");
        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("0 träffar");
    }
}
