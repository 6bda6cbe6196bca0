package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The start page on the web layer alone, for a signed-in user: the heading, one card per area
 * (the coming one marked), the logged-out notice, English when chosen. The login page and the
 * start page for a visitor are in {@link LoginPageWebTests}.
 */
@WebSliceTest(HomeController.class)
class HomeControllerWebTests {

    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    @Autowired
    MockMvc mvc;

    Document page(String path, String... params) throws Exception {
        var request = get(path).with(as(ANALYST));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theStartPageShowsEveryAreaAsALinkedCardWithNoneComingSoon() throws Exception {
        Document page = page("/");

        assertThat(page.title()).isEqualTo("Samsyn – kunskapsbaserad socialtjänst");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("En samlad bild av socialtjänsten");
        assertThat(page.select("main .card h2 a").eachAttr("href")).containsExactly(
                "/municipalities", "/map", "/followup", "/comparisons", "/priorities", "/guide", "/competence",
                "/prevention", "/trials");
        assertThat(page.select("main .card h2").eachText()).containsExactly("Kommuner", "Karta", "Uppföljning",
                "Öppna jämförelser", "Prioriteringar", "Kunskapsguide", "Kompetensförsörjning", "Förebyggande arbete",
                "Verktygsprövningar");
        assertThat(page.select("main .card.soon")).as("competence supply, preventive work and tool trials are built; nothing is coming soon").isEmpty();
        assertThat(page.select("main a.button[href=/login]")).as("no login button for a signed-in user").isEmpty();
        assertThat(page.select("main p.flash")).isEmpty();
    }

    /**
     * htmx 2 swaps only 2xx and 3xx answers unless told otherwise; every page tells it to swap a 422 too
     * (a refused form with its error), before the rule that leaves other 4xx and 5xx unswapped.
     */
    @Test
    void everyPageTellsHtmxToSwapARefusedFormsAnswer() throws Exception {
        Document page = page("/");

        assertThat(page.select("head meta[name=htmx-config]").eachAttr("content")).containsExactly(
                "{\"responseHandling\":[{\"code\":\"204\",\"swap\":false},{\"code\":\"[23]..\",\"swap\":true},"
                        + "{\"code\":\"422\",\"swap\":true,\"error\":false},{\"code\":\"[45]..\",\"swap\":false,\"error\":true}]}");
    }

    @Test
    void theStartPageSaysTheUserIsLoggedOutAndSpeaksEnglishWhenChosen() throws Exception {
        assertThat(page("/", "loggedOut", "").selectFirst("main p.flash.ok").text()).isEqualTo("Du är nu utloggad.");

        Document english = page("/", "lang", "en");
        assertThat(english.selectFirst("main h1").text()).isEqualTo("A shared view of social services");
        assertThat(english.select("main .card h2").eachText()).contains("Competence supply", "Preventive work", "Tool trials");
    }
}
