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
    void itemsInTheWrongShapeAreRefusedBeforeTheCatalogue() throws Exception {
        mvc.perform(post("/followup/catalogue/instruments").param("code", "k10").param("nameSv", "K10")
                        .param("scoring", "SUM").param("scoreMin", "0").param("scoreMax", "40")
                        .param("minimalImportantDifference", "5").param("items", "0-4 Nervös\nutan intervall")
                        .with(authentication(analyst())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/followup/catalogue"))
                .andExpect(flash().attribute("flashError", "followup.error.item-format"));
        verify(catalogue, never()).addInstrument(any(), any());
    }
}
