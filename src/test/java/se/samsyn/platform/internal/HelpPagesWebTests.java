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

/** The public page on how small numbers are protected: the threshold in its rules, and the symbols, in both languages. */
@WebSliceTest(HelpPages.class)
class HelpPagesWebTests {

    /** The slice has no public-page rule (the full chain's is checked with the other public pages); any reader will do. */
    static final Actor READER = new Actor("reader", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));

    @Autowired
    MockMvc mvc;

    @Test
    void thePageExplainsPrimaryAndSecondarySuppressionWithTheThreshold() throws Exception {
        Document sv = Jsoup.parse(mvc.perform(get("/om/sekretess").with(as(READER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(sv.selectFirst("h1").text()).isEqualTo("Så skyddas små tal");
        assertThat(sv.selectFirst("#primary").text()).startsWith("Ett värde som bygger på färre än 5 personer");
        assertThat(sv.selectFirst("#secondary").text()).contains("kvinnor plus män");
        assertThat(sv.select("#symbols dt").eachText()).containsExactly("..", "-", ".");
        assertThat(sv.selectFirst("#nation").text()).startsWith("Riket är summan av regionerna. Därför visar rikets "
                + "uppföljningsrapport en uppgift bara där varje region kan visa den");
        assertThat(sv.selectFirst("#level").text()).contains("minst 5 möjliga värden och får inte ligga helt inom 1–4.");
        // a ".." does not say which protection hides it, and the page says why
        assertThat(sv.selectFirst("#which").text()).startsWith("Ett \"..\" säger inte om värdet är dolt av primärt eller "
                + "sekundärt skydd").endsWith("ett primärt skyddat värde bygger på mellan 1 och 4 personer, och det är "
                + "just det som skyddet ska dölja.");
        assertThat(sv.selectFirst("#which-example").text()).isEqualTo("Exempel: totalen för en kommun är 6, kvinnorna "
                + "är 1 och männen 5. Kvinnorna döljs av primärt skydd och männen av sekundärt, annars vore kvinnorna 6 "
                + "minus 5. Om sidan sa vilket, visste alla att kvinnorna är högst 4 och männen minst 5, och eftersom de "
                + "tillsammans är 6 måste kvinnorna vara 1 och männen 5.");

        Document en = Jsoup.parse(mvc.perform(get("/om/sekretess").param("lang", "en").with(as(READER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("h1").text()).isEqualTo("How small numbers are protected");
        assertThat(en.selectFirst("#level").text()).contains("at least 5 possible values and must not lie entirely within 1–4.");
        assertThat(en.select("#symbols dd").get(2).text()).startsWith("The figure cannot occur here (not applicable)");
        assertThat(en.selectFirst("#nation").text()).startsWith("The nation is the sum of its regions.");
        assertThat(en.selectFirst("#which-example").text()).startsWith("Example: a municipality's total is 6, the women "
                + "are 1 and the men 5.");
    }
}
