package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
import se.samsyn.identity.Accounts;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who may reach what, through the real security chain, with the demo accounts. */
@SpringBootTest(properties = "samsyn.demo=true")
@AutoConfigureMockMvc
class SecurityIntegrationTests {

    static final List<String> PROTECTED_PAGES = List.of("/admin/users", "/admin/units", "/admin/reference-data",
            "/admin/audit", "/account/tokens", "/admin/users/1");
    static final List<String> PROTECTED_APIS = List.of("/api/v1/me", "/api/v1/units", "/api/v1/tokens",
            "/api/v1/admin/users", "/api/v1/admin/audit", "/api/v1/admin/audit/verification",
            "/api/v1/admin/reference-data");
    static final List<String> PUBLIC = List.of("/", "/login", "/municipalities", "/municipalities/1280", "/map", "/om/sekretess",
            "/api/v1/municipalities", "/api/v1/municipalities/1280", "/api/v1/counties", "/api/v1/municipality-groups",
            "/api/v1/geo/counties", "/actuator/health", "/v3/api-docs", "/api/kolada/v2/kpi",
            "/api/kolada/v2/municipality_groups");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "security");
    }

    @Autowired
    SessionCsrfTokens csrfTokens;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anonymousVisitorsAreSentToLoginFromEveryProtectedPage() throws Exception {
        for (String page : PROTECTED_PAGES) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anonymousCallersGet401ProblemDetailsFromEveryProtectedApi() throws Exception {
        for (String api : PROTECTED_APIS) {
            mvc.perform(get(api)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(401));
        }
        mvc.perform(post("/api/v1/admin/units").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theSecurityProblemsSpeakTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Inte inloggad","status":401,
                         "detail":"Logga in eller skicka en personlig API-nyckel som bearer-token.",
                         "instance":"/api/v1/me"}""", org.springframework.test.json.JsonCompareMode.STRICT));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not signed in"))
                .andExpect(jsonPath("$.detail").value("Sign in or send a personal API token as a bearer token."));

        Cookie session = login("demo-caseworker", "demo");
        mvc.perform(get("/api/v1/admin/users").cookie(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Åtkomst nekad"))
                .andExpect(jsonPath("$.detail").value("Du har inte behörighet till detta."));
    }

    @Test
    void publicPagesAndApisAreOpen() throws Exception {
        for (String path : PUBLIC) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/municipalities").param("q", "malm"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("1280"))
                .andExpect(jsonPath("$[0].name").value("Malmö"))
                .andExpect(jsonPath("$[0].countyCode").value("12"))
                .andExpect(jsonPath("$[0].countyName").value("Skåne län"))
                .andExpect(jsonPath("$[0].groupCode").value("A1"))
                .andExpect(jsonPath("$[0].population").value(357377));
        mvc.perform(get("/api/v1/municipalities")).andExpect(jsonPath("$.length()").value(290));
    }

    @Test
    void pagesCarrySecureHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void meReturnsTheSignedInUsersRoleAndScope() throws Exception {
        Cookie session = login("demo-caseworker", "demo");
        mvc.perform(get("/api/v1/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("demo-caseworker"))
                .andExpect(jsonPath("$.role").value("case-worker"))
                .andExpect(jsonPath("$.scope.type").value("unit"))
                .andExpect(jsonPath("$.scope.code").value("1280-IFO-BU"));
    }

    @Test
    void aCaseWorkerCannotOpenUserAdministration() throws Exception {
        Cookie session = login("demo-caseworker", "demo");
        mvc.perform(get("/admin/users").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/users").cookie(session)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aMunicipalAdministratorCannotCreateAUserInAnotherMunicipality() throws Exception {
        Cookie session = login("demo-malmo-admin", "demo");
        mvc.perform(post("/api/v1/admin/users").cookie(session).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"lund-analyst","password":"a-long-password","role":"MUNICIPAL_ANALYST",
                                 "scopeType":"MUNICIPALITY","scopeCode":"1281"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("scopeCode"))
                .andExpect(jsonPath("$.detail").value("Du kan bara administrera konton inom ditt eget ansvarsområde."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_user WHERE username = 'lund-analyst'").query(Integer.class).single())
                .isZero();

        mvc.perform(post("/api/v1/admin/users").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"malmo-worker","password":"a-long-password","role":"CASE_WORKER",
                                 "scopeType":"UNIT","scopeCode":"1280-IFO-VUX"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scopeCode").value("1280-IFO-VUX"));

        MvcResult listed = mvc.perform(get("/api/v1/admin/users").cookie(session)).andReturn();
        List<String> names = json.readTree(listed.getResponse().getContentAsString()).findValuesAsString("username");
        assertThat(names).contains("demo-caseworker", "demo-director", "malmo-worker")
                .doesNotContain("demo-admin", "demo-lund", "demo-regional");
    }

    @Test
    void aMunicipalAdministratorCannotRegisterAUnitInAnotherMunicipality() throws Exception {
        Cookie session = login("demo-malmo-admin", "demo");
        mvc.perform(post("/api/v1/admin/units").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"municipalityCode":"1281","code":"1281-NEW","name":"Ny","focusAreas":["violence"]}"""))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = '1281-NEW'").query(Integer.class).single()).isZero();
    }

    @Test
    void aUnitCodeMustCarryItsOwnMunicipalitysCode() throws Exception {
        Cookie session = login("demo-malmo-admin", "demo");
        mvc.perform(post("/api/v1/admin/units").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"municipalityCode":"1280","code":"1281-SNEAK","name":"Ny","focusAreas":["violence"]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail").value("Enhetskoden ska börja med kommunens kod och ett bindestreck, "
                        + "till exempel 1280-IFO."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = '1281-SNEAK'").query(Integer.class).single())
                .isZero();
        mvc.perform(post("/api/v1/admin/units").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"municipalityCode":"1280","code":"1280-NEW","name":"Ny","focusAreas":["violence"]}"""))
                .andExpect(status().isCreated());
    }

    /** Issue 12 point 5: a flood of bad tokens from one address writes one audit row per window, not one per request. */
    @Test
    void aFloodOfBadTokensWritesABoundedNumberOfAuditRows() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action LIKE 'TOKEN_REJECTED%' "
                + "AND client_address = '198.51.100.9'").query(Long.class).single();
        for (int i = 0; i < 300; i++) {
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer smsn_flood" + i)
                            .with(request -> {
                                request.setRemoteAddr("198.51.100.9");
                                return request;
                            }))
                    .andExpect(status().isUnauthorized());
        }
        long after = jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action LIKE 'TOKEN_REJECTED%' "
                + "AND client_address = '198.51.100.9'").query(Long.class).single();
        assertThat(after - before).isLessThanOrEqualTo(2).isGreaterThanOrEqualTo(1);
    }

    /**
     * Issue 12 point 5: an anonymous visitor's reading of the public pages and APIs creates no
     * session (no cookie, no row in the session table); the login page does, for its CSRF token, and
     * signing in with that token works.
     */
    @Test
    void anonymousPublicPagesCreateNoSessionAndTheLoginFormKeepsItsCsrfToken() throws Exception {
        int sessionsBefore = sessions();
        String indicator = firstLink("/comparisons", "/comparisons/indicators/");
        String guideEntry = firstLink("/guide", "/guide/entries/");
        String priorityList = firstLink("/priorities", "/priorities/lists/");
        List<String> pages = List.of("/", "/comparisons", indicator, "/municipalities/1280", "/map", "/guide", guideEntry,
                "/priorities", priorityList, "/api/kolada/v2/kpi", "/api/v1/municipalities");
        for (String page : pages) {
            MvcResult result = mvc.perform(get(page)).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
            assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).as(page)
                    .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
            assertThat(result.getResponse().getContentAsString()).as(page).doesNotContain("csrf-token");
        }
        assertThat(sessions()).isEqualTo(sessionsBefore);

        // the application's own CSRF token repository, as another test's with(csrf()) may have replaced it
        org.springframework.test.web.servlet.request.RequestPostProcessor applicationTokens = request -> {
            org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(request, csrfTokens);
            return request;
        };
        MvcResult loginPage = mvc.perform(get("/login").with(applicationTokens)).andExpect(status().isOk()).andReturn();
        Cookie session = loginPage.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String token = org.jsoup.Jsoup.parse(loginPage.getResponse().getContentAsString())
                .selectFirst("main form input[name=_csrf]").attr("value");
        mvc.perform(post("/login").with(applicationTokens).cookie(session).param("username", "demo-national")
                        .param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(applicationTokens).cookie(session).param("_csrf", token)
                        .param("username", "demo-national").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }

    /**
     * Issue 12 point 5: a changing request without a session and without a CSRF token (sign-out, a
     * stale login form, a form of the application) is refused with 403 and makes no session. (Another
     * test's {@code with(csrf())} puts a test repository into the shared CSRF filter, so each request
     * here puts the application's own back first.)
     */
    @Test
    void aTokenlessAnonymousPostIsRefusedWithoutASession() throws Exception {
        int sessionsBefore = sessions();
        org.springframework.test.web.servlet.request.RequestPostProcessor applicationTokens = request -> {
            org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(request, csrfTokens);
            return request;
        };
        for (String address : List.of("/logout", "/login", "/guide/manage", "/priorities")) {
            MvcResult result = mvc.perform(post(address).with(applicationTokens)
                            .param("username", "demo-national").param("password", "demo"))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(address).isEqualTo(403);
            assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).as(address)
                    .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
        }
        assertThat(sessions()).isEqualTo(sessionsBefore);
    }

    /** The first link on an anonymous page whose address starts with the prefix. */
    private String firstLink(String page, String prefix) throws Exception {
        String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var link = org.jsoup.Jsoup.parse(html).select("main a[href^=" + prefix + "]").first();
        assertThat(link).as("a link to " + prefix + " on " + page).isNotNull();
        return link.attr("href");
    }

    private int sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM cls_session").query(Integer.class).single();
    }

    /** Issue 12 point 5: an oversized search parameter answers 400 in the caller's language, without a trace. */
    @Test
    void anOversizedQueryParameterAnswers400() throws Exception {
        mvc.perform(get("/api/v1/guide/search").param("q", "a".repeat(1100)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("En parameter i adressen är för lång (högst 1 000 tecken)."));
        mvc.perform(get("/api/v1/guide/search").param("q", "a".repeat(1000))).andExpect(status().isOk());
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        Cookie session = login("demo-national", "demo");
        MvcResult created = mvc.perform(post("/api/v1/tokens").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"integration\",\"validDays\":30}"))
                .andExpect(status().isCreated()).andReturn();
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String secret = body.path("secret").asString();
        long id = body.path("token").path("id").asLong();
        assertThat(secret).startsWith("smsn_");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_api_token WHERE token_hash = :s").param("s", secret)
                .query(Integer.class).single()).isZero();

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("demo-national"));
        mvc.perform(delete("/api/v1/tokens/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Inte inloggad"))
                .andExpect(jsonPath("$.detail").value("API-nyckeln är okänd, har gått ut eller har återkallats."))
                .andExpect(jsonPath("$.instance").value("/api/v1/me"));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not signed in"))
                .andExpect(jsonPath("$.detail").value("The API token is unknown, expired or revoked."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'TOKEN_REVOKED' AND actor = 'demo-national'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountAndTheLockIsAudited() throws Exception {
        accounts.provision("lock-me", "correct-password", Role.CASE_WORKER, Scope.unit("1281-IFO"));
        for (int i = 1; i <= 4; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", "lock-me").param("password", "wrong"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // a locked account answers as a wrong password does (issue 12 point 4: no telling names apart)
        mvc.perform(post("/login").with(csrf()).param("username", "lock-me").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", "lock-me").param("password", "correct-password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM idn_user WHERE username = 'lock-me'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'ACCOUNT_LOCKED' AND actor = 'lock-me'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT municipality_code FROM aud_event WHERE action = 'ACCOUNT_LOCKED' AND actor = 'lock-me'")
                .query(String.class).single()).isEqualTo("1281");
    }

    @Test
    void aFailedLoginWithAnUnknownNameDoesNotStoreWhatWasTyped() throws Exception {
        // since issue 12 point 3 a number-shaped parameter is refused (400) before the login even runs
        mvc.perform(post("/login").with(csrf()).param("username", "198001011234").param("password", "x"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE actor LIKE '%198001011234%' OR details LIKE '%198001011234%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unknownMunicipalitiesAreNotFound() throws Exception {
        mvc.perform(get("/municipalities/9999").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/municipalities/9999")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private Cookie login(String username, String password) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, password);
    }
}
