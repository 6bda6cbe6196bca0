package se.samsyn.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.organisation.referencedata.ReferenceDataImport;
import se.samsyn.organisation.referencedata.ReferenceDataStatus;
import se.samsyn.organisation.referencedata.ReferenceFileKind;
import se.samsyn.organisation.referencedata.ReferenceLoadResult;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The reference-data page on the web layer alone: what is stored (counts in words, the latest
 * loads in Swedish time), an upload without files refused on the page, and a loaded file summarised.
 */
@WebSliceTest(ReferenceDataPages.class)
@org.springframework.context.annotation.Import(se.samsyn.imports.HeldUploads.class)
class ReferenceDataPagesWebTests {

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.nation());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReferenceDataImport importer;
    @MockitoBean
    se.samsyn.organisation.Organisation organisation;

    private void statusGiven() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("counties", 21);
        counts.put("municipalities", 290);
        when(importer.status()).thenReturn(new ReferenceDataStatus(counts, List.of(new ReferenceDataStatus.Load(
                "counties", "lan.csv", 21, "admin", Instant.parse("2025-01-02T08:00:00Z")))));
    }

    @Test
    void thePageShowsWhatIsStored() throws Exception {
        statusGiven();
        Document page = Jsoup.parse(mvc.perform(get("/admin/reference-data").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Referensdata");
        assertThat(page.select("dl.facts div").eachText()).containsExactly("Län 21", "Kommuner 290");
        assertThat(page.select("tr:has(td) td").eachText()).containsSubsequence("lan.csv", "21", "admin",
                "2025-01-02 09:00");
        assertThat(page.selectFirst("#load-result")).isNull();
    }

    @Test
    void anUploadWithoutFilesIsRefusedOnThePage() throws Exception {
        statusGiven();
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/reference-data").with(as(ADMIN))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#load-result p.flash.error").text()).isEqualTo("Välj minst en fil.");
        verify(importer, never()).upload(eq(ADMIN), anyList(), eq(false));
    }

    @Test
    void aLoadedFileIsSummarised() throws Exception {
        statusGiven();
        when(importer.upload(eq(ADMIN), anyList(), eq(false))).thenReturn(new ReferenceLoadResult("loaded", List.of(
                new ReferenceLoadResult.FileSummary(ReferenceFileKind.COUNTIES, "lan.csv", 21, "loaded")), List.of()));
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/reference-data").file(new MockMultipartFile(
                                "counties", "lan.csv", "text/csv", "county_code\n".getBytes(StandardCharsets.UTF_8)))
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#load-result li").eachText()).containsExactly("lan.csv: sparad (21 rader)");
        assertThat(page.selectFirst("#load-result p[role=status]").text())
                .isEqualTo("Filerna är kontrollerade och sparade.");
    }

    @Test
    void thePageListsTheAllowedCodesWithNamesAndOffersATemplatePerCsvKind() throws Exception {
        statusGiven();
        when(organisation.counties()).thenReturn(List.of(new se.samsyn.organisation.County("01", "Stockholms län",
                "Stockholm"), new se.samsyn.organisation.County("12", "Skåne län", "Skåne")));
        Document page = Jsoup.parse(mvc.perform(get("/admin/reference-data").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#codes-county_code tbody tr").eachText())
                .containsExactly("01 Stockholms län", "12 Skåne län");
        assertThat(page.select("#codes-sex tbody tr").eachText()).containsExactly("T Totalt", "K Kvinnor", "M Män");
        assertThat(page.select("#codes-age_band tbody tr").eachText()).contains("80+ 80 år och äldre");
        assertThat(page.select(".import-templates a").eachAttr("href")).containsExactly(
                "/admin/reference-data/template/counties.csv", "/admin/reference-data/template/municipalities.csv",
                "/admin/reference-data/template/municipality-groups.csv", "/admin/reference-data/template/population.csv",
                "/admin/reference-data/template/population-totals.csv");

        String population = mvc.perform(get("/admin/reference-data/template/population.csv").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(population).isEqualTo("municipality_code,year,sex,age_band,population\n1280,2022,K,80+,8916\n");
        mvc.perform(get("/admin/reference-data/template/counties-boundaries.csv").with(as(ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGoodDryRunOffersImportNowWhichLoadsExactlyTheHeldFiles() throws Exception {
        statusGiven();
        List<List<se.samsyn.organisation.referencedata.ReferenceFile>> seen = new java.util.ArrayList<>();
        when(importer.upload(eq(ADMIN), anyList(), org.mockito.ArgumentMatchers.anyBoolean())).thenAnswer(call -> {
            seen.add(call.getArgument(1));
            boolean dry = call.getArgument(2);
            return new ReferenceLoadResult(dry ? "valid" : "loaded", List.of(), List.of());
        });
        byte[] counties = "county_code,county_name,county_name_short\n12,Skåne län,Skåne\n".getBytes(StandardCharsets.UTF_8);
        Document dry = Jsoup.parse(mvc.perform(multipart("/admin/reference-data")
                        .file(new MockMultipartFile("counties", "lan.csv", "text/csv", counties))
                        .param("dryRun", "true").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/admin/reference-data/held");
        assertThat(held.attr("data-confirm")).isEqualTo("Importera lan.csv nu? Raderna sparas.");
        List<String> tokens = held.select("input[name=token]").eachAttr("value");
        assertThat(tokens).hasSize(1).allMatch(t -> t.startsWith("counties:"));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/reference-data/held")
                        .param("token", tokens.get(0)).with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ReferenceFileKind.COUNTIES);
            assertThat(f.fileName()).isEqualTo("lan.csv");
            assertThat(f.content()).isEqualTo(counties);
        });
        verify(importer).upload(eq(ADMIN), anyList(), eq(false));

        Document again = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/reference-data/held").param("token", tokens.get(0)).with(as(ADMIN)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(again.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        assertThat(seen).hasSize(2);
    }
}
