package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;

/**
 * Issue 17 point 2, "people see names": the main pages, rendered with the demo data as the demo
 * roles see them, show no bare code of the kinds the issue lists. The visible text of each page
 * (what a reader or a screen reader gets, not attributes) is scanned for audit action codes
 * ({@code LOGIN_SUCCEEDED}), {@code reason=...}, {@code user 12}, a unit code with no name after it,
 * the instrument code {@code who5}, "Riket 0000" and a kommungrupp code without its name. Codes in a
 * {@code <code>} element are left out: the catalogue lists them on purpose, beside their names, as
 * the values import files hold.
 */
public class NamesNotCodesIntegrationTests extends DemoPagesApplication {

    /** The kinds of bare code, each with the pattern that finds it in a page's visible text. */
    public static final Map<String, Pattern> BARE_CODES = new LinkedHashMap<>();

    static {
        BARE_CODES.put("action code", Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b"));
        BARE_CODES.put("reason=", Pattern.compile("\\breason="));
        BARE_CODES.put("user id", Pattern.compile("\\buser \\d+\\b"));
        BARE_CODES.put("unit code without name", Pattern.compile("(?<!\\()\\b\\d{4}-[A-Z]{2,}(?:-[A-Z]+)*+\\b(?![ \\u00a0]?[(–:])"));
        BARE_CODES.put("instrument code", Pattern.compile("\\bwho5\\b"));
        BARE_CODES.put("national code", Pattern.compile("\\b0000\\b"));
        BARE_CODES.put("kommungrupp code without name", Pattern.compile("(?<!\\()\\b[ABC][1-9]\\b(?!\\))"));
    }

    /** The pages each demo account opens on a Monday morning. */
    static final Map<String, List<String>> PAGES = Map.of(
            "demo-admin", List.of("/admin/audit", "/admin/users", "/admin/units", "/municipalities",
                    "/municipalities/1280", "/map", "/comparisons", "/comparisons/municipalities/1280"),
            "demo-caseworker", List.of("/followup", "/followup/reports", "/followup/catalogue", "/competence",
                    "/guide", "/trials"),
            "demo-director", List.of("/comparisons", "/comparisons/municipalities/1280", "/priorities",
                    "/prevention", "/followup/reports", "/competence/municipalities/1280"),
            "demo-malmo-admin", List.of("/admin/audit", "/admin/units", "/admin/users"));

    @Autowired
    MockMvc mvc;

    @Test
    void noMainPageShowsABareCode() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "demo-lund").param("password", "wrong"));
        List<String> found = new ArrayList<>();
        for (String account : List.of("demo-caseworker", "demo-director", "demo-admin", "demo-malmo-admin")) {
            Cookie session = SignedIn.session(mvc, account, "demo");
            for (String path : PAGES.get(account)) {
                String html = mvc.perform(get(path).cookie(session).accept(MediaType.TEXT_HTML))
                        .andReturn().getResponse().getContentAsString();
                Document page = Jsoup.parse(html);
                // a code set in a <code> element beside its name (the catalogue's code column, the
                // value an import file must hold) is shown on purpose; everything else is scanned
                page.select("code").remove();
                String text = page.body().text();
                assertThat(page.select("h1").eachText()).as(account + " " + path).isNotEmpty();
                if (account.equals("demo-director") && path.equals("/comparisons")) {
                    assertThat(page.select("#profile-municipality option[selected]").eachText())
                            .as("the profile picker starts at the director's own municipality").containsExactly("Malmö");
                }
                BARE_CODES.forEach((kind, pattern) -> {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        int from = Math.max(0, m.start() - 30);
                        found.add(account + " " + path + ": " + kind + " '" + m.group() + "' in '"
                                + text.substring(from, Math.min(text.length(), m.end() + 30)) + "'");
                    }
                });
            }
        }
        assertThat(found).isEmpty();
    }
}
