package se.samsyn.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.organisation.referencedata.ReferenceDataImport;
import se.samsyn.organisation.referencedata.ReferenceDataStatus;
import se.samsyn.organisation.referencedata.ReferenceFile;
import se.samsyn.organisation.referencedata.ReferenceFileKind;
import se.samsyn.organisation.referencedata.ReferenceLoadResult;
import se.samsyn.organisation.referencedata.ReferenceProblem;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Loading reference files over the API on the web layer alone: parts named by their kind become
 * reference files, a rejected batch is a 422 with each problem in Swedish, and the stored counts
 * are answered as they are.
 */
@WebSliceTest(ReferenceDataApi.class)
class ReferenceDataApiWebTests {

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.nation());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReferenceDataImport importer;

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedBatchNamesEachProblemInSwedish() throws Exception {
        when(importer.upload(eq(ADMIN), anyList(), eq(true))).thenReturn(new ReferenceLoadResult("rejected", List.of(),
                List.of(new ReferenceProblem("lan.csv", 3, "county_code", "referencedata.error.code-format",
                        List.of("1X")))));
        mvc.perform(multipart("/api/v1/admin/reference-data").file(new MockMultipartFile("counties", "lan.csv",
                                "text/csv", "county_code,county_name,county_name_short\n1X,Skåne län,Skåne\n"
                                .getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("unknown-kind", "x.csv", "text/csv", new byte[] {1}))
                        .param("dryRun", "true").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"status":"rejected","files":[],
                         "errors":[{"file":"lan.csv","row":3,"field":"county_code","message":"Koden \\"1X\\" har fel form."}]}""",
                        JsonCompareMode.STRICT));

        ArgumentCaptor<List<ReferenceFile>> files = ArgumentCaptor.forClass(List.class);
        verify(importer).upload(eq(ADMIN), files.capture(), eq(true));
        assertThat(files.getValue()).extracting(ReferenceFile::kind, ReferenceFile::fileName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReferenceFileKind.COUNTIES, "lan.csv"));
    }

    @Test
    void theStoredCountsAndLoadsAreAnswered() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("counties", 21);
        counts.put("municipalities", 290);
        when(importer.status()).thenReturn(new ReferenceDataStatus(counts, List.of(new ReferenceDataStatus.Load(
                "counties", "lan.csv", 21, "admin", Instant.parse("2025-01-02T08:00:00Z")))));
        mvc.perform(get("/api/v1/admin/reference-data").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"counts":{"counties":21,"municipalities":290},
                         "loads":[{"kind":"counties","fileName":"lan.csv","rows":21,"loadedBy":"admin",
                                   "loadedAt":"2025-01-02T08:00:00Z"}]}""", JsonCompareMode.STRICT));
    }
}
