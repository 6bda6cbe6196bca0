package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import se.samsyn.identity.ApiTokens;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * No invented data, through the real pages and API as demo-caseworker: WHO-5 items start
 * unanswered, a form with unanswered items is refused with the items named and the other input
 * kept, and a second or late baseline is stored only after confirmation.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class MeasurementFormIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "measurement-form");
    }

    static final Actor WORKER = new Actor("demo-caseworker", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    Cookie session;

    static int nextSerial = 300;

    @BeforeEach
    void signIn() throws Exception {
        session = SignedIn.session(mvc, "demo-caseworker", "demo");
    }

    long newClient() throws Exception {
        String location = mvc.perform(post("/followup/clients").with(csrf()).cookie(session)
                        .param("personnummer", TestNumbers.number(nextSerial++)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    int stored(long client) {
        return jdbc.sql("SELECT COUNT(*) FROM fup_measurement WHERE client_id = :c").param("c", client)
                .query(Integer.class).single();
    }

    MockHttpServletRequestBuilder who5(long client, LocalDate on, String timePoint, String... answers) {
        MockHttpServletRequestBuilder request = post("/followup/clients/" + client + "/measurements").with(csrf())
                .cookie(session).param("instrumentCode", "who5").param("measuredOn", on.toString())
                .param("timePoint", timePoint);
        for (int i = 0; i < answers.length; i++) {
            request.param("item-" + (i + 1), answers[i]);
        }
        return request;
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theWho5FormStartsWithEveryItemUnanswered() throws Exception {
        long client = newClient();
        Document page = page(get("/followup/clients/" + client).cookie(session), 200);

        for (int item = 1; item <= 5; item++) {
            var select = page.getElementById("who5-item-" + item);
            assertThat(select.select("option[selected]")).as("item " + item).hasSize(1);
            assertThat(select.selectFirst("option[selected]").attr("value")).isEmpty();
            assertThat(select.selectFirst("option[selected]").text()).isEqualTo("– välj –");
        }
    }

    @Test
    void anUntouchedFormIsRefusedNamingEveryItemAndStoresNothing() throws Exception {
        long client = newClient();
        Document page = page(who5(client, LocalDate.now().minusDays(2), "baseline", "", "", "", "", ""), 422);

        assertThat(page.getElementById("who5-error").selectFirst("p").text())
                .isEqualTo("Obesvarade frågor: 1, 2, 3, 4, 5. Välj ett svar för varje fråga; inget har sparats.");
        assertThat(page.getElementById("who5-error").select("li")).hasSize(5);
        assertThat(stored(client)).isZero();
    }

    @Test
    void unansweredItemsAreNamedInSwedishAndTheOtherAnswersAndFieldsAreKept() throws Exception {
        long client = newClient();
        LocalDate on = LocalDate.now().minusDays(10);
        Document page = page(who5(client, on, "followup-6m", "4", "", "3", "", "1"), 422);

        assertThat(page.getElementById("who5-error").selectFirst("p").text())
                .isEqualTo("Obesvarade frågor: 2, 4. Välj ett svar för varje fråga; inget har sparats.");
        assertThat(page.getElementById("who5-error").select("li").eachText()).containsExactly(
                "2. Jag har känt mig lugn och avslappnad", "4. Jag har vaknat upp och känt mig frisk och utvilad");
        assertThat(selected(page, "who5-item-1")).isEqualTo("4");
        assertThat(selected(page, "who5-item-2")).isEmpty();
        assertThat(selected(page, "who5-item-3")).isEqualTo("3");
        assertThat(selected(page, "who5-item-4")).isEmpty();
        assertThat(selected(page, "who5-item-5")).isEqualTo("1");
        assertThat(page.getElementById("who5-item-2").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("who5-item-1").hasAttr("aria-invalid")).isFalse();
        assertThat(page.getElementById("who5-date").attr("value")).isEqualTo(on.toString());
        assertThat(selected(page, "who5-point")).isEqualTo("followup-6m");
        assertThat(stored(client)).isZero();
    }

    @Test
    void aDayNotInTheCalendarIsRefusedWithTheDayAndTheAnswersKept() throws Exception {
        long client = newClient();
        MockHttpServletRequestBuilder request = post("/followup/clients/" + client + "/measurements").with(csrf())
                .cookie(session).param("instrumentCode", "who5").param("measuredOn", "2025-02-30")
                .param("timePoint", "baseline");
        for (int item = 1; item <= 5; item++) {
            request.param("item-" + item, "3");
        }
        Document page = page(request, 422);

        // beside the date field, named by it, not above the form's fields
        assertThat(page.getElementById("who5-error")).isNull();
        assertThat(page.getElementById("who5-measuredOn-error").text())
                .isEqualTo("Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        assertThat(page.getElementById("who5-measuredOn-error").previousElementSibling().id()).isEqualTo("who5-date");
        assertThat(page.getElementById("who5-date").attr("aria-describedby")).isEqualTo("who5-measuredOn-error");
        assertThat(page.getElementById("who5-date").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("who5-point").hasAttr("aria-invalid")).isFalse();
        assertThat(page.getElementById("who5-date").attr("value")).isEqualTo("2025-02-30");
        assertThat(selected(page, "who5-item-5")).isEqualTo("3");
        assertThat(stored(client)).isZero();
    }

    @Test
    void anUnknownTimePointIsRefusedBesideTheTimePoint() throws Exception {
        long client = newClient();
        Document page = page(who5(client, LocalDate.now().minusDays(2), "later", "4", "4", "4", "4", "4"), 422);

        assertThat(page.getElementById("who5-error")).isNull();
        assertThat(page.getElementById("who5-timePoint-error").text())
                .isEqualTo("Tidpunkten ska vara baseline, followup-6m, followup-12m eller end.");
        assertThat(page.getElementById("who5-timePoint-error").previousElementSibling().id()).isEqualTo("who5-point");
        assertThat(page.getElementById("who5-point").attr("aria-describedby")).isEqualTo("who5-timePoint-error");
        assertThat(page.getElementById("who5-date").hasAttr("aria-invalid")).isFalse();
        assertThat(stored(client)).isZero();
    }

    @Test
    void theRefusalIsInEnglishWhenChosen() throws Exception {
        long client = newClient();
        Document page = page(who5(client, LocalDate.now().minusDays(2), "baseline", "4", "4", "", "4", "4")
                .param("lang", "en"), 422);

        assertThat(page.getElementById("who5-error").selectFirst("p").text())
                .isEqualTo("Unanswered items: 3. Choose an answer for every item; nothing has been saved.");
        assertThat(page.getElementById("who5-error").select("li").eachText())
                .containsExactly("3. I have felt active and vigorous");
    }

    @Test
    void aSecondBaselineIsShownAsAWarningAndStoredOnlyAfterSaveAnyway() throws Exception {
        long client = newClient();
        mvc.perform(who5(client, LocalDate.now().minusMonths(3), "baseline", "2", "2", "2", "2", "2"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        assertThat(stored(client)).isEqualTo(1);

        LocalDate second = LocalDate.now().minusMonths(1);
        Document page = page(who5(client, second, "baseline", "3", "4", "3", "2", "1"), 409);
        assertThat(page.getElementById("who5-confirm").text()).contains(
                "Klienten har redan en baslinjemätning med instrumentet (" + LocalDate.now().minusMonths(3) + ").",
                "Inget har sparats.");
        assertThat(page.getElementById("confirm-who5").text()).isEqualTo("Spara ändå");
        assertThat(page.getElementById("confirm-who5").attr("name")).isEqualTo("confirm");
        assertThat(page.getElementById("confirm-who5").attr("value")).isEqualTo("true");
        assertThat(selected(page, "who5-item-2")).isEqualTo("4");
        assertThat(page.getElementById("who5-date").attr("value")).isEqualTo(second.toString());
        assertThat(stored(client)).isEqualTo(1);

        mvc.perform(who5(client, second, "baseline", "3", "4", "3", "2", "1").param("confirm", "true"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        assertThat(stored(client)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT score FROM fup_measurement WHERE client_id = :c AND measured_on = :d")
                .param("c", client).param("d", second).query(Double.class).single()).isEqualTo(52.0);
    }

    @Test
    void aBaselineDatedAfterAFollowUpNeedsConfirmation() throws Exception {
        long client = newClient();
        LocalDate followUp = LocalDate.now().minusMonths(2);
        mvc.perform(who5(client, followUp, "followup-6m", "3", "3", "3", "3", "3"))
                .andExpect(redirectedUrl("/followup/clients/" + client));

        LocalDate late = LocalDate.now().minusMonths(1);
        Document page = page(who5(client, late, "baseline", "1", "1", "1", "1", "1"), 409);
        assertThat(page.getElementById("who5-confirm").selectFirst("p").text()).isEqualTo("Baslinjen den " + late
                + " ligger efter en uppföljningsmätning som redan finns (" + followUp
                + "). Förändringen räknas från baslinjen.");
        assertThat(stored(client)).isEqualTo(1);

        mvc.perform(who5(client, late, "baseline", "1", "1", "1", "1", "1").param("confirm", "true"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        assertThat(stored(client)).isEqualTo(2);
    }

    @Test
    void aBaselineBeforeTheFollowUpNeedsNoConfirmation() throws Exception {
        long client = newClient();
        mvc.perform(who5(client, LocalDate.now().minusMonths(2), "followup-6m", "3", "3", "3", "3", "3"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        mvc.perform(who5(client, LocalDate.now().minusMonths(8), "baseline", "1", "1", "1", "1", "1"))
                .andExpect(redirectedUrl("/followup/clients/" + client));
        assertThat(stored(client)).isEqualTo(2);
    }

    @Test
    void theApiNamesUnansweredItemsIn422AndStoresNothing() throws Exception {
        long client = newClient();
        mvc.perform(api(client, "{\"instrumentCode\":\"who5\",\"measuredOn\":\"" + LocalDate.now().minusDays(1)
                        + "\",\"timePoint\":\"baseline\",\"answers\":[3,null,4,null,2]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("items-unanswered"))
                .andExpect(jsonPath("$.items[0]").value(2))
                .andExpect(jsonPath("$.items[1]").value(4))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.detail")
                        .value("Obesvarade frågor: 2, 4. Välj ett svar för varje fråga; inget har sparats."));
        mvc.perform(api(client, "{\"instrumentCode\":\"who5\",\"measuredOn\":\"" + LocalDate.now().minusDays(1)
                        + "\",\"timePoint\":\"baseline\",\"answers\":[3,3,4]}").param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.detail")
                        .value("Unanswered items: 4, 5. Choose an answer for every item; nothing has been saved."));
        assertThat(stored(client)).isZero();
    }

    @Test
    void theApiAnswers409ForASecondBaselineAnd201WithConfirm() throws Exception {
        long client = newClient();
        LocalDate first = LocalDate.now().minusMonths(4);
        String body = "{\"instrumentCode\":\"who5\",\"measuredOn\":\"%s\",\"timePoint\":\"baseline\",\"answers\":[%s]}";
        mvc.perform(api(client, body.formatted(first, "1,2,3,4,5"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(60.0));

        LocalDate second = LocalDate.now().minusMonths(2);
        mvc.perform(api(client, body.formatted(second, "5,5,5,5,5"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("baseline-needs-confirmation"))
                .andExpect(jsonPath("$.reason").value("second-baseline"))
                .andExpect(jsonPath("$.existingOn").value(first.toString()))
                .andExpect(jsonPath("$.detail").value("Klienten har redan en baslinjemätning med instrumentet ("
                        + first + "). En ny baslinje den " + second + " ändrar hur förändringen räknas. "
                        + "Inget har sparats; skicka confirm=true för att spara ändå."));
        assertThat(stored(client)).isEqualTo(1);

        mvc.perform(api(client, body.formatted(second, "5,5,5,5,5")).param("confirm", "true"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(100.0));
        assertThat(stored(client)).isEqualTo(2);

        LocalDate third = LocalDate.now().minusMonths(1);
        mvc.perform(api(client, body.formatted(third, "0,0,0,0,0").replace("}", ",\"confirm\":true}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(0.0));
        assertThat(stored(client)).isEqualTo(3);
    }

    @Test
    void theApiAsksToConfirmABaselineAfterAFollowUp() throws Exception {
        long client = newClient();
        LocalDate followUp = LocalDate.now().minusMonths(3);
        mvc.perform(api(client, "{\"instrumentCode\":\"who5\",\"measuredOn\":\"" + followUp
                + "\",\"timePoint\":\"followup-6m\",\"score\":64}")).andExpect(status().isCreated());
        mvc.perform(api(client, "{\"instrumentCode\":\"who5\",\"measuredOn\":\"" + LocalDate.now().minusMonths(1)
                        + "\",\"timePoint\":\"baseline\",\"score\":40}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("baseline-needs-confirmation"))
                .andExpect(jsonPath("$.reason").value("after-followup"))
                .andExpect(jsonPath("$.existingOn").value(followUp.toString()));
        assertThat(stored(client)).isEqualTo(1);
    }

    MockHttpServletRequestBuilder api(long client, String json) {
        return post("/api/v1/followup/clients/" + client + "/measurements")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.create(WORKER, "measurements", 1).secret())
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static String selected(Document page, String id) {
        var option = page.getElementById(id).selectFirst("option[selected]");
        return option == null ? "" : option.attr("value");
    }
}
