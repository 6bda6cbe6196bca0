package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ending, correcting and removing episodes and interventions on the client page and through the
 * API, as {@code demo-caseworker}, through the real security chain: what the page shows after
 * each step (the history row with the old and new value), the two-step removal, the API's answers
 * (422 with the field in Swedish, 404 outside the unit) and the audit trail.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class FollowupCorrectionPagesIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "followup-corrections-web");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    private long newClient(Cookie session, String number) throws Exception {
        String body = mvc.perform(post("/api/v1/followup/clients/lookup").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personnummer\":\"" + number + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("client").path("id").asLong();
    }

    private JsonNode file(Cookie session, long client) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/followup/clients/" + client).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Document page(Cookie session, long client) throws Exception {
        return Jsoup.parse(mvc.perform(get("/followup/clients/" + client).cookie(session)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "sv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> historyRows(Document page) {
        return page.select("#history-table tbody tr").stream()
                .map(tr -> String.join(" | ", tr.select("td").stream().skip(1).map(Element::text).toList()))
                .toList();
    }

    @Test
    void anEpisodeIsEndedOnThePageAndTheHistoryShowsTheOldAndNewValue() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        long client = newClient(session, "19800101" + "987" + luhnOf("800101987"));
        mvc.perform(post("/followup/clients/" + client + "/episodes").cookie(session).with(csrf())
                .param("focusArea", "children-youth").param("startDate", "2025-03-01"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        long episode = file(session, client).path("episodes").get(0).path("id").asLong();
        assertThat(historyRows(page(session, client))).isEmpty();
        assertThat(page(session, client).select("section[aria-labelledby=history-heading] p").text())
                .isEqualTo("Inga rättelser eller borttagningar.");

        mvc.perform(post("/followup/clients/" + client + "/episodes/" + episode + "/end").cookie(session).with(csrf())
                        .param("endDate", "2025-09-30"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        Document after = page(session, client);
        assertThat(after.select("#episode-" + episode + " td").eachText().subList(1, 3))
                .containsExactly("2025-03-01", "2025-09-30");
        assertThat(historyRows(after)).containsExactly(
                "demo-caseworker | Insatsperiod: Barn och unga, från 2025-03-01 | Slutdatum |  | 2025-09-30 | Klientsidan | ");

        mvc.perform(post("/followup/clients/" + client + "/episodes/" + episode + "/correct").cookie(session).with(csrf())
                        .param("startDate", "2025-02-01").param("endDate", "2025-01-01"))
                .andExpect(status().isUnprocessableContent());
        assertThat(historyRows(page(session, client))).as("a refused correction keeps nothing").hasSize(1);
    }

    @Test
    void anInterventionIsRemovedInTwoStepsWithItsReasonKept() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        long client = newClient(session, "19800101" + "988" + luhnOf("800101988"));
        mvc.perform(post("/followup/clients/" + client + "/interventions").cookie(session).with(csrf())
                .param("interventionCode", "MST").param("startDate", "2025-03-01"));
        long intervention = file(session, client).path("interventions").get(0).path("id").asLong();

        String firstStep = mvc.perform(post("/followup/clients/" + client + "/interventions/" + intervention + "/remove")
                        .cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                        .param("reason", "Registrerad på fel klient"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document confirm = Jsoup.parse(firstStep);
        assertThat(confirm.select("#confirm-removal p").text()).isEqualTo("Posten Multisystemisk terapi (MST) 2025-03-01– "
                + "tas bort från klientens uppgifter och från rapporterna. Den finns kvar i ändringshistoriken med orsaken: "
                + "Registrerad på fel klient");
        assertThat(file(session, client).path("interventions")).hasSize(1);

        mvc.perform(post("/followup/clients/" + client + "/interventions/" + intervention + "/remove")
                        .cookie(session).with(csrf()).param("reason", "Registrerad på fel klient").param("confirmed", "true"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        Document after = page(session, client);
        assertThat(after.select("#interventions-table")).isEmpty();
        assertThat(historyRows(after)).containsExactly("demo-caseworker | Borttagen insats"
                + " | Borttagen | MST 2025-03-01– |  | Klientsidan | Registrerad på fel klient");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE actor = 'demo-caseworker' AND action = 'INTERVENTION_REMOVED' "
                + "AND object_id = :c").param("c", String.valueOf(client)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theApiCorrectsAndRemovesWithinTheUnitOnly() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        long client = newClient(session, "19800101" + "989" + luhnOf("800101989"));
        mvc.perform(post("/followup/clients/" + client + "/interventions").cookie(session).with(csrf())
                .param("interventionCode", "FFT").param("startDate", "2025-03-01"));
        long intervention = file(session, client).path("interventions").get(0).path("id").asLong();
        String path = "/api/v1/followup/clients/" + client + "/interventions/" + intervention;

        mvc.perform(patch(path).cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endDate\":\"2026-13-01\",\"endReason\":\"completed\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("endDate"))
                .andExpect(jsonPath("$.errors[0].field").value("endDate"))
                .andExpect(jsonPath("$.detail").value("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag."));
        mvc.perform(patch(path).cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endDate\":\"2025-10-01\",\"endReason\":\"completed\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changedFields").value(2));
        JsonNode stored = file(session, client).path("interventions").get(0);
        assertThat(List.of(stored.path("endDate").asString(), stored.path("endReason").asString()))
                .containsExactly("2025-10-01", "completed");

        Cookie lund = SignedIn.session(mvc, "demo-lund", "demo");
        mvc.perform(patch(path).cookie(lund).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endDate\":\"2025-11-01\"}")).andExpect(status().isNotFound());
        mvc.perform(delete(path).cookie(lund).with(csrf()).param("reason", "fel")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/followup/clients/" + client + "/history").cookie(lund)).andExpect(status().isNotFound());

        mvc.perform(delete(path).cookie(session).with(csrf()).param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("reason"))
                .andExpect(jsonPath("$.detail").value("Say why the entry is removed (at most 500 characters)."));
        mvc.perform(delete(path).cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Fel insats\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/followup/clients/" + client + "/history").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].field").value("removed"))
                .andExpect(jsonPath("$[0].reason").value("Fel insats"))
                .andExpect(jsonPath("$[0].source").value("api"));
        assertThat(jdbc.sql("SELECT action FROM aud_event WHERE object_id = :c AND action IN "
                        + "('INTERVENTION_CORRECTED', 'INTERVENTION_REMOVED', 'CLIENT_HISTORY_READ', 'CLIENT_ACCESS_DENIED') "
                        + "ORDER BY seq").param("c", String.valueOf(client)).query(String.class).list())
                .containsExactly("INTERVENTION_CORRECTED", "CLIENT_ACCESS_DENIED", "CLIENT_ACCESS_DENIED",
                        "CLIENT_ACCESS_DENIED", "INTERVENTION_REMOVED", "CLIENT_HISTORY_READ");
    }

    @Test
    void aWronglyEnteredScoreIsCorrectedOnThePageAndANeedThroughTheApi() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        long client = newClient(session, "19800101" + "991" + luhnOf("800101991"));
        mvc.perform(post("/followup/clients/" + client + "/measurements").cookie(session).with(csrf())
                        .param("instrumentCode", "who5").param("measuredOn", "2025-03-01").param("timePoint", "baseline")
                        .param("item-1", "2").param("item-2", "2").param("item-3", "2").param("item-4", "2")
                        .param("item-5", "2"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        long measurement = file(session, client).path("measurements").get(0).path("id").asLong();
        assertThat(page(session, client).select("#measurement-" + measurement + " td").eachText().subList(0, 4))
                .containsExactly("WHO-5 välbefinnandeindex", "2025-03-01", "Baslinje", "40,0");

        mvc.perform(post("/followup/clients/" + client + "/measurements/" + measurement + "/correct").cookie(session)
                        .with(csrf()).param("score", "abc"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/followup/clients/" + client + "/measurements/" + measurement + "/correct").cookie(session)
                        .with(csrf()).param("score", "62,5"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        Document after = page(session, client);
        assertThat(after.select("#measurement-" + measurement + " td").eachText().get(3)).isEqualTo("62,5");
        assertThat(historyRows(after)).containsExactly(
                "demo-caseworker | WHO-5 välbefinnandeindex, baslinje 2025-03-01 | Poäng | 40 | 62,5 | Klientsidan | ",
                "demo-caseworker | WHO-5 välbefinnandeindex, baslinje 2025-03-01 | Svar per fråga | 2,2,2,2,2 |  | Klientsidan | ");
        Document english = Jsoup.parse(mvc.perform(get("/followup/clients/" + client).cookie(session)
                        .param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(historyRows(english).get(0)).isEqualTo(
                "demo-caseworker | WHO-5 Well-Being Index, baseline 2025-03-01 | Score | 40 | 62.5 | Client page | ");

        mvc.perform(post("/followup/clients/" + client + "/needs").cookie(session).with(csrf())
                .param("assessedOn", "2025-03-01").param("level-d2", "2").param("goal-d2", "Arbete"));
        long need = file(session, client).path("needs").get(0).path("id").asLong();
        String path = "/api/v1/followup/clients/" + client + "/needs/" + need;
        mvc.perform(patch(path).cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":7}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("level"));
        mvc.perform(patch(path).cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":4}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changedFields").value(1));
        assertThat(file(session, client).path("needs").get(0).path("level").asInt()).isEqualTo(4);
        mvc.perform(put("/api/v1/followup/clients/" + client + "/measurements/" + measurement).cookie(session)
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"score\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("score"))
                .andExpect(jsonPath("$.detail").value("Fältet score har fel form eller typ."));
        mvc.perform(put("/api/v1/followup/clients/" + client + "/measurements/" + measurement).cookie(session)
                        .with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The data could not be read. Send valid JSON in which every "
                        + "field has the right type (numbers as numbers, dates as YYYY-MM-DD)."));
        mvc.perform(get("/api/v1/followup/clients/abc").cookie(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"))
                .andExpect(jsonPath("$.detail").value("Värdet för id har fel form."));
        mvc.perform(put("/api/v1/followup/clients/" + client + "/measurements/" + measurement).cookie(session)
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"score\":64}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changedFields").value(1));

        Cookie lund = SignedIn.session(mvc, "demo-lund", "demo");
        mvc.perform(delete(path).cookie(lund).with(csrf()).param("reason", "fel")).andExpect(status().isNotFound());
        mvc.perform(delete(path).cookie(session).with(csrf()).param("reason", "Fel datum"))
                .andExpect(status().isNoContent());
        assertThat(file(session, client).path("needs")).isEmpty();

        String firstStep = mvc.perform(post("/followup/clients/" + client + "/measurements/" + measurement + "/remove")
                        .cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "sv").param("reason", "Dubblett"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(firstStep).select("#confirm-removal p").text()).startsWith("Posten WHO-5 välbefinnandeindex baslinje 2025-03-01: 64 ");
        assertThat(file(session, client).path("measurements")).hasSize(1);
        mvc.perform(post("/followup/clients/" + client + "/measurements/" + measurement + "/remove")
                        .cookie(session).with(csrf()).param("reason", "Dubblett").param("confirmed", "true"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        assertThat(file(session, client).path("measurements")).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM aud_event WHERE object_id = :c AND action IN ('MEASUREMENT_CORRECTED', "
                        + "'NEED_CORRECTED', 'NEED_REMOVED', 'MEASUREMENT_REMOVED') ORDER BY seq")
                .param("c", String.valueOf(client)).query(String.class).list())
                .containsExactly("MEASUREMENT_CORRECTED", "NEED_CORRECTED", "MEASUREMENT_CORRECTED", "NEED_REMOVED",
                        "MEASUREMENT_REMOVED");
    }

    @Test
    void importErrorsAreShownWithTheirArgumentsOnThePageAndInTheApi() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        String number = "19800101" + "990" + luhnOf("800101990");
        String file = "personnummer,unit_code,focus_area,start_date,end_date\n"
                + number + ",1280-IFO-BU,children-youth,2025-03-01,\n"
                + number + ",1280-IFO-BU,children-youth,2025-03-01,2025-06-01\n";
        String page = mvc.perform(multipart("/followup/import").file(new MockMultipartFile("file", "episodes.csv",
                                "text/csv", file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("type", "episodes").cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "sv"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#import-errors tbody tr").eachText()).containsExactly(
                "3 Raden har samma nyckel som rad 2 (samma klient och samma nyckelkolumner). "
                        + "Varje post får bara finnas en gång i filen.");

        mvc.perform(post("/api/v1/followup/imports").param("type", "episodes").param("lang", "en").cookie(session)
                        .with(csrf()).contentType("text/csv").content(file))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].messageKey").value("import.error.duplicate-key"))
                .andExpect(jsonPath("$.errors[0].args[0]").value("2"))
                .andExpect(jsonPath("$.errors[0].message").value("The row has the same key as row 2 (the same client "
                        + "and key columns). Each entry may appear only once in a file."));
    }

    private static int luhnOf(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
