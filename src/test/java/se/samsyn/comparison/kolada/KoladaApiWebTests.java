package se.samsyn.comparison.kolada;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.kolada.KoladaRecords.Area;

/**
 * The Kolada-shaped read API on the web layer alone: the {@code {values, count, next_page,
 * previous_page}} envelope with its links, a data page written around the cached values, and a
 * malformed year list refused in Swedish with the parameter named.
 */
@WebSliceTest(KoladaApi.class)
@WithMockUser
class KoladaApiWebTests {

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
                         "next_page":null,"previous_page":null}""", JsonCompareMode.STRICT));
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
}
