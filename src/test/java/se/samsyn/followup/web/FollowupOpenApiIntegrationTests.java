package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The follow-up API's OpenAPI description lists the codes its answers and requests use, never the
 * Java enum names.
 */
@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class FollowupOpenApiIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "followup-openapi");
    }

    @Autowired
    MockMvc mvc;

    private static List<String> values(JsonNode schemas, String schema, String property) {
        List<String> values = new ArrayList<>();
        schemas.path(schema).path("properties").path(property).path("enum").forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void theSchemasListTheCodes() throws Exception {
        JsonNode schemas = JsonMapper.builder().build().readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .path("components").path("schemas");

        assertThat(values(schemas, "Measurement", "timePoint"))
                .containsExactly("baseline", "followup-6m", "followup-12m", "end");
        assertThat(values(schemas, "Intervention", "endReason"))
                .containsExactly("completed", "interrupted-by-client", "interrupted-by-service", "moved");
        assertThat(values(schemas, "Need", "lifeArea")).contains("d1", "security", "relative-support").hasSize(11);
        assertThat(values(schemas, "Need", "goalStatus")).containsExactly("achieved", "partly-achieved", "not-achieved");
        assertThat(values(schemas, "HistoryEntry", "source")).containsExactly("import", "page", "api");
        assertThat(values(schemas, "Instrument", "scoring")).containsExactly("sum", "mean");
        assertThat(values(schemas, "InstrumentRequest", "scoring")).containsExactly("sum", "mean");
    }
}
