package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.kolada.KoladaRecords.Area;
import se.samsyn.comparison.kolada.KoladaRecords.GenderValue;
import se.samsyn.comparison.kolada.KoladaRecords.Group;
import se.samsyn.comparison.kolada.KoladaRecords.Kpi;
import se.samsyn.comparison.kolada.KoladaRecords.Member;
import se.samsyn.comparison.kolada.KoladaRecords.Ou;
import se.samsyn.comparison.kolada.KoladaRecords.OuDataItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract tests per version: for every endpoint, a fixture answer written from Kolada's published
 * API documentation (src/test/resources/kolada/contract/v2 and v3) is compared field by field with
 * Samsyn's answer: every field Kolada has is there with the same JSON type (a text or date may be
 * null, as Kolada sends null where it has nothing), and Samsyn adds no field but the documented
 * {@code source} of a KPI.
 */
@WebSliceTest({KoladaApi.class, KoladaDataApi.class})
@Import(KoladaWebConfiguration.class)
@WithMockUser
class KoladaContractWebTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path FIXTURES = Path.of("src", "test", "resources", "kolada", "contract");
    /** The fields Samsyn adds to Kolada's, by the object they are in. */
    static final Map<String, Set<String>> ADDED = Map.of("kpi", Set.of("source"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KoladaQueries queries;

    @BeforeEach
    void stubs() {
        when(queries.kpis(any(), any())).thenReturn(List.of(new Kpi("N31807", "Ekonomiskt bistånd, andel (%)",
                "Andel. Källa: SCB.", "Ekonomiskt bistånd", "Ekonomiskt bistånd", "A", true, "Volymer",
                LocalDate.of(2025, 2, 22), 2023, "SCB"), new Kpi("S00001", "Utredningstid", null, null, "Barn och unga",
                "K", false, null, null, null, "Samsyn")));
        when(queries.areas(any(), any())).thenReturn(List.of(new Area("1280", "Malmö", "K"),
                new Area("0012", "Region Skåne", "L")));
        when(queries.groups(any(), any())).thenReturn(List.of(new Group("G92787", "Storstäder",
                List.of(new Member("1280", "Malmö")))));
        when(queries.kpiGroups(any(), any())).thenReturn(List.of(new Group("ekonomiskt-bistand",
                "Ekonomiskt bistånd", List.of(new Member("N31807", "Ekonomiskt bistånd, andel (%)")))));
        when(queries.units(any(), any())).thenReturn(List.of(new Ou("U1280-01", "1280", "Barn och unga Malmö")));
        when(queries.dataPage(any(), any(), any(), anyInt(), anyInt())).thenReturn(new KoladaQueries.SerializedPage(
                "[{\"kpi\":\"N31807\",\"municipality\":\"1280\",\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":6.1,\"count\":1,\"status\":\"\"}]}]"
                        .getBytes(StandardCharsets.UTF_8), 1));
        when(queries.ouData(any(), any(), any())).thenReturn(List.of(new OuDataItem("S00001", "U1280-01", 2023,
                List.of(new GenderValue("T", 30.0, 1, "")))));
    }

    @ParameterizedTest
    @CsvSource({
            "v3, kpi, /api/kolada/v3/kpi?per_page=1",
            "v2, kpi, /api/kolada/v2/kpi?per_page=1",
            "v3, municipality, /api/kolada/v3/municipality?per_page=1",
            "v2, municipality, /api/kolada/v2/municipality?per_page=1",
            "v3, municipality_groups, /api/kolada/v3/municipality_groups",
            "v2, municipality_groups, /api/kolada/v2/municipality_groups",
            "v3, kpi_groups, /api/kolada/v3/kpi_groups",
            "v2, kpi_groups, /api/kolada/v2/kpi_groups",
            "v3, ou, /api/kolada/v3/ou",
            "v2, ou, /api/kolada/v2/ou",
            "v3, data, /api/kolada/v3/data/kpi/N31807/municipality/1280/year/2023",
            "v3, data, /api/kolada/v3/data?kpi_id=N31807&municipality_id=1280&year=2023",
            "v2, data, /api/kolada/v2/data/kpi/N31807/year/2023",
            "v3, oudata, /api/kolada/v3/oudata/kpi/S00001/ou/U1280-01/year/2023",
            "v3, oudata, /api/kolada/v3/oudata?kpi_id=S00001&ou_id=U1280-01&year=2023",
            "v2, oudata, /api/kolada/v2/oudata/kpi/S00001/year/2023"})
    void answersHaveKoladasFieldsWithKoladasTypes(String version, String endpoint, String path) throws Exception {
        JsonNode fixture = JSON.readTree(Files.readString(FIXTURES.resolve(version).resolve(endpoint + ".json")));
        JsonNode answer = getJson(path);
        List<String> differences = new ArrayList<>();
        compare(endpoint, "", fixture, answer, differences);
        assertThat(differences).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"v3, true, false", "v2, 1, 0"})
    void dividedByGenderIsABooleanInV3AndANumberInV2(String version, String divided, String notDivided)
            throws Exception {
        JsonNode kpis = getJson("/api/kolada/" + version + "/kpi");
        assertThat(kpis.at("/values/0/is_divided_by_gender").toString()).isEqualTo(divided);
        assertThat(kpis.at("/values/1/is_divided_by_gender").toString()).isEqualTo(notDivided);
        assertThat(kpis.at("/values/0/publ_period").asString()).isEqualTo("2023");
        assertThat(kpis.at("/values/1/publ_period").isNull()).isTrue();
    }

    /** Adds to {@code differences} every field of {@code fixture} missing from {@code answer} or of another type. */
    static void compare(String object, String at, JsonNode fixture, JsonNode answer, List<String> differences) {
        if (fixture.isObject()) {
            if (!answer.isObject()) {
                differences.add(at + ": object expected, got " + answer.getNodeType());
                return;
            }
            Set<String> extra = new HashSet<>(answer.propertyNames());
            for (String field : fixture.propertyNames()) {
                extra.remove(field);
                JsonNode a = answer.get(field);
                if (a == null) {
                    differences.add(at + "/" + field + ": missing");
                } else {
                    compare(object, at + "/" + field, fixture.get(field), a, differences);
                }
            }
            extra.removeAll(at.equals("/values/0") ? ADDED.getOrDefault(object, Set.of()) : Set.of());
            extra.forEach(f -> differences.add(at + "/" + f + ": not in Kolada's answer"));
        } else if (fixture.isArray()) {
            if (!answer.isArray() || (!fixture.isEmpty() && answer.isEmpty())) {
                differences.add(at + ": non-empty array expected, got " + answer);
                return;
            }
            if (!fixture.isEmpty()) {
                compare(object, at + "/0", fixture.get(0), answer.get(0), differences);
            }
        } else {
            boolean textual = fixture.isString() || fixture.isNull();
            boolean same = fixture.getNodeType() == answer.getNodeType()
                    || (fixture.isNumber() && answer.isNumber())
                    || (textual && (answer.isString() || answer.isNull()));
            if (!same) {
                differences.add(at + ": " + fixture.getNodeType() + " expected, got " + answer.getNodeType());
            }
        }
    }

    JsonNode getJson(String path) throws Exception {
        return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
