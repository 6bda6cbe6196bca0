package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;

/**
 * Issue 17, "the English UI has half-Swedish labels": the main pages, public and signed in, rendered
 * in English ({@code ?lang=en}, which the locale interceptor keeps in the {@code samsyn-lang}
 * cookie), show no Swedish in their chrome. Only the chrome is scanned (headings, labels, buttons,
 * table heads, captions, legends, the menu and notes): names stay Swedish on purpose (municipalities,
 * units, guide entries, indicator titles without an English title), so the scan looks for Swedish
 * function words and UI words that no English label or proper name of the demo data holds.
 */
class EnglishPagesIntegrationTests extends DemoPagesApplication {

    /** Swedish words that English chrome never holds; whole words, case as written. */
    static final Pattern SWEDISH = Pattern.compile("(?U)\\b(och|eller|inte|med|för|från|till|av|på|är|som|ska|finns|"
            + "saknas|år|Sök|sök|Visa|visa|Spara|spara|Alla|alla|Välj|välj|Ladda|Uppdatera|Ingen|Avbryt|Ta bort|Lägg|"
            + "Skapa|Namn|Datum|Antal|Värde|Totalt|Kvinnor|Män|Riket|Kommun|kommun|Kommuner|Län|Enhet|Tillbaka|"
            + "Logga|Sekretess|Uppföljning|Jämförelser|Kunskapsguide|Prioriteringar|Kompetens|Förebyggande|Händelser|"
            + "Användare|Enheter|Skriv ut|Nästa|Föregående|Filtrera|Kön|Titel|Slag|Källa|Område)\\b");

    /** The chrome of a page: what its own labels say, not the names it lists. */
    static final String CHROME = "h1, h2, h3, label, button, th[scope=col], caption, legend, nav a, summary, "
            + "p.note, p.lead, dt, .actions a, input[type=submit], a.button, main p > a, option[value='']";

    /**
     * Chrome elements that hold a name from the data, which stays Swedish: a guide entry's or a
     * priority list's title (a heading around the link to it), a publisher in the guide's facets and a
     * municipality's official name as the heading of its page.
     */
    static final String NAMES = "h3:has(a[href^=/guide/entries/]), h3:has(a[href^=/priorities/lists/]), "
            + "label.facet-value, h1.municipality-name";

    /**
     * On a detail page the heading and lead are the item's own name and summary (an entry, a list, a
     * trial, an activity), and a priority pair's heading names its condition and intervention.
     */
    static final String DETAIL_NAMES = "main h1, main p.lead, main h3:has(span.rec)";

    /** Detail pages reached from a list page: the first link of each kind is opened too. */
    static final List<String> DETAILS = List.of("a[href~=^/comparisons/indicators/[A-Z][0-9]+$]",
            "a[href~=^/guide/entries/[a-z0-9-]+$]", "a[href~=^/priorities/lists/[0-9]+$]", "a[href~=^/trials/[0-9]+$]",
            "a[href~=^/prevention/activities/[0-9]+$]");

    /** The pages each account opens; null is a visitor who has not signed in. */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(null, List.of("/", "/comparisons", "/comparisons/municipalities/1280", "/guide", "/priorities",
                "/om/sekretess", "/municipalities", "/municipalities/1280", "/map"));
        PAGES.put("demo-caseworker", List.of("/followup", "/followup/reports", "/followup/catalogue", "/competence",
                "/trials"));
        PAGES.put("demo-director", List.of("/comparisons", "/comparisons/municipalities/1280", "/priorities",
                "/prevention", "/competence/municipalities/1280"));
        PAGES.put("demo-admin", List.of("/admin/audit", "/admin/users", "/admin/units", "/admin/reference-data",
                "/comparisons/peer-groups", "/comparisons/indicators/new", "/comparisons/kolada"));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theMainPagesShowNoSwedishChromeInEnglish() throws Exception {
        List<String> found = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        Cookie english = new Cookie("samsyn-lang", "en");
        for (Map.Entry<String, List<String>> account : PAGES.entrySet()) {
            Cookie session = account.getKey() == null ? null : SignedIn.session(mvc, account.getKey(), "demo");
            List<String> paths = new ArrayList<>(account.getValue());
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                var request = get(path).param("lang", "en").cookie(english).accept(MediaType.TEXT_HTML);
                if (session != null) {
                    request = request.cookie(session, english);
                }
                Document page = Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
                scanned.add(path);
                assertThat(page.select("h1").eachText()).as(path).isNotEmpty();
                assertThat(page.select("h1").text()).as(path).doesNotContain("Error", "Fel");
                assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
                for (String detail : DETAILS) {
                    Element first = page.selectFirst("main " + detail);
                    if (first != null && !paths.contains(first.attr("href")) && paths.size() < 20) {
                        paths.add(first.attr("href"));
                    }
                }
                page.select(NAMES).remove();
                if (!account.getValue().contains(path)) {
                    page.select(DETAIL_NAMES).remove();
                }
                for (Element chrome : page.select(CHROME)) {
                    String text = chrome.ownText().isBlank() ? chrome.text() : chrome.ownText();
                    Matcher m = SWEDISH.matcher(text);
                    if (m.find()) {
                        found.add((account.getKey() == null ? "visitor" : account.getKey()) + " " + path + " <"
                                + chrome.tagName() + "> '" + m.group() + "' in '" + text + "'");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(scanned).as("the detail pages were reached too").contains("/comparisons/indicators/P00001")
                .anyMatch(p -> p.startsWith("/guide/entries/")).anyMatch(p -> p.startsWith("/priorities/lists/"));
    }
}
