package se.samsyn.comparison.kolada;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.ImportedKpi;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The Kolada import API on the web layer alone: who may import (the controller checks), a CSV
 * body imported with its row errors in Swedish, a fetch without KPIs refused with its field, and
 * the imported KPIs' exact answer.
 */
@WebSliceTest(KoladaImportApi.class)
@KoladaWebMocks
class KoladaImportApiWebTests {

    static final Actor NATIONAL = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor MUNICIPAL = new Actor("kommunal", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    @Autowired
    MockMvc mvc;

    @Autowired
    KoladaImport importer;
    @Autowired
    KoladaConnector connector;
    @Autowired
    KoladaRepository repository;

    @Test
    void theImportedKpisAreAnsweredExactly() throws Exception {
        when(repository.importedKpis()).thenReturn(List.of(new ImportedKpi("N31807", "Kostnad individ- och familjeomsorg",
                "kr/inv", "Kolada", "SCB", true, 580, 2020, 2023)));
        mvc.perform(get("/api/v1/comparisons/kolada/kpis").with(as(NATIONAL)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"id":"N31807","title":"Kostnad individ- och familjeomsorg","unit":"kr/inv",
                          "sourceName":"Kolada","originalSource":"SCB","published":true,"valueCount":580,
                          "firstYear":2020,"lastYear":2023}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aMunicipalAnalystMayNotImport() throws Exception {
        mvc.perform(post("/api/v1/comparisons/kolada/imports").with(as(MUNICIPAL)).with(csrf())
                        .contentType("text/csv").content("kpi_id,municipality_code,year,gender,value\n"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/comparisons/kolada/kpis").with(as(MUNICIPAL)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(importer, repository);
    }

    @Test
    void aRejectedFileIsAnsweredWithItsRowErrorsInSwedish() throws Exception {
        when(importer.run(eq(NATIONAL), eq("api-upload"), eq(KoladaImport.Format.CSV), any(), eq(true)))
                .thenReturn(new ImportResult("rejected", "values", 1, 0, 0, 0, 0,
                        List.of(new RowError(2, "year", "kolada.api.error.year", List.of())), 1, Set.of()));
        mvc.perform(post("/api/v1/comparisons/kolada/imports").param("dryRun", "true")
                        .with(as(NATIONAL)).with(csrf())
                        .contentType("text/csv").content("kpi_id,municipality_code,year,gender,value\nN1,1280,20x3,T,1\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":"rejected","kind":"values","rows":1,"imported":0,"updated":0,"unchanged":0,
                         "ignored":0,"errorCount":1,
                         "errors":[{"row":2,"field":"year","message":"Åren ska vara kommaseparerade fyrsiffriga årtal."}]}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void aFetchWithoutKpisIsRefusedWithItsField() throws Exception {
        mvc.perform(post("/api/v1/comparisons/kolada/fetch").with(as(NATIONAL)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kpis\":[],\"years\":[2023]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":400,"detail":"En id-lista är felaktig: ange kommaseparerade id:n.","parameter":"kpis"}""",
                        JsonCompareMode.LENIENT));
        verifyNoInteractions(connector);
    }
}
