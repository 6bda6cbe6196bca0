package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The Kolada page on the web layer alone: the sample load's progress fragment that htmx polls
 * while the load runs, an upload without a file refused on the page, and the page kept from
 * those who may not import (the controller checks), and a live fetch's summary of pages and rows read.
 */
@WebSliceTest(KoladaPages.class)
@KoladaWebMocks
@org.springframework.context.annotation.Import(se.samsyn.imports.HeldUploads.class)
class KoladaPagesWebTests {

    static final Actor NATIONAL = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor MUNICIPAL = new Actor("kommunal", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
    static final KoladaSampleProgress RUNNING = new KoladaSampleProgress(KoladaSampleProgress.State.RUNNING,
            "kpi_values.csv", 200, 800, List.of(), null, null, null, Instant.parse("2025-01-02T08:00:00Z"), null);

    @Autowired
    MockMvc mvc;

    @Autowired
    KoladaImport importer;
    @Autowired
    KoladaRepository repository;
    @Autowired
    KoladaSampleLoad sampleLoad;

    @Test
    void theProgressFragmentPollsItselfWhileTheLoadRuns() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        String html = mvc.perform(get("/comparisons/kolada/sample-load").header("HX-Request", "true")
                        .with(as(NATIONAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<html").doesNotContain("<h1");
        Element section = Jsoup.parseBodyFragment(html).selectFirst("section#sample-load");
        assertThat(section).isNotNull();
        assertThat(section.attr("hx-get")).isEqualTo("/comparisons/kolada/sample-load");
        assertThat(section.attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(section.selectFirst("#sample-load-state").text())
                .isEqualTo("Läser in kpi_values.csv: 200 av 800 rader (25 %).");
        assertThat(section.selectFirst("#sample-load-bar").attr("value")).isEqualTo("200");
    }

    @Test
    void anUploadWithoutAFileIsRefusedOnThePage() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        Document page = Jsoup.parse(mvc.perform(multipart("/comparisons/kolada/import")
                        .with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("p.flash.error").eachText()).contains("Välj en fil.");
        assertThat(page.select("section#sample-load")).hasSize(1);
        verifyNoInteractions(importer);
    }

    @Test
    void aMunicipalAnalystGetsNeitherPageNorFragment() throws Exception {
        mvc.perform(get("/comparisons/kolada").with(as(MUNICIPAL))).andExpect(status().isForbidden());
        mvc.perform(get("/comparisons/kolada/sample-load").with(as(MUNICIPAL)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(repository, sampleLoad);
    }

    @Autowired
    KoladaConnector connector;

    @Test
    void aFetchSaysHowManyPagesAndRowsItReadAndHowManyDeletedRowsItSkipped() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        KoladaRecords.ImportResult imported = new KoladaRecords.ImportResult("imported", "values", 30, 30, 0, 0, 0,
                List.of(), 0, java.util.Set.of("N31807"));
        when(connector.fetch(eq(NATIONAL), eq(java.util.Set.of("N31807")), eq(java.util.Set.of(2022)), eq(false)))
                .thenReturn(new KoladaRecords.FetchResult(imported, imported, 6, 32, 2));
        Document page = Jsoup.parse(mvc.perform(post("/comparisons/kolada/fetch").param("kpis", "n31807")
                        .param("years", "2022").with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#fetch-read").text()).isEqualTo(
                "Läste 6 sidor med 32 datarader från Kolada; 2 rader som Kolada markerat som borttagna hoppades över.");
    }

    /** A rejected file and a fetch with a malformed id list answer 422 with the error shown; nothing is held. */
    @Test
    void aRejectedFileAndAMalformedFetchAnswer422() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        when(importer.run(eq(NATIONAL), eq("varden.csv"), eq(KoladaImport.Format.CSV), org.mockito.ArgumentMatchers.any(),
                eq(true))).thenReturn(new KoladaRecords.ImportResult("rejected", "values", 1, 0, 0, 0, 0,
                List.of(new KoladaRecords.RowError(1, "gender", "kolada.error.gender", List.of())), 1, java.util.Set.of()));
        Document rejected = Jsoup.parse(mvc.perform(multipart("/comparisons/kolada/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "varden.csv", "text/csv",
                                "kpi_id,municipality_code,year,gender,value\nN00001,1280,2024,X,81.5\n"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("dryRun", "true").with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(rejected.selectFirst("#import-result p[role=status]").text())
                .isEqualTo("Filen avvisades: 1 fel i filens enda rad. Inget har sparats.");
        assertThat(rejected.select("#import-errors tbody tr td").eachText().get(0)).isEqualTo("1");
        assertThat(rejected.selectFirst("form#import-held")).isNull();

        Document fetch = Jsoup.parse(mvc.perform(post("/comparisons/kolada/fetch").param("kpis", "123")
                        .param("years", "2022").with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(fetch.selectFirst("#fetch-result p.flash.error").text())
                .isEqualTo("En id-lista är felaktig: ange kommaseparerade id:n.");
        org.mockito.Mockito.verify(connector, org.mockito.Mockito.never()).fetch(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void theUploadListsTheAllowedCodesWithNamesAndOffersTemplates() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/kolada").with(as(NATIONAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#codes-gender tbody tr").eachText()).containsExactly("T Totalt", "K Kvinnor", "M Män");
        assertThat(page.select("#codes-municipality_type tbody tr").eachText())
                .containsExactly("K Kommun", "L Region", "A Alla (kommun och region)");
        assertThat(page.select("#codes-is_divided_by_gender tbody tr").eachText())
                .containsExactly("0 Nej, inte uppdelat på kön", "1 Ja, uppdelat på kön");
        assertThat(page.selectFirst("#template-values").attr("href")).isEqualTo("/comparisons/kolada/import/template-values.csv");

        String values = mvc.perform(get("/comparisons/kolada/import/template-values.csv").with(as(NATIONAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(values).isEqualTo("kpi_id,municipality_code,year,gender,value\nN00001,1280,2024,T,81.5\n");
        mvc.perform(get("/comparisons/kolada/import/template-values.csv").with(as(MUNICIPAL)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGoodDryRunOffersImportNowWhichImportsExactlyTheHeldFile() throws Exception {
        when(sampleLoad.progress()).thenReturn(RUNNING);
        List<byte[]> seen = new java.util.ArrayList<>();
        when(importer.run(eq(NATIONAL), eq("varden.csv"), eq(KoladaImport.Format.CSV), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyBoolean())).thenAnswer(call -> {
                    seen.add(((java.io.InputStream) call.getArgument(3)).readAllBytes());
                    boolean dry = call.getArgument(4);
                    return new KoladaRecords.ImportResult(dry ? "valid" : "imported", "values", 1, 1, 0, 0, 0, List.of(),
                            0, java.util.Set.of("N00001"));
                });
        byte[] file = "kpi_id,municipality_code,year,gender,value\nN00001,1280,2024,T,81.5\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Document dry = Jsoup.parse(mvc.perform(multipart("/comparisons/kolada/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "varden.csv", "text/csv", file))
                        .param("dryRun", "true").with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/comparisons/kolada/import/held");
        assertThat(held.attr("data-confirm")).isEqualTo("Importera varden.csv nu? Raderna sparas.");
        String token = held.selectFirst("input[name=token]").attr("value");

        Document done = Jsoup.parse(mvc.perform(post("/comparisons/kolada/import/held").param("token", token)
                        .with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(done.selectFirst("#result-heading").text()).contains("varden.csv");
        assertThat(done.selectFirst("form#import-held")).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(file);
        org.mockito.Mockito.verify(importer).run(eq(NATIONAL), eq("varden.csv"), eq(KoladaImport.Format.CSV),
                org.mockito.ArgumentMatchers.any(), eq(false));
    }
}
