package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import se.samsyn.WebSliceTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.annotation.Import;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.TimePoint;

/**
 * The client page's forms on the web layer alone: a removal asks for confirmation before anything
 * is removed, a score is read with a decimal comma or refused before the corrections are asked, the
 * needs form passes each life area's level and goal, and an incomplete measurement form is shown
 * again (422) naming the unanswered items. Shares its set-up with {@link ClientPagesWebTests} ({@link ClientPageSlice}).
 */
@WebSliceTest({CorrectionPages.class, EntryForms.class})
@Import(ClientPage.class)
class EntryChangePagesWebTests extends ClientPageSlice {

    private static final Instrument WHO5 = new Instrument("who5", "WHO-5", "WHO-5", ScoringRule.SUM, 4, 0, 100, true,
            10, "WHO", List.of(new Instrument.Item(1, "Glad", "Cheerful", 0, 5), new Instrument.Item(2, "Lugn", "Calm", 0, 5),
            new Instrument.Item(3, "Aktiv", "Active", 0, 5)));

    private void aClientWithOneNeed() {
        when(records.file(CASE_WORKER, 7)).thenReturn(new ClientFile(CLIENT, List.of(),
                List.of(new Need(31, LocalDate.parse("2024-11-16"), LifeArea.D2, 3, null, null)), List.of(), List.of()));
    }

    @Test
    void aRemovalFirstAsksForConfirmationNamingTheEntryAndTheReason() throws Exception {
        aClientWithOneNeed();
        Document page = Jsoup.parse(mvc.perform(post("/followup/clients/7/needs/31/remove").param("reason", " Dubblett ")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#confirm-removal p").text()).isEqualTo("Posten Allmänna uppgifter och krav 2024-11-16: 3 "
                + "tas bort från klientens uppgifter och från rapporterna. Den finns kvar i ändringshistoriken med orsaken: Dubblett");
        assertThat(page.selectFirst("#confirm-removal form").attr("action")).isEqualTo("/followup/clients/7/needs/31/remove");
        assertThat(page.selectFirst("#confirm-removal input[name=reason]").val()).isEqualTo("Dubblett");
        assertThat(page.selectFirst("#remove-need-31")).isNotNull();
        verify(corrections).history(CASE_WORKER, 7);
        verifyNoMoreInteractions(corrections);
    }

    @Test
    void aConfirmedRemovalRemovesAndSaysSo() throws Exception {
        mvc.perform(post("/followup/clients/7/needs/31/remove").param("reason", "Dubblett").param("confirmed", "true")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/followup/clients/7"))
                .andExpect(flash().attribute("flash", "followup.flash.need-removed"));
        verify(corrections).removeNeed(CASE_WORKER, 7, 31, "Dubblett", ChangeSource.PAGE);
    }

    @Test
    void aScoreWithADecimalCommaIsCorrected() throws Exception {
        mvc.perform(post("/followup/clients/7/measurements/14/correct").param("score", "62,5")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(redirectedUrl("/followup/clients/7"))
                .andExpect(flash().attribute("flash", "followup.flash.measurement-corrected"));
        verify(corrections).correctMeasurement(CASE_WORKER, 7, 14, 62.5, ChangeSource.PAGE);
    }

    @Test
    void aScoreThatIsNotAPlainDecimalIsRefusedBeforeTheCorrectionsAreAskedWithTheScoreKept() throws Exception {
        when(records.file(CASE_WORKER, 7)).thenReturn(new ClientFile(CLIENT, List.of(), List.of(), List.of(),
                List.of(new Measurement(14, "who5", LocalDate.parse("2025-03-01"), TimePoint.BASELINE, 40.0))));
        when(catalogue.instruments()).thenReturn(List.of(WHO5));
        Document page = Jsoup.parse(mvc.perform(post("/followup/clients/7/measurements/14/correct").param("score", "0x1p5")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#measurement-correct-14-score-error").text())
                .isEqualTo("Talet ska skrivas som ett vanligt decimaltal, till exempel 12 eller 12,5.");
        assertThat(page.selectFirst("#measurement-fix-score-14").val()).isEqualTo("0x1p5");
        assertThat(page.selectFirst("#measurement-fix-score-14").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#measurement-fix-score-14").attr("aria-describedby"))
                .isEqualTo("measurement-correct-14-score-error");
        verify(records).file(CASE_WORKER, 7);
        verify(corrections).history(CASE_WORKER, 7);
        verifyNoMoreInteractions(corrections);
    }

    @Test
    void theNeedsFormPassesEachLifeAreasLevelAndGoal() throws Exception {
        mvc.perform(post("/followup/clients/7/needs").param("assessedOn", "2025-03-01").param("level-d2", "3")
                        .param("goal-d2", "Klara morgonrutinen").param("level-security", "")
                        .with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(redirectedUrl("/followup/clients/7"))
                .andExpect(flash().attribute("flash", "followup.flash.needs"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<LifeArea, Integer>> levels = ArgumentCaptor.forClass(Map.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<LifeArea, String>> goals = ArgumentCaptor.forClass(Map.class);
        verify(records).addNeedAssessment(eq(CASE_WORKER), eq(7L), eq(LocalDate.parse("2025-03-01")), levels.capture(),
                goals.capture());
        assertThat(levels.getValue()).containsExactly(Map.entry(LifeArea.D2, 3));
        assertThat(goals.getValue().get(LifeArea.D2)).isEqualTo("Klara morgonrutinen");
        assertThat(goals.getValue().get(LifeArea.D5)).isNull();
    }

    @Test
    void anIncompleteMeasurementFormIsShownAgainNamingTheUnansweredItems() throws Exception {
        aClientWithOneNeed();
        when(catalogue.instrument("who5")).thenReturn(Optional.of(WHO5));
        when(catalogue.instruments()).thenReturn(List.of(WHO5));
        when(records.addMeasurement(eq(CASE_WORKER), eq(7L), eq("who5"), eq(LocalDate.parse("2025-03-01")),
                eq(TimePoint.BASELINE), isNull(), eq(Arrays.asList(4, null, null)), anyBoolean()))
                .thenThrow(new ItemsUnanswered(List.of(2, 3)));

        Document page = Jsoup.parse(mvc.perform(post("/followup/clients/7/measurements").param("instrumentCode", "who5")
                        .param("measuredOn", "2025-03-01").param("timePoint", "baseline").param("item-1", "4")
                        .param("item-2", "").with(authentication(as(CASE_WORKER))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#who5-error p").text())
                .isEqualTo("Obesvarade frågor: 2, 3. Välj ett svar för varje fråga; inget har sparats.");
        assertThat(page.select("#who5-error li").eachText()).containsExactly("2. Lugn", "3. Aktiv");
        assertThat(page.selectFirst("#who5-item-1 option[selected]").val()).isEqualTo("4");
        assertThat(page.selectFirst("#who5-item-2").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#who5-date").val()).isEqualTo("2025-03-01");
    }
}
