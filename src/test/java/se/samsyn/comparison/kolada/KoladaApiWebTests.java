package se.samsyn.comparison.kolada;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.kolada.KoladaRecords.Area;
import se.samsyn.comparison.kolada.KoladaRecords.Kpi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kolada-shaped read API on the web layer alone: the v2 {@code {values, count, next_page,
 * previous_page}} and v3 {@code {values, count, next_url, previous_url}} envelopes with their links
 * (also behind a proxy), paging through 7 pages, a data page written around the cached values,
 * {@code //} in a path, public caching with an ETag, and malformed ids,
 * years, parameters and URLs refused in Swedish with the parameter named.
 */
@WebSliceTest({KoladaApi.class, KoladaDataApi.class})
@Import(KoladaWebConfiguration.class)
@WithMockUser
class KoladaApiWebTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KoladaQueries queries;

    @Test
    void areasArePagedInKoladasEnvelope() throws Exception {
        when(queries.areas(null, null)).thenReturn(List.of(new Area("1280", "Malmö", "K"),
                new Area("0012", "Region Skåne", "L")));
        mvc.perform(get("/api/kolada/v2/municipality").param("per_page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"values":[{"id":"1280","title":"Malmö","type":"K"}],"count":2,
                         "next_page":"http://localhost/api/kolada/v2/municipality?page=2&per_page=1",
                         "previous_page":null}""", JsonCompareMode.STRICT));
    }

    @Test
    void aDataPageIsWrittenAroundTheCachedValues() throws Exception {
        when(queries.dataPage(eq(Set.of("N31807")), isNull(), eq(Set.of(2023)), eq(1), eq(5000)))
                .thenReturn(new KoladaQueries.SerializedPage(
                        "[{\"kpi\":\"N31807\",\"municipality\":\"1280\",\"period\":2023,\"values\":[]}]"
                                .getBytes(StandardCharsets.UTF_8), 1));
        mvc.perform(get("/api/kolada/v3/data/kpi/N31807/year/2023"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"values":[{"kpi":"N31807","municipality":"1280","period":2023,"values":[]}],"count":1,
                         "next_url":null,"previous_url":null}""", JsonCompareMode.STRICT));
    }

    @Test
    void aMalformedYearIsRefusedInSwedishWithTheParameter() throws Exception {
        mvc.perform(get("/api/kolada/v2/data/kpi/N31807/year/20x3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":400,"detail":"Åren ska vara kommaseparerade fyrsiffriga årtal.","parameter":"year"}""",
                        JsonCompareMode.LENIENT));
        verifyNoInteractions(queries);
    }

    static List<Kpi> kpis(int n) {
        List<Kpi> kpis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kpis.add(new Kpi("N%05d".formatted(i), "KPI " + i, null, null, null, "K", false, null, null, null, null));
        }
        return kpis;
    }

    @Test
    void aV3ClientWalksNextUrlThroughSevenPagesOfAThousandAndGetsEveryItemOnce() throws Exception {
        when(queries.kpis(null, null)).thenReturn(kpis(7000));
        Set<String> seen = new HashSet<>();
        List<String> previousLinks = new ArrayList<>();
        String url = "http://localhost/api/kolada/v3/kpi?per_page=1000";
        int pages = 0;
        while (url != null) {
            JsonNode page = JSON.readTree(mvc.perform(get(url.replace("http://localhost", "")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            pages++;
            assertThat(page.get("count").asInt()).isEqualTo(7000);
            assertThat(page.has("next_page")).isFalse();
            page.get("values").forEach(k -> assertThat(seen.add(k.get("id").asString())).isTrue());
            previousLinks.add(page.get("previous_url").isNull() ? null : page.get("previous_url").asString());
            url = page.get("next_url").isNull() ? null : page.get("next_url").asString();
        }
        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(7000);
        assertThat(previousLinks.get(0)).isNull();
        assertThat(previousLinks.get(6)).isEqualTo("http://localhost/api/kolada/v3/kpi?page=6&per_page=1000");
    }

    @Test
    void pageLinksPointAtTheProxyTheClientCalled() throws Exception {
        when(queries.areas(null, null)).thenReturn(List.of(new Area("1280", "Malmö", "K"),
                new Area("0012", "Region Skåne", "L")));
        mvc.perform(get("/api/kolada/v3/municipality").param("per_page", "1")
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "samsyn.example.se"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next_url")
                        .value("https://samsyn.example.se/api/kolada/v3/municipality?page=2&per_page=1"))
                .andExpect(jsonPath("$.previous_url").doesNotExist());
    }

    @Test
    void filtersByTypeAndARunOfSlashesIsOne() throws Exception {
        when(queries.areas(null, null)).thenReturn(List.of(new Area("1280", "Malmö", "K"),
                new Area("0012", "Region Skåne", "L")));
        for (String path : List.of("/api/kolada/v2//municipality?type=L", "/api/kolada/v3/municipality?region_type=L")) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.count").value(1))
                    .andExpect(jsonPath("$.values[0].id").value("0012"));
        }
    }

    @Test
    void openDataIsCachedPubliclyWithAnEtag() throws Exception {
        when(queries.areas(null, null)).thenReturn(List.of(new Area("1280", "Malmö", "K")));
        String etag = mvc.perform(get("/api/kolada/v3/municipality"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).startsWith("\"0");
        mvc.perform(get("/api/kolada/v3/municipality").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void malformedIdsParametersAndUrlsAreRefusedWithProblemDetails() throws Exception {
        String longList = String.join(",", java.util.Collections.nCopies(1500, "N31807"));
        for (String[] c : new String[][] {
                {"/api/kolada/v3/kpi/n31807", "kpi"},
                {"/api/kolada/v3/kpi/N31807!", "kpi"},
                {"/api/kolada/v3/data/kpi/N3 1807/year/2023", "kpi"},
                {"/api/kolada/v3/municipality?region_type=X", "region_type"},
                {"/api/kolada/v3/kpi?municipality_type=B", "municipality_type"},
                {"/api/kolada/v3/kpi?from_date=2024-13-01", "from_date"},
                {"/api/kolada/v3/kpi?titel=skola", "titel"},
                {"/api/kolada/v3/data?year=2023", "kpi_id"},
                {"/api/kolada/v3/data?kpi_id=N31807&year=23", "year"},
                {"/api/kolada/v3/ou/a+b", "ou"},
                {"/api/kolada/v3/data/kpi/" + longList + "/year/2023", "url"}}) {
            mvc.perform(get(c[0])).andDo(r -> assertThat(r.getResponse().getContentType()).as(c[0]).isNotNull())
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.parameter").value(c[1]));
        }
        mvc.perform(get("/api/kolada/v3/nosuch")).andExpect(status().isNotFound());
        mvc.perform(get("/api/kolada/v4/kpi")).andExpect(status().isNotFound());
    }
}
