package se.samsyn.knowledge.web;

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
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The guide editor's pages on the web layer alone: the new-entry form only for editors (the
 * controller checks), and a refused entry shown on its form in Swedish with what was typed kept.
 */
@WebSliceTest(GuideEditorPages.class)
@org.springframework.context.annotation.Import(se.samsyn.imports.HeldUploads.class)
class GuideEditorPagesWebTests {

    static final Actor EDITOR = new Actor("redaktor", Role.KNOWLEDGE_EDITOR, Scope.nation());
    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    GuideEntries entries;
    @MockitoBean
    GuideImport importer;

    static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }

    @Test
    void onlyEditorsGetTheNewEntryForm() throws Exception {
        when(entries.mayEdit(EDITOR)).thenReturn(true);
        mvc.perform(get("/guide/manage/new").with(authentication(as(ANALYST)))).andExpect(status().isForbidden());
        Document page = Jsoup.parse(mvc.perform(get("/guide/manage/new").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Ny post");
        assertThat(page.selectFirst("#form-error")).isNull();
    }

    @Test
    void aRefusedEntryIsShownOnItsFormInSwedish() throws Exception {
        when(entries.create(eq(EDITOR), any())).thenThrow(new EntryRejected("title", "guide.error.title"));
        Document page = Jsoup.parse(mvc.perform(post("/guide/manage/new").param("title", "Ny metod")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#form-error").text()).isEqualTo("Titeln måste fyllas i (högst 200 tecken).");
        assertThat(page.selectFirst("input[name=title]").attr("value")).isEqualTo("Ny metod");

        when(entries.visible(EDITOR, "traumasamtal")).thenReturn(new Entry(7, "traumasamtal", "method", "Traumasamtal",
                "Kort.", "", List.of(), List.of(), "SKR", null, null, null, null, "draft", 3,
                Instant.parse("2026-02-01T09:00:00Z"), "redaktor", Instant.parse("2026-02-01T09:00:00Z")));
        when(entries.update(eq(EDITOR), eq("traumasamtal"), any())).thenThrow(new EntryRejected("title", "guide.error.title"));
        Document edit = Jsoup.parse(mvc.perform(post("/guide/entries/traumasamtal/edit").param("title", "Traumasamtal i grupp")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(edit.selectFirst("#form-error").text()).isEqualTo("Titeln måste fyllas i (högst 200 tecken).");
        assertThat(edit.selectFirst("input[name=title]").attr("value")).isEqualTo("Traumasamtal i grupp");
    }

    @Test
    void aMoveAlongTheWorkflowIsConfirmedByItsStatus() throws Exception {
        when(entries.transition(EDITOR, "traumasamtal", EntryStatus.PUBLISHED)).thenReturn(new Entry(7, "traumasamtal",
                "method", "Traumasamtal", "Kort.", "", List.of(), List.of(), "SKR", null, null, null, null, "published", 3,
                Instant.parse("2026-02-01T09:00:00Z"), "redaktor", Instant.parse("2026-02-01T09:00:00Z")));
        mvc.perform(post("/guide/entries/traumasamtal/status").param("to", "published")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(redirectedUrl("/guide/entries/traumasamtal"))
                .andExpect(flash().attribute("flash", "guide.flash.status.published"))
                .andExpect(flash().attribute("flashArg", "Traumasamtal"));
    }

    @Test
    void archivingAReferencedEntryShowsWhatRefersToIt() throws Exception {
        List<KnowledgeReference> used = List.of(new KnowledgeReference("followup-intervention", "Motiverande samtal (MI)",
                "/followup/catalogue#intervention-MI", null));
        when(entries.transition(EDITOR, "motiverande-samtal", EntryStatus.ARCHIVED))
                .thenThrow(new EntryReferenced("motiverande-samtal", used));
        mvc.perform(post("/guide/entries/motiverande-samtal/status").param("to", "archived")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(redirectedUrl("/guide/entries/motiverande-samtal"))
                .andExpect(flash().attribute("blockedBy", used))
                .andExpect(flash().attribute("blockedAction", "archive"));
    }

    @Test
    void aMoveToAnUnknownStatusIsNamedByItsMessage() throws Exception {
        mvc.perform(post("/guide/entries/traumasamtal/status").param("to", "gone")
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(redirectedUrl("/guide/entries/traumasamtal"))
                .andExpect(flash().attribute("flashError", "guide.error.transition"));
        verify(entries, never()).transition(any(), any(), any());
    }

    @Test
    void theImportListsTheAllowedCodesWithNamesAndLinksTheTemplates() throws Exception {
        when(entries.mayEdit(EDITOR)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/guide/manage").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#codes-type tbody tr").first().text()).isEqualTo("method Metod eller insats");
        assertThat(page.select("#codes-target_groups tbody tr").eachText()).contains("adults Vuxna");
        assertThat(page.select("#codes-focus_areas tbody tr").eachText()).contains("substance-use Missbruk och beroende");
        assertThat(page.select("#codes-evidence tbody tr").eachText())
                .contains("fou FoU (endast inom forskning och utveckling)");
        assertThat(page.select("#codes-status tbody tr").eachText())
                .containsExactly("draft Utkast", "review Granskas", "published Publicerad");
        assertThat(page.selectFirst("#template-csv").attr("href")).isEqualTo("/guide/manage/import/template.csv");
        assertThat(page.selectFirst("#template-json").attr("href")).isEqualTo("/guide/manage/import/template.json");

        when(importer.template("csv")).thenReturn("slug,type\nexempel,method\n");
        var csv = mvc.perform(get("/guide/manage/import/template.csv").with(authentication(as(EDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("slug,type\nexempel,method\n");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"samsyn-kunskapsguide.csv\"");
        mvc.perform(get("/guide/manage/import/template.csv").with(authentication(as(ANALYST))))
                .andExpect(status().isForbidden());
    }

    /** A rejected import answers 422 with its rows' reasons and offers nothing to import. */
    @Test
    void aRejectedImportAnswers422WithTheReasons() throws Exception {
        when(importer.run(eq(EDITOR), eq("csv"), any(), eq(true))).thenReturn(new se.samsyn.knowledge.ImportOutcome(
                "rejected", 1, 0, 0, 0, List.of(new se.samsyn.knowledge.ImportOutcome.RowError(1, "title",
                        "guide.error.title", List.of()))));
        Document page = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/guide/manage/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "guide.csv", "text/csv",
                                "slug,type\nexempel,method\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("dryRun", "true").with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#import-result").text()).isEqualTo("Importen avvisades – inget är sparat");
        assertThat(page.select("#import-errors tbody tr td").eachText())
                .containsExactly("1", "title", "Titeln måste fyllas i (högst 200 tecken).");
        assertThat(page.selectFirst("form#import-held")).isNull();
    }

    @Test
    void aGoodDryRunOffersImportNowWhichImportsExactlyTheHeldFile() throws Exception {
        List<byte[]> seen = new java.util.ArrayList<>();
        when(importer.run(eq(EDITOR), eq("csv"), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenAnswer(call -> {
            seen.add(((java.io.InputStream) call.getArgument(2)).readAllBytes());
            boolean dry = call.getArgument(3);
            return new se.samsyn.knowledge.ImportOutcome(dry ? "valid" : "imported", 1, 1, 0, 0, List.of());
        });
        byte[] file = "slug,type\nexempel,method\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Document dry = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/guide/manage/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "guide.csv", "text/csv", file))
                        .param("dryRun", "true").with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/guide/manage/import/held");
        assertThat(held.attr("data-confirm")).isEqualTo("Importera guide.csv nu? Raderna sparas.");
        assertThat(held.selectFirst("#import-now").text()).isEqualTo("Importera nu");
        String token = held.selectFirst("input[name=token]").attr("value");

        Document done = Jsoup.parse(mvc.perform(post("/guide/manage/import/held").param("token", token)
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(done.selectFirst("#import-result").text()).isEqualTo("Importen är klar");
        assertThat(done.selectFirst("form#import-held")).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(file);
        verify(importer).run(eq(EDITOR), eq("csv"), any(), eq(false));

        Document again = Jsoup.parse(mvc.perform(post("/guide/manage/import/held").param("token", token)
                        .with(authentication(as(EDITOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(again.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        assertThat(seen).hasSize(2);
    }
}
