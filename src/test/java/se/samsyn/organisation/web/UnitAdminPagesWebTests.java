package se.samsyn.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.organisation.UnitRejected;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Unit administration on the web layer alone: the units within the administrator's scope, a
 * refused unit shown on the form in Swedish, and a scope that no longer exists refused (the
 * controller checks).
 */
@WebSliceTest(UnitAdminPages.class)
class UnitAdminPagesWebTests {

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.municipality("1280"));
    static final Municipality MALMO = new Municipality("1280", "Malmö", "Malmö kommun", "12", "Skåne län", "A1",
            "Storstäder", 357377, 2024, 4.1);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Organisation organisation;
    @MockitoBean
    Units units;

    private void scopeGiven() {
        when(organisation.exists(ADMIN.scope())).thenReturn(true);
        when(organisation.municipalityOf(ADMIN.scope())).thenReturn(Optional.of("1280"));
        when(organisation.municipalitiesWithin(ADMIN.scope())).thenReturn(List.of(MALMO));
        when(organisation.unitsWithin(ADMIN.scope())).thenReturn(List.of(new Unit("1280", "1280-HF", "Bostad först",
                EnumSet.of(FocusArea.VIOLENCE), true)));
    }

    @Test
    void theUnitsWithinTheScopeAreListed() throws Exception {
        scopeGiven();
        Document page = Jsoup.parse(mvc.perform(get("/admin/units").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Enheter");
        assertThat(page.select("table.data tbody tr td").eachText()).containsExactly("1280", "1280-HF", "Bostad först",
                "Våld i nära relationer", "Aktiv");
        assertThat(page.select("#municipalityCode optgroup[label=Skåne län] option[value=1280]").eachText())
                .containsExactly("Malmö");
    }

    @Test
    void aRefusedUnitIsShownOnTheFormInSwedish() throws Exception {
        scopeGiven();
        when(units.register(eq(ADMIN), any())).thenThrow(new UnitRejected("code", "unit.error.code-taken"));
        Document page = Jsoup.parse(mvc.perform(post("/admin/units").param("municipalityCode", "1280")
                        .param("code", "1280-HF").param("name", "Ny").param("focusAreas", "violence")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Det finns redan en enhet med den koden.");
        assertThat(page.selectFirst("[aria-invalid=true]").attr("name")).isEqualTo("code");
    }

    @Test
    void aScopeThatNoLongerExistsIsRefused() throws Exception {
        when(organisation.exists(ADMIN.scope())).thenReturn(false);
        mvc.perform(get("/admin/units").with(as(ADMIN))).andExpect(status().isForbidden());
    }
}
