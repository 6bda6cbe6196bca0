package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.followup.ScoringRule;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The follow-up catalogue on the web layer alone: an intervention links to its guide entry only
 * while the entry is published, an instrument shows its range and direction, and items in the
 * wrong shape are refused before the catalogue is asked.
 */
@WebSliceTest(CataloguePages.class)
class CataloguePagesWebTests {

    static final Actor ANALYST = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());


    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue catalogue;
    @MockitoBean
    GuideEntries guide;

    static Authentication analyst() {
        return SignedIn.authenticationOf(ANALYST);
    }

    @Test
    void theCatalogueLinksOnlyPublishedGuideEntries() throws Exception {
        when(catalogue.interventions()).thenReturn(List.of(
                new InterventionType("HF", "Bostad först", "Housing First", List.of("violence"), "bostad-forst", true),
                new InterventionType("MI", "Motiverande samtal", "Motivational interviewing", List.of(), "mi", true)));
        when(guide.publishedSlugs()).thenReturn(Set.of("bostad-forst"));
        when(catalogue.instruments()).thenReturn(List.of(new Instrument("who5", "WHO-5", "WHO-5", ScoringRule.SUM, 4,
                0, 100, true, 10, "WHO", List.of())));
        Document page = Jsoup.parse(mvc.perform(get("/followup/catalogue").with(authentication(analyst())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#intervention-HF a.guide-link").attr("href")).isEqualTo("/guide/entries/bostad-forst");
        assertThat(page.select("#intervention-HF td").eachText())
                .containsExactly("HF", "Bostad först", "Våld i nära relationer");
        assertThat(page.selectFirst("#intervention-MI a")).isNull();
        assertThat(page.select("#instrument-who5 td").eachText().subList(0, 3)).containsExactly("who5", "WHO-5",
                "0.0–100.0");
    }

    @Test
    void anotherRoleIsRefused403BeforeItsNumbersAreChecked() throws Exception {
        Authentication admin = SignedIn.authenticationOf(new Actor("admin", Role.ADMINISTRATOR, Scope.nation()));
        mvc.perform(post("/followup/catalogue/instruments").with(authentication(admin)).with(csrf())
                        .param("code", "x1").param("nameSv", "X").param("scoreMin", "0").param("scoreMax", "1e3")
                        .param("minimalImportantDifference", "1").param("items", "0-5 Fråga"))
                .andExpect(status().isForbidden());
        verify(catalogue, never()).addInstrument(any(), any());
    }

    private Document refused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return Jsoup.parse(mvc.perform(request.with(authentication(analyst())).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void itemsInTheWrongShapeAreRefusedBesideTheItemsWithTheFormKept() throws Exception {
        Document page = refused(post("/followup/catalogue/instruments").param("code", "k10").param("nameSv", "K10")
                .param("scoring", "MEAN").param("multiplier", "1").param("scoreMin", "0").param("scoreMax", "40")
                .param("minimalImportantDifference", "2,5").param("items", "0-4 Nervös\nutan intervall"));

        assertThat(page.selectFirst("#new-instrument-form-items-error").text())
                .isEqualTo("Skriv en fråga per rad som \"min-max text\", till exempel \"0-5 Jag har känt mig glad\".");
        assertThat(page.selectFirst("#n-items").attr("aria-describedby"))
                .isEqualTo("items-hint new-instrument-form-items-error");
        assertThat(page.selectFirst("#n-items").text()).isEqualTo("0-4 Nervös\nutan intervall");
        assertThat(page.selectFirst("#n-code").val()).isEqualTo("k10");
        assertThat(page.selectFirst("#n-mid").val()).isEqualTo("2,5");
        assertThat(page.selectFirst("#n-scoring option[selected]").val()).isEqualTo("MEAN");
        assertThat(page.selectFirst("#n-items").parent().selectFirst(".field-error")).isNotNull();
        assertThat(page.select(".field-error")).hasSize(1);
        verify(catalogue, never()).addInstrument(any(), any());
    }

    @Test
    void aNumberThatIsNotOneIsRefusedBesideItsField() throws Exception {
        Document page = refused(post("/followup/catalogue/instruments").param("code", "k10").param("nameSv", "K10")
                .param("scoring", "SUM").param("multiplier", "1").param("scoreMin", "noll").param("scoreMax", "40")
                .param("minimalImportantDifference", "5").param("items", "0-4 Nervös"));

        assertThat(page.selectFirst("#new-instrument-form-scoreMin-error").text())
                .isEqualTo("Talet ska skrivas som ett vanligt decimaltal, till exempel 12 eller 12,5.");
        assertThat(page.selectFirst("#n-min").val()).isEqualTo("noll");
        assertThat(page.selectFirst("#n-min").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#n-max").val()).isEqualTo("40");
        assertThat(page.selectFirst("#n-max").hasAttr("aria-invalid")).isFalse();
        // the box was left unticked: it stays unticked
        assertThat(page.selectFirst("input[name=higherIsBetter]").hasAttr("checked")).isFalse();
        verify(catalogue, never()).addInstrument(any(), any());
    }

    @Test
    void anInstrumentWithCommaDecimalsIsAdded() throws Exception {
        mvc.perform(post("/followup/catalogue/instruments").param("code", "k10").param("nameSv", "K10")
                        .param("scoring", "SUM").param("multiplier", "1").param("scoreMin", "0").param("scoreMax", "40")
                        .param("minimalImportantDifference", "2,5").param("higherIsBetter", "true")
                        .param("items", "0-4 Nervös\n\n1-5 Trött").with(authentication(analyst())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/followup/catalogue"))
                .andExpect(flash().attribute("flash", "catalogue.flash.instrument"));
        verify(catalogue).addInstrument(any(), org.mockito.ArgumentMatchers.eq(new Instrument("k10", "K10", "K10",
                ScoringRule.SUM, 1, 0, 40, true, 2.5, null, List.of(new Instrument.Item(1, "Nervös", "Nervös", 0, 4),
                new Instrument.Item(2, "Trött", "Trött", 1, 5)))));
    }

    @Test
    void aTakenInterventionCodeIsRefusedBesideTheCodeWithTheFormKept() throws Exception {
        when(catalogue.addIntervention(any(), any())).thenThrow(new FollowupRejected("code", "followup.error.code-taken"));
        Document page = refused(post("/followup/catalogue/interventions").param("code", "MI")
                .param("nameSv", "Motiverande samtal").param("nameEn", "").param("focusAreas", "violence")
                .param("focusAreas", "substance-use"));

        assertThat(page.selectFirst("#new-intervention-form-code-error").text()).isEqualTo("Koden används redan.");
        assertThat(page.selectFirst("#i-code").attr("aria-describedby")).isEqualTo("new-intervention-form-code-error");
        assertThat(page.selectFirst("#i-code").val()).isEqualTo("MI");
        assertThat(page.selectFirst("#i-sv").val()).isEqualTo("Motiverande samtal");
        assertThat(page.select("#new-intervention-form input[name=focusAreas][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder("violence", "substance-use");
        assertThat(page.selectFirst("#new-instrument-form .field-error")).isNull();
    }

    @Test
    void noFocusAreaIsRefusedBesideTheFocusAreasInEnglish() throws Exception {
        when(catalogue.addIntervention(any(), any()))
                .thenThrow(new FollowupRejected("focusAreas", "followup.error.focus-area"));
        Document page = refused(post("/followup/catalogue/interventions").param("code", "NEW")
                .param("nameSv", "Ny").param("lang", "en"));

        assertThat(page.selectFirst("fieldset #new-intervention-form-focusAreas-error").text())
                .isEqualTo("The focus area is unknown.");
        assertThat(page.select("#new-intervention-form input[name=focusAreas][checked]")).isEmpty();
    }
}
