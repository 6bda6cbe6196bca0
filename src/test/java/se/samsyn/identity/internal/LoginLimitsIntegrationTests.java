package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.TestDatabases;
import se.samsyn.identity.Accounts;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Issue 12 points 4 and 5 on the login form and the API: at most 20 login attempts an hour from
 * one address and 10 for one typed name, refused before any password is checked and answered as a
 * wrong password; 5 refused API tokens an hour from one address, then 429; failed logins from one
 * address audited once and then counted (a 10-minute window, ended by the test). The lock is set high (100) so that
 * only the rate limits refuse here. The period is an hour so that no attempt comes back while a
 * slow build machine runs the test (one comes back every 3 minutes for an address).
 */
@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.security.logins-per-address=20",
        "samsyn.security.logins-per-account=10", "samsyn.security.rejected-tokens-per-address=5",
        "samsyn.security.max-failed-logins=100", "samsyn.security.rejection-window=10m",
        "samsyn.security.limit-period=1h"})
@AutoConfigureMockMvc
class LoginLimitsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "login_limits");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepeatedRejections repeated;

    @Test
    void aTypedNameGetsTenAttemptsFromAnyAddressAndTheRestCostNoPasswordCheck() throws Exception {
        accounts.provision("limited-one", "the-right-password", Role.ADMINISTRATOR, Scope.nation());
        for (int i = 1; i <= 12; i++) {
            mvc.perform(login("limited-one", "wrong-" + i, "10.1.0." + i)).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(failedLogins("limited-one")).isEqualTo(10);
        // the right password is refused too while the name's allowance is used up
        mvc.perform(login("limited-one", "the-right-password", "10.1.0.99")).andExpect(redirectedUrl("/login?error"));
        assertThat(failedLogins("limited-one")).isEqualTo(10);
    }

    @Test
    void anAddressGetsTwentyAttemptsOverAllNames() throws Exception {
        List<String> names = List.of("limited-a", "limited-b", "limited-c");
        for (String name : names) {
            accounts.provision(name, "the-right-password", Role.ADMINISTRATOR, Scope.nation());
        }
        for (int i = 0; i < 25; i++) {
            mvc.perform(login(names.get(i % 3), "wrong", "203.0.113.50")).andExpect(redirectedUrl("/login?error"));
        }
        // attempts 0..19 were checked (7, 7 and 6 per name), the last 5 refused unchecked
        assertThat(failedLogins("limited-a")).isEqualTo(7);
        assertThat(failedLogins("limited-b")).isEqualTo(7);
        assertThat(failedLogins("limited-c")).isEqualTo(6);
        mvc.perform(login("limited-a", "the-right-password", "203.0.113.50")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login("limited-a", "the-right-password", "203.0.113.51")).andExpect(redirectedUrl("/"));
        assertThat(failedLogins("limited-a")).isZero();
    }

    @Test
    void fiveRefusedTokensFromAnAddressThenItIsAnswered429UncheckedInTheCallersLanguage() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(bearer("smsn_wrong" + i, "192.0.2.77")).andExpect(status().isUnauthorized());
        }
        String retryAfter = mvc.perform(bearer("smsn_wrong5", "192.0.2.77"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.title").value("För många förfrågningar"))
                .andExpect(jsonPath("$.detail").value("För många misslyckade försök med API-nycklar från den här "
                        + "adressen. Vänta en stund och försök igen."))
                .andReturn().getResponse().getHeader(HttpHeaders.RETRY_AFTER);
        // five an hour come back one every 12 minutes
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 720);
        mvc.perform(bearer("smsn_wrong6", "192.0.2.77").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.detail").value("Too many failed attempts with API tokens from this address. "
                        + "Wait a moment and try again."));
        mvc.perform(bearer("smsn_wrong7", "192.0.2.78")).andExpect(status().isUnauthorized());
        // refused unchecked: the two 429 answers wrote nothing and were not counted as rejections
        assertThat(auditRows("TOKEN_REJECTED", "192.0.2.77")).isEqualTo(1);
    }

    /**
     * Issue 12 point 5: 50 failed logins from one address (unknown names, so no lock) write two
     * audit rows: the first failure, and when the window ends one LOGIN_FAILED_REPEATED row with
     * the other 49 by reason (19 checked, 30 over the address's limit of 20).
     */
    @Test
    void fiftyFailedLoginsFromOneAddressWriteTwoAuditRowsWithTheCount() throws Exception {
        for (int i = 0; i < 50; i++) {
            mvc.perform(login("nobody-" + i, "wrong", "198.51.100.60")).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'LOGIN_FAILED' AND client_address = :a")
                .param("a", "198.51.100.60").query(String.class).list()).containsExactly("reason=unknown-user");
        assertThat(auditRows("LOGIN_FAILED_REPEATED", "198.51.100.60")).isZero();
        repeated.closeAll();
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'LOGIN_FAILED_REPEATED' AND client_address = :a")
                .param("a", "198.51.100.60").query(String.class).single())
                .isEqualTo("count=49; rate-limited=30; unknown-user=19; window=PT10M");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE client_address = :a").param("a", "198.51.100.60")
                .query(Integer.class).single()).isEqualTo(2);
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").with(csrf()).param("username", username).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private static MockHttpServletRequestBuilder bearer(String secret, String address) {
        return get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private int failedLogins(String username) {
        return jdbc.sql("SELECT failed_logins FROM idn_user WHERE username = :u").param("u", username)
                .query(Integer.class).single();
    }

    private int auditRows(String action, String address) {
        return jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = :a AND client_address = :c")
                .param("a", action).param("c", address).query(Integer.class).single();
    }
}
