package se.samsyn.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.ApiToken;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.CreatedToken;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The personal API token page on the web layer alone: tokens with their prefix only and dates,
 * the secret handed over once by flash, and a refused token named by its message key.
 */
@WebSliceTest(TokenPages.class)
class TokenPagesWebTests {

    static final Actor USER = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1880"));
    static final ApiToken TOKEN = new ApiToken(3, "Power BI", "smsn_ab12", Instant.parse("2025-01-02T08:00:00Z"),
            Instant.parse("2099-04-02T08:00:00Z"), null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @Test
    void theTokensAreShownByPrefixOnly() throws Exception {
        when(tokens.list(USER)).thenReturn(List.of(TOKEN));
        Document page = Jsoup.parse(mvc.perform(get("/account/tokens").with(as(USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Personliga API-nycklar");
        assertThat(page.select("tbody tr").get(0).select("td").eachText().subList(0, 5))
                .containsExactly("Power BI", "smsn_ab12…", "2025-01-02", "2099-04-02", "-");
        assertThat(page.selectFirst("#secret")).isNull();
        assertThat(page.selectFirst("form[action=/account/tokens/3/revoke]").attr("data-confirm"))
                .isEqualTo("Återkalla API-nyckeln Power BI? Program som använder den slutar fungera direkt.");
    }

    @Test
    void aNewTokensSecretIsHandedOverOnceAndARefusalIsNamed() throws Exception {
        when(tokens.create(USER, "Power BI", 30)).thenReturn(new CreatedToken(TOKEN, "smsn_ab12-hemligt"));
        mvc.perform(post("/account/tokens").param("name", "Power BI").param("validDays", "30")
                        .with(as(USER)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attribute("createdSecret", "smsn_ab12-hemligt"));

        when(tokens.create(USER, "", 90)).thenThrow(new AccountRejected("name", "token.error.name"));
        mvc.perform(post("/account/tokens").param("name", "").with(as(USER)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", "token.error.name"));
    }
}
