package se.samsyn.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
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
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntrySummary;
import se.samsyn.knowledge.GuideCollection;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The guide's collections on the web layer alone: the list, the new-collection form only for
 * those who may curate (the controller decides), and a refused collection named by its message key.
 */
@WebSliceTest(CollectionPages.class)
class CollectionPagesWebTests {

    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());
    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    GuideCollections collections;
    @MockitoBean
    GuideEntries entries;

    static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }

    private void oneCollectionGiven() {
        when(collections.all()).thenReturn(List.of(new GuideCollection(1, "boende", "Boende", "Insatser för boende",
                "NATION", "0000", "redaktor", Instant.parse("2025-01-02T08:00:00Z"), List.of())));
    }

    @Test
    void anEditorSeesTheCollectionsAndTheForm() throws Exception {
        oneCollectionGiven();
        when(collections.mayCurate(EDITOR)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/guide/collections").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Samlingar");
        assertThat(page.select("#collection-list li").eachText()).containsExactly("Boende Insatser för boende");
        assertThat(page.selectFirst("#collection-list a").attr("href")).isEqualTo("/guide/collections/boende");
        assertThat(page.selectFirst("#create-collection")).isNotNull();
    }

    @Test
    void aCaseWorkerSeesTheCollectionsWithoutTheForm() throws Exception {
        oneCollectionGiven();
        Document page = Jsoup.parse(mvc.perform(get("/guide/collections").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#collection-list li")).hasSize(1);
        assertThat(page.selectFirst("#create-collection")).isNull();
    }

    @Test
    void aRefusedCollectionIsNamedByItsMessage() throws Exception {
        when(collections.create(EDITOR, " ", "")).thenThrow(new EntryRejected("title", "guide.error.title"));
        mvc.perform(post("/guide/collections").param("title", " ").with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/guide/collections"))
                .andExpect(flash().attribute("flashError", "guide.error.title"));
    }

    @Test
    void whoMayChangeACollectionSeesItsRemoveButtonsAndThePublishedEntriesNotYetInIt() throws Exception {
        GuideCollection boende = new GuideCollection(1, "boende", "Boende", "Insatser för boende", "NATION", "0000",
                "redaktor", Instant.parse("2025-01-02T08:00:00Z"),
                List.of(new EntrySummary("bostad-forst", "method", "Bostad först", "Eget kontrakt först.", "SKR",
                        "published")));
        when(collections.collection(EDITOR, "boende")).thenReturn(boende);
        when(collections.mayChange(EDITOR, boende)).thenReturn(true);
        when(entries.published()).thenReturn(List.of(published("bostad-forst", "Bostad först"),
                published("lss", "Lag om stöd och service")));
        Document page = Jsoup.parse(mvc.perform(get("/guide/collections/boende").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Boende");
        assertThat(page.selectFirst(".note").text()).isEqualTo("Sammanställd av redaktor");
        assertThat(page.select("#collection-entries h2 a").eachText()).containsExactly("Bostad först");
        assertThat(page.select("#collection-entries .meta").text()).isEqualTo("Metod eller insats SKR");
        assertThat(page.select("#collection-entries form").attr("action"))
                .isEqualTo("/guide/collections/boende/entries/bostad-forst/remove");
        assertThat(page.select("#add-entry option").eachAttr("value")).containsExactly("lss");
    }

    @Test
    void aCaseWorkerReadsACollectionWithoutWaysToChangeIt() throws Exception {
        GuideCollection boende = new GuideCollection(1, "boende", "Boende", "Insatser för boende", "NATION", "0000",
                "redaktor", Instant.parse("2025-01-02T08:00:00Z"), List.of());
        when(collections.collection(CASE_WORKER, "boende")).thenReturn(boende);
        Document page = Jsoup.parse(mvc.perform(get("/guide/collections/boende").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#collection-entries li")).isEmpty();
        assertThat(page.select("p.note").eachText()).contains("Samlingen har inga publicerade poster ännu.");
        assertThat(page.selectFirst("#add-entry")).isNull();
        verify(entries, never()).published();
    }

    @Test
    void anEntryThatIsNotPublishedIsNotAddedAndTheCuratorIsToldWhy() throws Exception {
        when(collections.add(EDITOR, "boende", "utkast")).thenThrow(EntryNotFound.forSlug("utkast"));
        mvc.perform(post("/guide/collections/boende/entries").param("entry", "utkast")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(redirectedUrl("/guide/collections/boende"))
                .andExpect(flash().attribute("flashError", "guide.error.not-published"));
    }

    private static Entry published(String slug, String title) {
        return new Entry(1, slug, "method", title, "Kort.", "", List.of(), List.of(), "SKR", null, null, null, null,
                "published", 1, Instant.parse("2025-01-02T08:00:00Z"), "redaktor", Instant.parse("2025-01-02T08:00:00Z"));
    }
}
