package se.samsyn.comparison;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;

/** A knowledge-guide entry shows where Samsyn uses it: interventions, instruments, indicators and ranked priority pairs. */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class GuideLinksIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "guide-links");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theWho5EntryListsItsInstrumentAndTheIndicatorsBuiltOnIt() throws Exception {
        mvc.perform(get("/api/v1/guide/entries/who-5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.references[?(@.kind == 'followup-instrument')].href").value("/followup/catalogue#instrument-who5"))
                .andExpect(jsonPath("$.references[?(@.kind == 'indicator')].href")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("/comparisons/indicators/S00001", "/comparisons/indicators/S00002")));
    }

    @Test
    void motivationalInterviewingListsItsInterventionAndItsRankInThePublishedDemoList() throws Exception {
        mvc.perform(get("/api/v1/guide/entries/motiverande-samtal")).andExpect(status().isOk())
                .andExpect(jsonPath("$.references[?(@.kind == 'followup-intervention')].href").value("/followup/catalogue#intervention-MI"))
                .andExpect(jsonPath("$.references[?(@.kind == 'priority-pair')].rank").isNotEmpty());
    }

    @Test
    void theIndicatorPageLinksToItsGuideEntry() throws Exception {
        mvc.perform(get("/comparisons/indicators/S00001")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/guide/entries/who-5")));
    }
}
