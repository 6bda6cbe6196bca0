package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import se.samsyn.identity.ApiTokens;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Health tells the truth: with the database failing on purpose (as H2 does after closing itself
 * on a full disk), readiness is DOWN, pages answer 503 in Swedish or English, the API answers 503
 * problem details, and an import whose second batch fails leaves nothing behind; once the
 * database works again, so does Samsyn, without a restart.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class DatabaseOutageIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "outage");
    }

    @TestConfiguration
    static class Breakable {
        @Bean
        static BeanPostProcessor breakableDatabase() {
            return BreakableDatabase.wrapper();
        }
    }

    static final Actor WORKER = new Actor("demo-caseworker", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void heal() {
        BreakableDatabase.current().heal();
    }

    @Test
    void readinessGoesDownWhenTheDatabaseCannotBeWrittenAndUpWhenItCanAgain() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().string("{\"status\":\"UP\"}"));

        BreakableDatabase.current().close();
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string("{\"status\":\"DOWN\"}"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());

        BreakableDatabase.current().heal();
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().string("{\"status\":\"UP\"}"));
    }

    @Test
    void aSignedInPageAnswers503InSwedishInsteadOfAStackTrace() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

        BreakableDatabase.current().close();
        String body = mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Databasen kan inte nås");
        assertThat(page.getElementById("database-unavailable").text()).isEqualTo("Samsyn kan inte nå sin databas "
                + "just nu. Det du skickade har inte sparats. Försök igen om en stund.");
        assertThat(body).doesNotContain("Exception", "at se.samsyn", "90098");

        String english = mvc.perform(get("/followup").param("lang", "en").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(english).getElementById("database-unavailable").text())
                .isEqualTo("Samsyn cannot reach its database right now. What you sent has not been saved. "
                        + "Please try again shortly.");

        BreakableDatabase.current().heal();
        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
    }

    @Test
    void theApiAnswers503ProblemDetails() throws Exception {
        String token = tokens.create(WORKER, "outage", 1).secret();
        BreakableDatabase.current().close();
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.code").value("database-unavailable"))
                .andExpect(jsonPath("$.detail").value("Samsyn kan inte nå sin databas just nu. Det du skickade har "
                        + "inte sparats. Försök igen om en stund."));
    }

    @Test
    void anImportWhoseSecondBatchCannotBeWrittenLeavesNothing() throws Exception {
        String token = tokens.create(WORKER, "import", 1).secret();
        int measurementsBefore = count("fup_measurement");
        int clientsBefore = count("fup_client");
        int auditBefore = count("aud_event");
        StringBuilder csv = new StringBuilder("personnummer,unit_code,instrument_code,measured_on,time_point,score\n");
        LocalDate on = LocalDate.of(2025, 3, 1);
        for (int i = 0; i < 6_000; i++) {
            csv.append(number(i)).append(",1280-IFO-BU,who5,").append(on).append(",baseline,").append(i % 101).append('\n');
        }

        BreakableDatabase.current().failBatchInto("fup_measurement", 1);
        mvc.perform(post("/api/v1/followup/imports").param("type", "measurements")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType("text/csv").content(csv.toString()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("database-unavailable"));

        assertThat(count("fup_measurement")).isEqualTo(measurementsBefore);
        assertThat(count("fup_client")).isEqualTo(clientsBefore);
        assertThat(count("aud_event")).isEqualTo(auditBefore);

        BreakableDatabase.current().heal();
        mvc.perform(post("/api/v1/followup/imports").param("type", "measurements")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(6_000));
        assertThat(count("fup_measurement")).isEqualTo(measurementsBefore + 6_000);
    }

    int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    /** Valid synthetic numbers born 1970-01-01 … with serials 0–8999 spread over days, Luhn checked. */
    static String number(int i) {
        String body = String.format("7001%02d%03d", 1 + i / 900, i % 900 + 100);
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int d = (body.charAt(k) - '0') * (k % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return "19" + body + (10 - sum % 10) % 10;
    }
}
