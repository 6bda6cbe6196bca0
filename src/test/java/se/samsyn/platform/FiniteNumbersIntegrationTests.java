package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No API answer carries Infinity or NaN: the application's JSON mapper writes every non-finite
 * floating-point number as null, and the one API input that could make one (a similarity weight
 * written {@code Infinity} or {@code 1e400}) is left out at the source.
 */
class FiniteNumbersIntegrationTests extends DemoPagesApplication {

    @Autowired
    JsonMapper applicationMapper;

    @Autowired
    MockMvc mvc;

    /** A record with every kind of floating-point value an answer can hold. */
    record Figures(double ratio, Double boxed, float small, Float boxedSmall, double[] series, float[] smallSeries,
                   List<Double> list, Map<String, Double> byName, double plain) {
    }

    @Test
    void theApplicationsMapperWritesNonFiniteNumbersAsNull() {
        Map<String, Double> byName = new LinkedHashMap<>();
        byName.put("a", Double.NaN);
        byName.put("b", 2.5);
        Figures figures = new Figures(Double.POSITIVE_INFINITY, Double.NaN, Float.NEGATIVE_INFINITY, Float.NaN,
                new double[] {1.0, Double.NEGATIVE_INFINITY}, new float[] {Float.POSITIVE_INFINITY, 0.5f},
                List.of(Double.POSITIVE_INFINITY, 3.0), byName, 12.5);
        assertThat(applicationMapper.writeValueAsString(figures)).isEqualTo("{\"ratio\":null,\"boxed\":null,"
                + "\"small\":null,\"boxedSmall\":null,\"series\":[1.0,null],\"smallSeries\":[null,0.5],"
                + "\"list\":[null,3.0],\"byName\":{\"a\":null,\"b\":2.5},\"plain\":12.5}");
        assertThat(applicationMapper.writeValueAsString(Double.NaN)).isEqualTo("null");
        assertThat(applicationMapper.writeValueAsString(List.of(1.0 / 0))).isEqualTo("[null]");
    }

    @Test
    void aSimilarityWeightOfInfinityIsLeftOutAndTheAnswerHoldsOnlyFiniteNumbers() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-national", "demo");
        for (String weight : List.of("Infinity", "1e400", "NaN")) {
            String body = mvc.perform(get("/api/v1/comparisons/municipalities/1280/similar")
                            .param("figures", "population:" + weight, "share80:1").cookie(session))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(weight).doesNotContain("Infinity").doesNotContain("NaN");
            JsonNode answer = applicationMapper.readTree(body);
            assertThat(answer.path("weights").toString()).as(weight).isEqualTo("{\"share80\":1.0}");
            assertThat(answer.path("matches").size()).as(weight).isEqualTo(7);
            for (JsonNode match : answer.path("matches")) {
                assertThat(match.path("index").isNumber()).as(weight).isTrue();
            }
        }
    }
}
