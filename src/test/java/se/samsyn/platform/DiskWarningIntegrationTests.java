package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * The low-disk warning, with the limit set far above any real free space (1000 TB): a national
 * administrator sees the banner on every page and the health details; a case worker does not, and
 * the public and readiness answers stay UP with the status only.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
        "samsyn.disk.warn-below=1000TB"})
@AutoConfigureMockMvc
class DiskWarningIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "disk-warning");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    Document page(String path, Cookie session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aNationalAdministratorSeesTheBannerOnEveryPage() throws Exception {
        Cookie admin = SignedIn.session(mvc, "demo-admin", "demo");
        for (String path : new String[] {"/", "/admin/users", "/comparisons"}) {
            Document page = page(path, admin);
            assertThat(page.getElementById("disk-warning")).as(path).isNotNull();
            assertThat(page.getElementById("disk-warning").text()).as(path)
                    .startsWith("Lågt diskutrymme: ")
                    .contains(" ledigt i datamappen, under varningsgränsen 1000 TB. När disken är full slutar Samsyn "
                            + "att spara; frigör utrymme nu.");
        }
        assertThat(page("/?lang=en", admin).getElementById("disk-warning").text()).startsWith("Low disk space: ")
                .endsWith("below the warning limit of 1000 TB. When the disk is full Samsyn stops saving; free space now.");
    }

    @Test
    void aCaseWorkerAMunicipalAdministratorAndVisitorsDoNot() throws Exception {
        assertThat(page("/followup", SignedIn.session(mvc, "demo-caseworker", "demo")).getElementById("disk-warning"))
                .isNull();
        assertThat(page("/", SignedIn.session(mvc, "demo-malmo-admin", "demo")).getElementById("disk-warning")).isNull();
        assertThat(Jsoup.parse(mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                .getContentAsString()).getElementById("disk-warning")).isNull();
    }

    @Test
    void theHealthDetailsShowItToAdministratorsOnlyAndReadinessStaysUp() throws Exception {
        String token = tokens.create(new Actor("demo-admin", Role.ADMINISTRATOR, Scope.nation()), "health", 1).secret();
        mvc.perform(get("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.dataFolder.status").value("UP"))
                .andExpect(jsonPath("$.components.dataFolder.details.low").value(true))
                .andExpect(jsonPath("$.components.dataFolder.details.warnBelow").value(1000L * 1024 * 1024 * 1024 * 1024))
                .andExpect(jsonPath("$.components.databaseWrite.status").value("UP"));
        String visitor = mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(visitor).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        String readiness = mvc.perform(get("/actuator/health/readiness").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(readiness).isEqualTo("{\"status\":\"UP\"}");
    }
}
