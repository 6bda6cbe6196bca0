package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Need;

/**
 * The case worker's start page on the web layer alone: a recorder in a unit sees the lookup and
 * the recent clients, an analyst sees neither (the controller decides), and a malformed personal
 * identity number is refused in Swedish without the number ever being written back to the page.
 */
@WebSliceTest(ClientPages.class)
@Import(ClientPage.class)
class ClientPagesWebTests extends ClientPageSlice {

    @Test
    void aCaseWorkerSeesTheLookupAndTheRecentClients() throws Exception {
        when(records.recentClients(CASE_WORKER)).thenReturn(List.of(CLIENT));
        Document page = Jsoup.parse(mvc.perform(get("/followup").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Systematisk uppföljning");
        assertThat(page.selectFirst("#personnummer")).isNotNull();
        assertThat(page.select("tr:has(a[href=/followup/clients/7]) td").eachText())
                .containsExactly("Klient 7", "1980", "Kvinna", "2025-01-02");
    }

    @Test
    void anAnalystSeesNeitherLookupNorClients() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/followup").with(authentication(as(ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#personnummer")).isNull();
        assertThat(page.select("a[href^=/followup/clients/]")).isEmpty();
        verifyNoInteractions(records);
    }

    @Test
    void aMalformedNumberIsRefusedAndKeptInTheFieldOnly() throws Exception {
        when(records.lookup(CASE_WORKER, "19811218-98X6")).thenThrow(new FollowupRejected("personnummer",
                "followup.pnr.format"));
        String html = mvc.perform(post("/followup/clients").param("personnummer", "19811218-98X6")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("p.flash.error").text()).startsWith("Personnumret ska skrivas ÅÅÅÅMMDD-NNNN");
        assertThat(page.selectFirst("#personnummer").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#personnummer").attr("value"))
                .as("what was typed stays in the field to be corrected (issue: no form loses input)")
                .isEqualTo("19811218-98X6");
        assertThat(html.split("19811218", -1)).as("the number appears in the field and nowhere else").hasSize(2);
        assertThat(page.selectFirst("#personnummer").hasAttr("required")).isTrue();
        assertThat(page.selectFirst(".required-legend").text()).isEqualTo("* obligatoriskt fält");
    }

    @Test
    void aFoundClientIsOpenedWithoutTheNumberInTheAddress() throws Exception {
        when(records.lookup(eq(CASE_WORKER), any())).thenReturn(new ClientRecords.Lookup(CLIENT, false));
        mvc.perform(post("/followup/clients").param("personnummer", "19811218-9876")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/followup/clients/7"))
                .andExpect(flash().attribute("flash", "followup.flash.client-found"));
        verify(records).lookup(CASE_WORKER, "19811218-9876");
    }

    @Test
    void theHistoryNamesEntriesByWhatTheyAreAndARemovedOneByItsType() throws Exception {
        when(records.file(CASE_WORKER, 7)).thenReturn(new ClientFile(CLIENT, List.of(),
                List.of(new Need(31, LocalDate.parse("2024-11-16"), LifeArea.D2, 3, null, null)), List.of(), List.of()));
        when(corrections.history(CASE_WORKER, 7)).thenReturn(List.of(
                new HistoryEntry("measurement", 99, "removed", "who5 baseline 2025-03-01: 62.5", null, "handlaggare",
                        Instant.parse("2025-03-02T09:00:00Z"), ChangeSource.PAGE, "Dubblett"),
                new HistoryEntry("need", 31, "level", "2", "3", "handlaggare",
                        Instant.parse("2025-03-01T09:00:00Z"), ChangeSource.API, null)));
        Document page = Jsoup.parse(mvc.perform(get("/followup/clients/7").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#history-table tbody tr").stream().map(tr -> tr.select("td").stream().map(td -> td.text()).toList()).toList())
                .containsExactly(
                        List.of("2025-03-02 10:00", "handlaggare", "Borttagen mätning", "Borttagen",
                                "who5 baseline 2025-03-01: 62.5", "", "Klientsidan", "Dubblett"),
                        List.of("2025-03-01 10:00", "handlaggare", "Behov: Allmänna uppgifter och krav, 2024-11-16",
                                "Nivå", "2", "3", "API", ""));
    }
}
