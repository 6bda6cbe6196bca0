package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The follow-up import page on the web layer alone: an upload without a file is refused on the
 * page in Swedish, and a rejected file's result lists each row's reason.
 */
@WebSliceTest(ImportPages.class)
class ImportPagesWebTests {

    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    FollowupImport importer;

    static Authentication caseWorker() {
        return SignedIn.authenticationOf(CASE_WORKER);
    }

    @Test
    void anUploadWithoutAFileIsRefusedOnThePage() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/followup/import").param("type", "episodes")
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Importera från verksamhetssystemet");
        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Välj en fil.");
        assertThat(page.selectFirst("#import-result")).isNull();
        verifyNoInteractions(importer);
    }

    @Test
    void aRejectedFileListsEachRowsReason() throws Exception {
        when(importer.run(eq(CASE_WORKER), eq(ImportType.EPISODES), eq(FollowupImport.Format.CSV), any(), eq(true)))
                .thenReturn(new ImportResult("rejected", 2, 0, 0, 0, List.of(new ImportResult.RowError(3, "start_date",
                        "import.error.date-format", List.of())), 1));
        Document page = Jsoup.parse(mvc.perform(multipart("/followup/import").file(new MockMultipartFile("file",
                                "insatser.csv", "text/csv", "personnummer,unit_code\n".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "episodes").param("dryRun", "true")
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#result-heading").text()).isEqualTo("Resultat för insatser.csv");
        assertThat(page.selectFirst("#import-result p[role=status]").text())
                .isEqualTo("Filen avvisades: 1 fel på 2 rader. Inget har sparats.");
        assertThat(page.select("#import-errors tbody tr td").eachText())
                .containsExactly("3", "start_date", "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
    }
}
