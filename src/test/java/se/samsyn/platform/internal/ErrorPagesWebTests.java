package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.WebSliceTest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The error pages on the web layer alone, as the servlet container forwards to {@code /error}:
 * a page in Swedish (English when chosen) with the status and its explanation, and for API paths
 * or non-HTML clients a problem answer whose title is in the caller's language.
 */
@WebSliceTest(ErrorPages.class)
class ErrorPagesWebTests {

    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder error(int status, String uri) {
        return get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri).with(as(ANALYST));
    }

    Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request.accept(MediaType.TEXT_HTML)).andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aMissingPageIsExplainedInSwedish() throws Exception {
        Document page = page(error(404, "/municipalities/9999"), 404);

        assertThat(page.title()).isEqualTo("Fel – Samsyn");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Något gick fel (404)");
        assertThat(page.select("main p").eachText()).containsExactly("Sidan eller uppgiften finns inte.",
                "Till startsidan");
        assertThat(page.selectFirst("main a").attr("href")).isEqualTo("/");
    }

    @Test
    void aForbiddenPageIsExplainedInEnglishWhenChosen() throws Exception {
        Document page = page(error(403, "/admin/users").param("lang", "en"), 403);

        assertThat(page.selectFirst("main h1").text()).isEqualTo("Something went wrong (403)");
        assertThat(page.select("main p").eachText()).first().isEqualTo("You do not have permission for this page.");
    }

    @Test
    void anUnexpectedErrorSaysNothingWasLostAndShowsNoInternals() throws Exception {
        Document page = page(error(500, "/followup"), 500);

        assertThat(page.selectFirst("main h1").text()).isEqualTo("Något gick fel (500)");
        assertThat(page.select("main p").eachText()).first().isEqualTo(
                "Ett oväntat fel inträffade. Inga uppgifter har gått förlorade; försök igen om en stund.");
        assertThat(page.html()).doesNotContain("Exception", "at se.samsyn");
    }

    @Test
    void anApiPathAnswersAProblemWithASwedishTitleEvenToABrowser() throws Exception {
        mvc.perform(error(404, "/api/v1/municipalities/9999").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Finns inte","status":404,"instance":"/api/v1/municipalities/9999"}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void aProblemTitleFollowsTheCallersLanguage() throws Exception {
        mvc.perform(error(422, "/api/v1/clients").accept(MediaType.APPLICATION_JSON).param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Unprocessable content","status":422,"instance":"/api/v1/clients"}""",
                        JsonCompareMode.STRICT));
    }
}
