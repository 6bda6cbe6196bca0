package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import se.samsyn.followup.TestNumbers;

/**
 * Every recording and correction form of the client page, refused, through the real security chain
 * as {@code demo-caseworker}: 422 with the client page, the error next to the field in the user's
 * language, what was typed still in the fields, nothing stored (row counts and values of the
 * client's entries and history the same before and after), and the client's file and history read
 * and audited once, as the page itself does.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class ClientFormRefusalIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "client-form-refusals");
    }

    static int nextSerial = 600;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Cookie session;
    long client;

    @BeforeEach
    void aClient() throws Exception {
        session = SignedIn.session(mvc, "demo-caseworker", "demo");
        String location = mvc.perform(post("/followup/clients").with(csrf()).cookie(session)
                        .param("personnummer", TestNumbers.number(nextSerial++)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        client = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder form(String path) {
        return post("/followup/clients/" + client + path).cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "sv");
    }

    private void stores(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = form(path);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().isFound());
    }

    private Document refused(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
    }

    private long idIn(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table + " WHERE client_id = :c").param("c", client)
                .query(Long.class).single();
    }

    /** Row counts of the client's entries and history, and the values that a form could change. */
    private List<String> stored() {
        return List.of(
                rows("SELECT COUNT(*) || ':' || COALESCE(MAX(CAST(start_date AS VARCHAR(20)) || '/' || COALESCE(CAST(end_date AS VARCHAR(20)), '-') || '/' || COALESCE(CAST(removed_at AS VARCHAR(40)), '-')), '') FROM fup_episode WHERE client_id = :c"),
                rows("SELECT COUNT(*) || ':' || COALESCE(MAX(level || '/' || COALESCE(goal, '-') || '/' || COALESCE(goal_status, '-') || '/' || COALESCE(CAST(removed_at AS VARCHAR(40)), '-')), '') FROM fup_need WHERE client_id = :c"),
                rows("SELECT COUNT(*) || ':' || COALESCE(MAX(CAST(start_date AS VARCHAR(20)) || '/' || COALESCE(CAST(end_date AS VARCHAR(20)), '-') || '/' || COALESCE(end_reason, '-') || '/' || COALESCE(CAST(removed_at AS VARCHAR(40)), '-')), '') FROM fup_intervention WHERE client_id = :c"),
                rows("SELECT COUNT(*) || ':' || COALESCE(MAX(CAST(score AS VARCHAR(40)) || '/' || COALESCE(CAST(removed_at AS VARCHAR(40)), '-')), '') FROM fup_measurement WHERE client_id = :c"),
                rows("SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM fup_history WHERE client_id = :c"));
    }

    private String rows(String sql) {
        return jdbc.sql(sql).param("c", client).query(String.class).single();
    }

    private int audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = :a AND object_id = :c")
                .param("a", action).param("c", String.valueOf(client)).query(Integer.class).single();
    }

    @Test
    void aNewEpisodeEndingBeforeItStartsIsShownAgainAsTypedAndReadLikeThePage() throws Exception {
        List<String> before = stored();
        int reads = audited("CLIENT_FILE_READ");
        int historyReads = audited("CLIENT_HISTORY_READ");

        Document page = refused(form("/episodes").param("focusArea", "substance-use")
                .param("startDate", "2025-03-01").param("endDate", "2025-01-15"));

        assertThat(page.selectFirst("#episode-endDate-error").text()).isEqualTo("Slutdatumet ligger före startdatumet.");
        assertThat(page.selectFirst("#episode-end").attr("aria-describedby")).isEqualTo("episode-endDate-error");
        assertThat(page.selectFirst("#episode-end").val()).isEqualTo("2025-01-15");
        assertThat(page.selectFirst("#episode-start").val()).isEqualTo("2025-03-01");
        assertThat(page.selectFirst("#episode-area option[selected]").val()).isEqualTo("substance-use");
        assertThat(stored()).isEqualTo(before);
        assertThat(audited("EPISODE_RECORDED")).isZero();
        assertThat(audited("CLIENT_FILE_READ")).as("the page shown again is one audited read").isEqualTo(reads + 1);
        assertThat(audited("CLIENT_HISTORY_READ")).isEqualTo(historyReads + 1);
    }

    @Test
    void aNeedsAssessmentWithoutALevelKeepsTheGoalsAndTheDateAndSaysSoInEnglish() throws Exception {
        List<String> before = stored();
        Document page = refused(form("/needs").param("lang", "en").param("assessedOn", "2025-02-20")
                .param("level-d2", "").param("goal-d5", "Klara morgonrutinen"));

        assertThat(page.selectFirst("#needs-form-error").text()).isEqualTo("Assess at least one life area.");
        assertThat(page.selectFirst("#goal-d5").val()).isEqualTo("Klara morgonrutinen");
        assertThat(page.selectFirst("#assessedOn").val()).isEqualTo("2025-02-20");
        assertThat(page.selectFirst("#needs-form-error").parents().select("details").first().hasAttr("open")).isTrue();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTooLongGoalKeepsTheLevelsChosen() throws Exception {
        List<String> before = stored();
        Document page = refused(form("/needs").param("assessedOn", "2025-02-20").param("level-d2", "3")
                .param("goal-d2", "x".repeat(101)));

        assertThat(page.selectFirst("#needs-form-error").text()).isEqualTo("Målet får vara högst 100 tecken.");
        assertThat(page.selectFirst("#level-d2 option[selected]").val()).isEqualTo("3");
        assertThat(page.selectFirst("#goal-d2").val()).isEqualTo("x".repeat(101));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aGoalTextShapedLikeAPersonalIdentityNumberIsNeverPutBackIntoTheField() throws Exception {
        String typed = "Ring 19121212-1212 om bostad";
        String html = mvc.perform(form("/needs").param("assessedOn", "2025-02-20").param("goal-d5", typed))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).selectFirst("#goal-d5").val()).isEqualTo("Ring [personnummer] om bostad");
        assertThat(html).doesNotContain("19121212", "121212-1212");
    }

    @Test
    void anInterventionOnADayNotInTheCalendarKeepsTheDayTyped() throws Exception {
        List<String> before = stored();
        Document page = refused(form("/interventions").param("interventionCode", "MST").param("startDate", "2025-02-30"));

        assertThat(page.selectFirst("#intervention-startDate-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        assertThat(page.selectFirst("#intervention-start").val()).isEqualTo("2025-02-30");
        assertThat(page.selectFirst("#intervention-start").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#intervention-code option[selected]").val()).isEqualTo("MST");
        assertThat(stored()).isEqualTo(before);
        assertThat(audited("INTERVENTION_RECORDED")).isZero();
    }

    @Test
    void anUnknownGoalStatusIsRefusedNextToTheStatus() throws Exception {
        stores("/needs", "assessedOn", "2025-02-20", "level-d2", "2", "goal-d2", "Arbete");
        long need = idIn("fup_need");
        List<String> before = stored();

        Document page = refused(form("/needs/" + need + "/goal").param("status", "klart"));

        assertThat(page.selectFirst("#goal-" + need + "-status-error").text()).isEqualTo("Välj en måluppfyllelse.");
        assertThat(page.selectFirst("#status-" + need).attr("aria-invalid")).isEqualTo("true");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anEpisodeEndedBeforeItStartedKeepsTheEndTyped() throws Exception {
        stores("/episodes", "focusArea", "children-youth", "startDate", "2025-03-01");
        long episode = idIn("fup_episode");
        List<String> before = stored();

        Document page = refused(form("/episodes/" + episode + "/end").param("endDate", "2025-02-01"));

        assertThat(page.selectFirst("#episode-end-" + episode + "-endDate-error").text())
                .isEqualTo("Slutdatumet ligger före startdatumet.");
        assertThat(page.selectFirst("#episode-end-date-" + episode).val()).isEqualTo("2025-02-01");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anEpisodeCorrectionIsShownOpenWithBothDatesAsTyped() throws Exception {
        stores("/episodes", "focusArea", "children-youth", "startDate", "2025-03-01");
        long episode = idIn("fup_episode");
        List<String> before = stored();

        Document page = refused(form("/episodes/" + episode + "/correct").param("startDate", "2025-02-01")
                .param("endDate", "2025-01-01"));

        assertThat(page.selectFirst("#episode-correct-" + episode + "-endDate-error").text())
                .isEqualTo("Slutdatumet ligger före startdatumet.");
        assertThat(page.selectFirst("#episode-fix-start-" + episode).val()).isEqualTo("2025-02-01");
        assertThat(page.selectFirst("#episode-fix-end-" + episode).val()).isEqualTo("2025-01-01");
        assertThat(page.selectFirst("#episode-fix-end-" + episode).parents().select("details").first().hasAttr("open"))
                .isTrue();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anInterventionEndedWithoutAReasonKeepsTheEndDate() throws Exception {
        stores("/interventions", "interventionCode", "MST", "startDate", "2025-03-01");
        long intervention = idIn("fup_intervention");
        List<String> before = stored();

        Document page = refused(form("/interventions/" + intervention + "/end").param("endDate", "2025-06-30")
                .param("endReason", ""));

        assertThat(page.selectFirst("#intervention-end-" + intervention + "-endReason-error").text())
                .isEqualTo("Ange avslutsorsak när insatsen har ett slutdatum.");
        assertThat(page.selectFirst("#end-date-" + intervention).val()).isEqualTo("2025-06-30");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anInterventionCorrectionWithAnUnknownReasonKeepsTheDatesTyped() throws Exception {
        stores("/interventions", "interventionCode", "MST", "startDate", "2025-03-01");
        long intervention = idIn("fup_intervention");
        List<String> before = stored();

        Document page = refused(form("/interventions/" + intervention + "/correct").param("startDate", "2025-02-15")
                .param("endDate", "2025-06-30").param("endReason", "avbrutet"));

        assertThat(page.selectFirst("#intervention-correct-" + intervention + "-endReason-error").text())
                .isEqualTo("Avslutsorsaken är okänd.");
        assertThat(page.selectFirst("#intervention-fix-start-" + intervention).val()).isEqualTo("2025-02-15");
        assertThat(page.selectFirst("#intervention-fix-end-" + intervention).val()).isEqualTo("2025-06-30");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aNeedCorrectionWithALevelOutOfRangeKeepsTheGoalTyped() throws Exception {
        stores("/needs", "assessedOn", "2025-02-20", "level-d2", "2", "goal-d2", "Arbete");
        long need = idIn("fup_need");
        List<String> before = stored();

        Document page = refused(form("/needs/" + need + "/correct").param("level", "7").param("goal", "Arbete på heltid"));

        assertThat(page.selectFirst("#need-correct-" + need + "-level-error").text()).isEqualTo("Nivån ska vara ett heltal 0–4.");
        assertThat(page.selectFirst("#need-fix-goal-" + need).val()).isEqualTo("Arbete på heltid");
        assertThat(page.selectFirst("#need-fix-level-" + need).attr("aria-invalid")).isEqualTo("true");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aScoreCorrectionThatIsNotANumberKeepsTheScoreTyped() throws Exception {
        stores("/measurements", "instrumentCode", "who5", "measuredOn", LocalDate.now().minusDays(3).toString(),
                "timePoint", "baseline", "item-1", "2", "item-2", "2", "item-3", "2", "item-4", "2", "item-5", "2");
        long measurement = idIn("fup_measurement");
        List<String> before = stored();

        Document page = refused(form("/measurements/" + measurement + "/correct").param("score", "sextio"));

        assertThat(page.selectFirst("#measurement-correct-" + measurement + "-score-error").text())
                .isEqualTo("Talet ska skrivas som ett vanligt decimaltal, till exempel 12 eller 12,5.");
        assertThat(page.selectFirst("#measurement-fix-score-" + measurement).val()).isEqualTo("sextio");
        assertThat(stored()).isEqualTo(before);

        Document outOfScale = refused(form("/measurements/" + measurement + "/correct").param("score", "140"));
        assertThat(outOfScale.selectFirst("#measurement-correct-" + measurement + "-score-error").text())
                .isEqualTo("Poängen ligger utanför instrumentets skala.");
        assertThat(outOfScale.selectFirst("#measurement-fix-score-" + measurement).val()).isEqualTo("140");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRemovalWithATooLongReasonKeepsTheReasonAndRemovesNothing() throws Exception {
        stores("/episodes", "focusArea", "children-youth", "startDate", "2025-03-01");
        long episode = idIn("fup_episode");
        List<String> before = stored();
        String reason = "Dubblett ".repeat(60).strip();

        Document page = refused(form("/episodes/" + episode + "/remove").param("reason", reason));

        assertThat(page.selectFirst("#episode-remove-" + episode + "-reason-error").text())
                .isEqualTo("Ange varför posten tas bort (högst 500 tecken).");
        assertThat(page.selectFirst("#episode-remove-reason-" + episode).val()).isEqualTo(reason);
        assertThat(page.selectFirst("#confirm-removal")).isNull();
        assertThat(stored()).isEqualTo(before);
        assertThat(audited("EPISODE_REMOVED")).isZero();
    }

    @Test
    void theClientPageItselfShowsNoErrors() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/followup/clients/" + client).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".field-error")).isEmpty();
        assertThat(page.select("[aria-invalid]")).isEmpty();
    }
}
