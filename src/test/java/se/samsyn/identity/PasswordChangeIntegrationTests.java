package se.samsyn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * A fresh installation without demo data, started with SAMSYN_ADMIN_USERNAME and
 * SAMSYN_ADMIN_PASSWORD: the first administrator exists after start-up and must change the
 * password before anything else, through the real security chain and pages.
 */
@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.admin.username=first-admin",
        "samsyn.admin.password=first-password-1"})
@AutoConfigureMockMvc
class PasswordChangeIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "password_change");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    final Actor firstAdmin = new Actor("first-admin", Role.ADMINISTRATOR, Scope.nation());

    @Test
    void theFirstAdministratorSignsInChangesThePasswordAndThenUsesSamsyn() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'USER_CREATED' AND actor = 'system' "
                + "AND details LIKE 'username=first-admin;%'").query(Integer.class).single()).isEqualTo(1);

        Cookie session = login("first-admin", "first-password-1");
        mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/admin/users").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1")
                        .param("newPassword", "a-new-password-9").param("confirmation", "a-new-password-9"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));

        MvcResult home = mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn();
        assertThat(Jsoup.parse(home.getResponse().getContentAsString()).select(".who").text()).contains("first-admin");
        mvc.perform(get("/admin/users").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        assertThat(accounts.passwordChangeRequired("first-admin")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'PASSWORD_CHANGED' AND actor = 'first-admin'")
                .query(Integer.class).single()).isEqualTo(1);

        // the next sign-in goes straight to the start page, with the new password only
        mvc.perform(post("/login").with(csrf()).param("username", "first-admin").param("password", "first-password-1"))
                .andExpect(redirectedUrl("/login?error"));
        login("first-admin", "a-new-password-9", "/");
    }

    @Test
    void theChangePageSaysWhyAndAsksForTheThreeFieldsInSwedishAndEnglish() throws Exception {
        Cookie session = flaggedAccount("page-reader", "reader-password-1");
        Document page = Jsoup.parse(mvc.perform(get("/account/password").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Byt lösenord");
        assertThat(page.select("#password-required").text())
                .isEqualTo("Du behöver välja ett nytt lösenord innan du kan fortsätta.");
        assertThat(page.select("label").eachText())
                .containsExactly("Nuvarande lösenord", "Nytt lösenord", "Upprepa det nya lösenordet");
        assertThat(page.select("form[action=/account/password] input[name=_csrf]")).hasSize(1);
        assertThat(page.select("input[type=password]").eachAttr("name"))
                .containsExactly("currentPassword", "newPassword", "confirmation");

        Document english = Jsoup.parse(mvc.perform(get("/account/password").param("lang", "en").cookie(session)
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString());
        assertThat(english.select("h1").text()).isEqualTo("Change password");
        assertThat(english.select("#password-required").text())
                .isEqualTo("You need to choose a new password before you can continue.");
    }

    @Test
    void aWrongCurrentPasswordIsShownBesideTheFormAndChangesNothing() throws Exception {
        Cookie session = flaggedAccount("wrong-typist", "typist-password-1");
        Document page = Jsoup.parse(mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "not-my-password")
                        .param("newPassword", "a-new-password-9").param("confirmation", "a-new-password-9"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#password-error").text()).isEqualTo("Det nuvarande lösenordet stämmer inte.");
        assertThat(page.select("#currentPassword").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#currentPassword").attr("aria-describedby")).isEqualTo("password-error");
        assertThat(page.select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);
        assertThat(page.html()).doesNotContain("not-my-password").doesNotContain("a-new-password-9");
        assertThat(accounts.passwordChangeRequired("wrong-typist")).isTrue();
        mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/account/password"));

        Document mismatch = Jsoup.parse(mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "typist-password-1")
                        .param("newPassword", "a-new-password-9").param("confirmation", "a-new-password-8"))
                .andReturn().getResponse().getContentAsString());
        assertThat(mismatch.select("#password-error").text()).isEqualTo("Upprepningen stämmer inte med det nya lösenordet.");
        assertThat(mismatch.select("#confirmation").attr("aria-invalid")).isEqualTo("true");

        Document same = Jsoup.parse(mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "typist-password-1")
                        .param("newPassword", "typist-password-1").param("confirmation", "typist-password-1"))
                .andReturn().getResponse().getContentAsString());
        assertThat(same.select("#password-error").text()).isEqualTo("Det nya lösenordet måste skilja sig från det nuvarande.");
    }

    @Test
    void aPostWithoutCsrfIsRefused() throws Exception {
        Cookie session = flaggedAccount("csrf-check", "csrf-password-1");
        mvc.perform(post("/account/password").cookie(session)
                        .param("currentPassword", "csrf-password-1")
                        .param("newPassword", "a-new-password-9").param("confirmation", "a-new-password-9"))
                .andExpect(status().isForbidden());
        assertThat(accounts.passwordChangeRequired("csrf-check")).isTrue();
    }

    @Test
    void whileTheChangeIsPendingStaticFilesAndLogoutWorkAndTheApiAnswers403() throws Exception {
        Cookie session = flaggedAccount("pending-user", "pending-password-1");
        mvc.perform(get("/css/samsyn.css").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Åtkomst nekad"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Lösenordet måste bytas först")));
        mvc.perform(get("/api/v1/me").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Password change required")));
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/?loggedOut"));
    }

    @Test
    void aBearerTokenOfAnAccountThatMustChangeItsPasswordIsRefusedWith403() throws Exception {
        UserAccount account = accounts.create(firstAdmin, "token-owner", "owner-password-1", Role.NATIONAL_ANALYST,
                Scope.nation());
        String secret = tokens.create(new Actor("token-owner", Role.NATIONAL_ANALYST, Scope.nation()), "system", 30)
                .secret();
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("token-owner"));

        accounts.requirePasswordChange(firstAdmin, account.id());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Password change required")));
    }

    /** A new account that must change its password, signed in; login lands on the change page. */
    private Cookie flaggedAccount(String username, String password) throws Exception {
        UserAccount account = accounts.create(firstAdmin, username, password, Role.NATIONAL_ANALYST, Scope.nation());
        accounts.requirePasswordChange(firstAdmin, account.id());
        return login(username, password);
    }

    private Cookie login(String username, String password) throws Exception {
        return login(username, password, "/account/password");
    }

    private Cookie login(String username, String password, String landing) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, password, landing);
    }
}
