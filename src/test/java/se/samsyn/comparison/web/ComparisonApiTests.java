package se.samsyn.comparison.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.Template;

/**
 * The comparison API's edge alone: Bean Validation of request bodies (422 with errors per field,
 * in Swedish) and the exact JSON of an indicator (lower-case codes, no internal fields). Security
 * filters are left out; the permission checks are in the services and have their own tests.
 */
@WebSliceTest(ComparisonApi.class)
@ComparisonWebMocks
@AutoConfigureMockMvc(addFilters = false)
class ComparisonApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Indicators indicators;

    @Autowired
    Comparisons comparisons;

    @Test
    void anIndicatorWithoutIdOrTitleIsRefusedPerField() throws Exception {
        mvc.perform(post("/api/v1/comparisons/indicators").locale(new Locale("sv")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id": "", "titleSv": "Andel", "titleEn": " ", "template": "improved-share"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'id')].message")
                        .value("Id ska vara en stor bokstav följd av 2–19 stora bokstäver eller siffror."))
                .andExpect(jsonPath("$.errors[?(@.field == 'titleEn')].message").value("Titel saknas."));
        verifyNoInteractions(indicators);
    }

    @Test
    void anIndicatorIsAnsweredWithItsCodesAndWithoutWhoCreatedIt() throws Exception {
        Indicator indicator = new Indicator("U31001", "Förbättrade", "Improved", null, null, "substance-use",
                IndicatorKind.QUALITY, QualityDimension.PERSON_CENTRED, MeasureType.RESULT, MeasureUnit.PERCENT,
                Direction.HIGHER_BETTER, Indicator.ORIGIN_FOLLOWUP, Template.IMPROVED_SHARE, "who5", null, null, null, null,
                null, null, true, LocalDate.of(2025, 3, 1), true, "analyst", Instant.parse("2025-03-01T08:00:00Z"), null);
        when(comparisons.indicator(any(), eq("U31001"))).thenReturn(indicator);

        mvc.perform(get("/api/v1/comparisons/indicators/U31001"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"id":"U31001","titleSv":"Förbättrade","titleEn":"Improved","descriptionSv":null,"descriptionEn":null,
                         "focusArea":"substance-use","kind":"quality","qualityDimension":"person-centred","measureType":"result",
                         "unit":"percent","direction":"higher","origin":"followup","template":"improved-share",
                         "instrumentCode":"who5","interventionCode":null,"ageBand":null,"filterFocusArea":null,
                         "sourceName":null,"operatingArea":null,"perspective":null,"dividedByGender":true,
                         "publicationDate":"2025-03-01","published":true,"createdAt":"2025-03-01T08:00:00Z",
                         "refreshedAt":null}""", true));
    }
}
