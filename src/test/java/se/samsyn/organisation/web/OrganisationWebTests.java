package se.samsyn.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityFilter;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;

/**
 * Organisation's edge alone, on a mocked {@link Organisation}: a problem answer for an unknown
 * municipality, Bean Validation of a unit's name, and the htmx fragment of the municipality list.
 * Security filters are left out; permissions are checked in the services and in
 * {@code SecurityIntegrationTests}.
 */
@WebSliceTest({MunicipalityApi.class, UnitApi.class, MunicipalityPages.class})
@AutoConfigureMockMvc(addFilters = false)
class OrganisationWebTests {

    static final Municipality MALMO = new Municipality("1280", "Malmö", "Malmö kommun", "12", "Skåne län", "A1",
            "Storstäder", 357377, 2024, 4.1);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    Units units;

    @Test
    void anUnknownMunicipalityIsAProblemAnswer() throws Exception {
        when(organisation.municipality("9999")).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/municipalities/9999").locale(new Locale("sv")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Sidan eller uppgiften finns inte."));
    }

    @Test
    void aUnitWithoutANameIsRefusedBeforeTheRegister() throws Exception {
        mvc.perform(post("/api/v1/admin/units").locale(new Locale("sv")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"municipalityCode": "1280", "code": "1280-NY", "name": "  ", "focusAreas": ["violence"]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value("Ange ett namn på högst 200 tecken."))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Ange ett namn på högst 200 tecken."));
        verifyNoInteractions(units);
    }

    @Test
    void theListAnswersAnHtmxRequestWithTheTableFragmentOnly() throws Exception {
        when(organisation.municipalities(any(MunicipalityFilter.class))).thenReturn(List.of(MALMO));
        String html = mvc.perform(get("/municipalities").param("q", "malm").header("HX-Request", "true")
                        .locale(new Locale("sv")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).startsWith("<div id=\"municipality-table\"").doesNotContain("<html", "<nav");
        assertThat(html).contains("1 kommuner med sammanlagt 357\u00a0377 invånare", ">1280</td>",
                "<a href=\"/municipalities/1280\">Malmö</a>", "Skåne län", "4,1 %");
    }
}
