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
@org.springframework.context.annotation.Import(se.samsyn.imports.HeldUploads.class)
class ImportPagesWebTests {

    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    FollowupImport importer;
    @MockitoBean
    se.samsyn.followup.Catalogue catalogue;

    static Authentication caseWorker() {
        return SignedIn.authenticationOf(CASE_WORKER);
    }

    @Test
    void anUploadWithoutAFileIsRefusedOnThePage() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/followup/import").param("type", "episodes")
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

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
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#result-heading").text()).isEqualTo("Resultat för insatser.csv");
        assertThat(page.selectFirst("#import-result p[role=status]").text())
                .isEqualTo("Filen avvisades: 1 fel i filens 2 rader. Inget har sparats.");
        assertThat(page.select("#import-errors tbody tr td").eachText())
                .containsExactly("3", "start_date", "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
    }

    static final byte[] GOOD = "personnummer,unit_code,focus_area,start_date,end_date\n19811218-9876,U-ORE-1,substance-use,2026-01-05,\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aGoodDryRunOffersImportNowWhichStoresTheHeldFileWithoutASecondUpload() throws Exception {
        List<byte[]> seen = new java.util.ArrayList<>();
        when(importer.run(eq(CASE_WORKER), eq(ImportType.EPISODES), eq(FollowupImport.Format.CSV), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenAnswer(call -> {
                    seen.add(((java.io.InputStream) call.getArgument(3)).readAllBytes());
                    boolean dry = call.getArgument(4);
                    return new ImportResult(dry ? "valid" : "imported", 1, dry ? 0 : 1, 0, 0, List.of(), 0);
                });
        Document dry = Jsoup.parse(mvc.perform(multipart("/followup/import").file(new MockMultipartFile("file",
                                "perioder.csv", "text/csv", GOOD)).param("type", "episodes").param("dryRun", "true")
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/followup/import/held");
        assertThat(held.selectFirst("input[name=type]").attr("value")).isEqualTo("episodes");
        String token = held.selectFirst("input[name=token]").attr("value");
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(held.selectFirst("#import-now").text()).isEqualTo("Importera nu");
        assertThat(held.hasAttr("data-busy")).isTrue();

        Document done = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/followup/import/held").param("type", "episodes").param("token", token)
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(done.selectFirst("#result-heading").text()).isEqualTo("Resultat för perioder.csv");
        assertThat(done.selectFirst("form#import-held")).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(GOOD);
        org.mockito.Mockito.verify(importer).run(eq(CASE_WORKER), eq(ImportType.EPISODES), eq(FollowupImport.Format.CSV),
                any(), eq(false));

        Document again = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/followup/import/held").param("type", "episodes").param("token", token)
                        .with(authentication(caseWorker())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(again.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        assertThat(seen).as("a token is used once").hasSize(2);
    }

    @Test
    void aHeldFileIsNotOfferedToAnotherUser() throws Exception {
        when(importer.run(eq(CASE_WORKER), eq(ImportType.EPISODES), eq(FollowupImport.Format.CSV), any(), eq(true)))
                .thenReturn(new ImportResult("valid", 1, 0, 0, 0, List.of(), 0));
        String token = Jsoup.parse(mvc.perform(multipart("/followup/import").file(new MockMultipartFile("file",
                                "perioder.csv", "text/csv", GOOD)).param("type", "episodes").param("dryRun", "true")
                        .with(authentication(caseWorker())).with(csrf()))
                .andReturn().getResponse().getContentAsString()).selectFirst("input[name=token]").attr("value");
        Actor other = new Actor("annan", Role.CASE_WORKER, Scope.unit("U-ORE-1"));
        Document page = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/followup/import/held").param("type", "episodes").param("token", token)
                        .with(authentication(SignedIn.authenticationOf(other))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        org.mockito.Mockito.verify(importer, org.mockito.Mockito.never()).run(any(), any(), any(), any(), eq(false));
    }

    @Test
    void thePageListsTheAllowedCodesWithNamesAndOffersATemplatePerType() throws Exception {
        when(catalogue.interventions()).thenReturn(List.of(new se.samsyn.followup.InterventionType("MI",
                "Motiverande samtal", "Motivational interviewing", List.of("substance-use"), null, true)));
        Document page = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/followup/import").with(authentication(caseWorker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#codes-intervention_code tbody tr").eachText()).containsExactly("MI Motiverande samtal");
        assertThat(page.select("#codes-time_point tbody tr td code").eachText())
                .containsExactly("baseline", "followup-6m", "followup-12m", "end");
        assertThat(page.select("#codes-focus_area tbody tr").eachText()).contains("substance-use Missbruk och beroende");
        assertThat(page.selectFirst("#template-needs").attr("href")).isEqualTo("/followup/import/templates/needs.csv");

        var file = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/followup/import/templates/needs.csv").with(authentication(caseWorker())))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(file.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("personnummer,unit_code,assessed_on,life_area,level,goal,goal_status\n");
        assertThat(file.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"samsyn-needs.csv\"");
    }
}
