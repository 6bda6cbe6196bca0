package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;

/**
 * The login page and the start page as a visitor sees them, on the web layer alone. The slice
 * runs without the security filters: the project's security chain (which lets visitors see both
 * pages) is not part of a web slice, and the slice's default one would answer {@code /login}
 * with its own page; who may see which page is tested in SecurityIntegrationTests.
 */
@WebSliceTest(HomeController.class)
@AutoConfigureMockMvc(addFilters = false)
class LoginPageWebTests {

    @Autowired
    MockMvc mvc;

    Document page(String path, String param) throws Exception {
        var request = get(path);
        if (param != null) {
            request = request.param(param, "");
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theLoginPageHasTheFormAndSaysAFailedLoginInSwedish() throws Exception {
        Document page = page("/login", "error");

        assertThat(page.title()).isEqualTo("Logga in – Samsyn");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Logga in");
        assertThat(page.selectFirst("main p.flash.error").text())
                .isEqualTo("Fel användarnamn eller lösenord, eller så är kontot tillfälligt spärrat. "
                        + "Försök igen om en stund eller kontakta en administratör.");
        // one answer for every failure (issue 12 point 4): a locked account has no page of its own
        assertThat(page("/login", "locked").select("main p.flash.error")).isEmpty();
        assertThat(page.selectFirst("main form").attr("action")).isEqualTo("/login");
        assertThat(page.select("main form input").eachAttr("name")).contains("username", "password");
        assertThat(page.selectFirst("#login-submit").text()).isEqualTo("Logga in");
    }

    @Test
    void aVisitorIsOfferedTheLoginOnTheStartPage() throws Exception {
        Document page = page("/", null);

        assertThat(page.selectFirst("main h1").text()).isEqualTo("En samlad bild av socialtjänsten");
        assertThat(page.select("main a.button").eachAttr("href")).containsExactly("/login");
        assertThat(page.select("main a.button").eachText()).containsExactly("Logga in");
    }
}
