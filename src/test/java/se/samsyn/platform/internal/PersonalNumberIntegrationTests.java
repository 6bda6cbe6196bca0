package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.ApiTokens;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Issue 12 point 3: a number shaped like a personnummer in any path or parameter is refused with
 * 400 before anything is written; it never reaches an audit row or the log.
 */
@SpringBootTest(properties = "samsyn.demo=false")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PersonalNumberIntegrationTests {

    static final Actor ADMIN = new Actor("system-test-admin", Role.ADMINISTRATOR, Scope.nation());
    static final String PASSWORD = "a-good-password-1";
    static final List<String> WRITTEN = List.of("191212121212", "19121212-1212", "19121212+1212", "1212121212",
            "121212-1212");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "personal_number");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Units units;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditTrail audit;

    @Test
    void aNumberInAnyPathOrParameterIsRefusedAndNeverReachesTheAuditRowsOrTheLog(CapturedOutput output)
            throws Exception {
        Cookie session = caseWorkerSession("pn-caseworker", "1280-PN-1");
        String token = tokens.create(new Actor("pn-caseworker", Role.CASE_WORKER, Scope.unit("1280-PN-1")),
                "integration", 30).secret();
        long rowsBefore = auditRows();
        for (String number : WRITTEN) {
            java.net.URI inPath = java.net.URI.create("/api/v1/followup/clients/" + number.replace("+", "%2B"));
            java.net.URI pagePath = java.net.URI.create("/followup/clients/" + number.replace("+", "%2B"));
            mvc.perform(get(inPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Felaktig begäran"))
                    .andExpect(jsonPath("$.detail").value("Adressen eller en parameter ser ut att innehålla ett "
                            + "personnummer. Personnummer får aldrig stå i en adress eller parameter; ange det bara "
                            + "i fältet för personnummer."))
                    .andExpect(jsonPath("$.instance").doesNotExist());
            mvc.perform(get(pagePath).cookie(session).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/guide/search").param("q", number)).andExpect(status().isBadRequest());
            mvc.perform(get(inPath).header(HttpHeaders.AUTHORIZATION, "Bearer smsn_bad"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/login").with(csrf()).param("username", number).param("password", "x"))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/municipalities").param(number, "x")).andExpect(status().isBadRequest());
        }

        assertThat(auditRows()).isEqualTo(rowsBefore);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM aud_event WHERE CONCAT(actor, '|', object_id, '|', details, '|', client_address)
                LIKE '%1212121212%' OR CONCAT(actor, '|', object_id, '|', details) LIKE '%121212-1212%'
                """).query(Integer.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain("1212121212", "121212-1212", "121212+1212");
    }

    @Test
    void thePageAndTheEnglishProblemSayWhy() throws Exception {
        mvc.perform(get("/followup/clients/19121212-1212").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(request -> assertThat(request.getRequest().getAttribute(RequestGuard.MESSAGE_KEY))
                        .isEqualTo("error.personal-number"));
        // what the container's error dispatch then shows (MockMvc does not dispatch to /error itself)
        String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestGuard.MESSAGE_KEY, "error.personal-number"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).contains("ser ut att innehålla ett personnummer")
                .doesNotContain("1212");
        mvc.perform(get("/api/v1/guide/search").param("q", "121212-1212").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value("The address or a parameter seems to hold a personal identity "
                        + "number. A personal identity number must never be part of an address or parameter; enter "
                        + "it only in the personal identity number field."));
    }

    @Test
    void ordinaryNumbersStillPass() throws Exception {
        mvc.perform(get("/municipalities/1280").accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/guide/search").param("q", "2026-01-31 123456789")).andExpect(status().isOk());
    }

    @Test
    void theAuditWriterMasksANumberShapedObjectIdAndTheChainStillVerifies() {
        audit.record(AuditRecord.of("CLIENT_ACCESS_DENIED", AuditCategory.INDIVIDUAL_READ).actorName("pn-test")
                .object("client", "191212121212").details("typed 19121212-1212").build());
        assertThat(jdbc.sql("SELECT object_id || ' / ' || details FROM aud_event WHERE actor = 'pn-test'")
                .query(String.class).single()).isEqualTo("[personnummer] / typed [personnummer]");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void logLinesAndStackTracesAreMasked(CapturedOutput output) {
        LoggerFactory.getLogger("se.samsyn.test").warn("Request /followup/clients/19121212-1212 failed",
                new IllegalArgumentException("For input string: \"191212121212\""));
        assertThat(output.getAll()).contains("Request /followup/clients/[personnummer] failed",
                "For input string: \"[personnummer]\"").doesNotContain("1212121212", "121212-1212");
    }

    private Cookie caseWorkerSession(String username, String unitCode) throws Exception {
        units.register(ADMIN, new NewUnit("1280", unitCode, "Enhet " + unitCode, Set.of(FocusArea.CHILDREN_YOUTH)));
        accounts.create(ADMIN, username, PASSWORD, Role.CASE_WORKER, Scope.unit(unitCode));
        return SignedIn.session(mvc, username, PASSWORD);
    }

    private long auditRows() {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event").query(Long.class).single();
    }
}
