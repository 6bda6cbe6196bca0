package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.SignedIn;

/**
 * Issue 17 point 2, "pickers replace free-text codes": with the demo data and the demo accounts,
 * the place pickers show names grouped by county (Malmö in "Skåne län"), start at the user's own
 * municipality (demo-director and demo-malmo-admin are both in Malmö, 1280), and a code that names
 * nothing is refused with 422 and a sentence in Swedish, the other fields kept.
 */
class PlacePickersIntegrationTests extends DemoPagesApplication {

    @Autowired
    MockMvc mvc;

    private Document page(String account, MockHttpServletRequestBuilder request, int status) throws Exception {
        Cookie session = SignedIn.session(mvc, account, "demo");
        return Jsoup.parse(mvc.perform(request.cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theDirectorsProfilePickerGroupsByCountyAndStartsAtMalmo() throws Exception {
        Document start = page("demo-director", get("/comparisons"), 200);

        assertThat(start.select("#profile-municipality optgroup")).hasSize(21);
        assertThat(start.select("#profile-municipality optgroup[label=Skåne län] option").eachText())
                .hasSize(33).contains("Malmö", "Lund", "Ystad");
        assertThat(start.select("#profile-municipality option[selected]").eachText()).containsExactly("Malmö");
        assertThat(start.select("#profile-municipality option[selected]").eachAttr("value")).containsExactly("1280");
    }

    @Test
    void theMalmoAdministratorChoosesScopesByNameWithinMalmo() throws Exception {
        Document users = page("demo-malmo-admin", get("/admin/users"), 200);

        assertThat(users.select("#scopeType")).as("no separate kind of scope to type").isEmpty();
        assertThat(users.select("input[name=scopeCode]")).as("no code typed").isEmpty();
        assertThat(users.select("#scopeCode optgroup").eachAttr("label")).first().isEqualTo("Skåne län");
        assertThat(users.select("#scopeCode optgroup[label=Skåne län] option").eachText()).containsExactly("Malmö");
        assertThat(users.select("#scopeCode option[selected]").eachText()).containsExactly("Malmö");
        assertThat(users.select("#scopeCode optgroup[label=Enheter i Malmö] option").eachText())
                .isNotEmpty().allMatch(name -> name.matches(".+ \\(1280-[A-Z-]+\\)"));
    }

    @Test
    void anUnknownScopeIsRefusedWith422InWordsKeepingTheOtherFields() throws Exception {
        Document refused = page("demo-malmo-admin", post("/admin/users").with(csrf()).param("username", "ny-chef")
                .param("password", "ett långt lösenord").param("role", "social-director").param("scopeCode", "1299"), 422);

        assertThat(refused.selectFirst("p.flash.error").text())
                .isEqualTo("Det finns ingen sådan region, kommun eller enhet. Välj omfånget i listan.");
        assertThat(refused.selectFirst("#username").attr("value")).isEqualTo("ny-chef");
        assertThat(refused.select("#role option[selected]").eachAttr("value")).containsExactly("social-director");
        assertThat(refused.selectFirst("#scopeCode").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void theProcessFormOffersTheDirectorMalmoByName() throws Exception {
        Document form = page("demo-director", get("/priorities/processes/new"), 200);

        assertThat(form.select("#scopeCode option").eachText()).containsExactly("Malmö");
        assertThat(form.select("#scopeCode optgroup").eachAttr("label")).containsExactly("Skåne län");
        assertThat(form.select("#scopeCode option[selected]").eachAttr("value")).containsExactly("1280");
    }

    @Test
    void aReportForAnUnknownPlaceIsRefusedWith422InWords() throws Exception {
        Document report = page("demo-director", get("/followup/reports").param("code", "9999"), 422);

        assertThat(report.selectFirst("#report-results p.flash.error").text())
                .isEqualTo("Det finns ingen sådan enhet, kommun eller region. Välj en i listan.");
        assertThat(report.select("#code optgroup[label=Skåne län] option").eachText()).containsExactly("Malmö");
    }

    @Test
    void anImprovementChartForAnUnknownUnitIsRefusedWith422InWords() throws Exception {
        Document chart = page("demo-director", get("/trials/improvement").param("scope", "1280-FINNS-EJ"), 422);

        assertThat(chart.selectFirst("#scope-error").text())
                .isEqualTo("Det finns ingen sådan enhet eller kommun. Välj en i listan.");
        Document indicator = page("demo-director", get("/trials/improvement/indicator").param("municipality", "9999"), 422);
        assertThat(indicator.selectFirst("#scope-error").text()).isEqualTo("Det finns ingen sådan kommun. Välj en i listan.");
        assertThat(indicator.select("#municipality optgroup[label=Skåne län] option[selected]")).isEmpty();
    }

    /** The nation is a place in the report's picker: "Riket" in Swedish, "Sweden" in English, as the workbook says. */
    @Test
    void theNationalAnalystsReportPickerNamesTheNationAsAPlace() throws Exception {
        Document sv = page("demo-national", get("/followup/reports"), 200);
        Document en = page("demo-national", get("/followup/reports").param("lang", "en"), 200);

        assertThat(sv.select("#code option[value=0000]").eachText()).containsExactly("Riket");
        assertThat(en.select("#code option[value=0000]").eachText()).containsExactly("Sweden");
    }

    @Test
    void theAuditActionFilterShowsNamesNotCodes() throws Exception {
        Document audit = page("demo-admin", get("/admin/audit"), 200);

        assertThat(audit.select("#action option").eachText()).hasSizeGreaterThan(10)
                .noneMatch(text -> text.matches("[A-Z_]+"));
        assertThat(audit.select("#action option[value=LOGIN_SUCCEEDED]").text()).isNotBlank().isNotEqualTo("LOGIN_SUCCEEDED");
    }
}
