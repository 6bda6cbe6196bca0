package se.samsyn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Set;
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
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Issue 12 point 2: a change of an account's rights takes effect on its open sessions at once.
 * Each test signs a fresh account in, changes it as an administrator, and sends the same session
 * cookie again: the page leads to the login page, the API answers 401, and the end is audited.
 */
@SpringBootTest(properties = "samsyn.demo=false")
@AutoConfigureMockMvc
class SessionRightsIntegrationTests {

    static final String PASSWORD = "a-good-password-1";
    static final Actor ADMIN = new Actor("system-test-admin", Role.ADMINISTRATOR, Scope.nation());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "session_rights");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Units units;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisabledAccountsOpenSessionIsRefusedOnTheNextRequest() throws Exception {
        UserAccount account = caseWorker("sr-disabled", "1280-SR-1");
        Cookie session = SignedIn.session(mvc, "sr-disabled", PASSWORD);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("sr-disabled"));

        accounts.change(ADMIN, account.id(), Role.CASE_WORKER, account.scope(), false);

        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Inte inloggad"));
        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(sessionsEnded("sr-disabled")).isEqualTo(1);
    }

    @Test
    void aDemotedAccountsOpenSessionIsRefusedAndANewSignInGetsTheNewRole() throws Exception {
        UserAccount account = caseWorker("sr-demoted", "1280-SR-2");
        Cookie session = SignedIn.session(mvc, "sr-demoted", PASSWORD);
        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

        accounts.change(ADMIN, account.id(), Role.MUNICIPAL_ANALYST, Scope.municipality("1280"), true);

        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(sessionsEnded("sr-demoted")).isEqualTo(1);

        Cookie again = SignedIn.session(mvc, "sr-demoted", PASSWORD);
        mvc.perform(get("/api/v1/me").cookie(again)).andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("municipal-analyst"));
    }

    @Test
    void aDeactivatedUnitEndsItsStaffsSessionsRefusesTheirTokensAndTheirSignIn() throws Exception {
        caseWorker("sr-unit-staff", "1280-SR-3");
        Cookie session = SignedIn.session(mvc, "sr-unit-staff", PASSWORD);
        String token = tokens.create(new Actor("sr-unit-staff", Role.CASE_WORKER, Scope.unit("1280-SR-3")),
                "integration", 30).secret();
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());

        units.change(ADMIN, "1280-SR-3", "Enhet 1280-SR-3", Set.of(FocusArea.CHILDREN_YOUTH), false);

        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", "sr-unit-staff").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(sessionsEnded("sr-unit-staff")).isEqualTo(1);
    }

    @Test
    void anUnchangedAccountKeepsItsSession() throws Exception {
        caseWorker("sr-unchanged", "1280-SR-4");
        Cookie session = SignedIn.session(mvc, "sr-unchanged", PASSWORD);
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        }
        assertThat(sessionsEnded("sr-unchanged")).isZero();
    }

    private UserAccount caseWorker(String username, String unitCode) {
        units.register(ADMIN, new NewUnit("1280", unitCode, "Enhet " + unitCode, Set.of(FocusArea.CHILDREN_YOUTH)));
        return accounts.create(ADMIN, username, PASSWORD, Role.CASE_WORKER, Scope.unit(unitCode));
    }

    private int sessionsEnded(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'SESSION_ENDED' AND actor = :u "
                + "AND details = 'reason=rights-changed'").param("u", username).query(Integer.class).single();
    }
}
