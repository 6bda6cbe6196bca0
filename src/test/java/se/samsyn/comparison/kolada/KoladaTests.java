package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.comparison.IndicatorValuesChanged;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kolada import and the Kolada-compatible API on both databases. The whole Kolada sample is
 * loaded at start-up through the import path; the API must give every value back exactly, group
 * means that equal the unweighted means of the members, and pages that add up to the count.
 */
@RecordApplicationEvents
abstract class KoladaTests {

    /** The reference data shipped in the jar, as a folder of the source tree (tests run in the project folder). */
    static final Path SHIPPED = Path.of("src", "main", "resources", "reference-data");
    static final Path SAMPLE = SHIPPED.resolve("kolada_sample");
    static final Path GROUPS = SHIPPED.resolve("kommungrupper_2017.csv");
    static final Actor ANALYST = new Actor("kolada-tester", Role.NATIONAL_ANALYST, Scope.nation());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String YEARS = "2015,2016,2017,2018,2019,2020,2021,2022";

    @Autowired
    MockMvc mvc;

    @Autowired
    KoladaImport importer;

    @Autowired
    KoladaRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    KoladaSampleLoad sampleLoad;

    /** The sample loads in the background once the context is ready; every test waits for that load. */
    @BeforeEach
    void sampleIsLoaded() {
        assertThat(sampleLoad.awaitBackground(Duration.ofMinutes(5)).state()).isEqualTo(KoladaSampleProgress.State.DONE);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static String key(String kpi, String area, String year, String gender) {
        return kpi + "|" + area + "|" + year + "|" + gender;
    }

    /** Every value of the sample files, by kpi|area|year|gender. */
    static Map<String, Double> sampleValues() throws IOException {
        Map<String, Double> values = new HashMap<>();
        for (CSVRecord r : csv(SAMPLE.resolve("kpi_values.csv"))) {
            values.put(key(r.get("kpi_id"), r.get("municipality_code"), r.get("year"), r.get("gender")),
                    Double.valueOf(r.get("value")));
        }
        for (CSVRecord r : csv(SAMPLE.resolve("kpi_values_national.csv"))) {
            values.put(key(r.get("kpi_id"), r.get("area_code"), r.get("year"), r.get("gender")),
                    Double.valueOf(r.get("value")));
        }
        return values;
    }

    static String sampleKpis() throws IOException {
        return String.join(",", csv(SAMPLE.resolve("kpi_metadata.csv")).stream().map(r -> r.get("kpi_id")).toList());
    }

    JsonNode getJson(String path) throws Exception {
        String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    /** Walks next_page from the first page and returns every item, checking the envelope on the way. */
    List<JsonNode> allPages(String firstPath) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String path = firstPath;
        int count = -1;
        int pages = 0;
        while (path != null) {
            JsonNode page = getJson(path);
            pages++;
            if (count < 0) {
                count = page.get("count").asInt();
            }
            assertThat(page.get("count").asInt()).isEqualTo(count);
            page.get("values").forEach(items::add);
            JsonNode next = page.get("next_page");
            assertThat(page.has("previous_page")).isTrue();
            if (pages > 1) {
                assertThat(page.get("previous_page").asString()).startsWith("http://localhost/api/kolada/v2/");
            }
            path = next == null || next.isNull() ? null : next.asString().replace("http://localhost", "");
        }
        assertThat(items).hasSize(count);
        return items;
    }

    /** The templates as the page builds them (KoladaPagesWebTests checks the page serves exactly these). */
    @Test
    void theImportTemplatesPassTheirDryRun() {
        Map<String, byte[]> templates = Map.of(
                "metadata", se.samsyn.imports.ImportTemplate.csv(KoladaSources.METADATA_COLUMNS,
                        List.of(KoladaPages.METADATA_EXAMPLE)),
                "values", se.samsyn.imports.ImportTemplate.csv(KoladaPages.VALUE_COLUMNS,
                        List.of(KoladaPages.valueExample(repository.importedKpis()))));
        assertThat(KoladaPages.valueExample(repository.importedKpis()).get(0)).isNotEqualTo("N00001");
        for (String kind : List.of("metadata", "values")) {
            String template = new String(templates.get(kind), StandardCharsets.UTF_8);
            ImportResult dry = importText(kind + ".csv", template, true);
            assertThat(dry.errors()).as(kind).isEmpty();
            assertThat(dry.status()).as(kind).isEqualTo("valid");
            assertThat(dry.kind()).isEqualTo(kind);
        }
    }

    @Test
    void anImpossiblePublicationDateIsNamedAsNoSuchDay() {
        String header = String.join(",", KoladaSources.METADATA_COLUMNS) + "\n";
        ImportResult r = importText("kpi.csv", header + "N00002,Titel,,K,0,,,2026-13-01T00:00:00,\n"
                + "N00003,Titel,,K,0,,,2026/01/01,\n", true);
        assertThat(r.errors()).extracting(KoladaRecords.RowError::row, KoladaRecords.RowError::field,
                KoladaRecords.RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "publication_date", "form.error.date-invalid"),
                org.assertj.core.groups.Tuple.tuple(3L, "publication_date", "kolada.error.date"));
    }

    ImportResult importText(String name, String content, boolean dryRun) {
        return importer.run(ANALYST, name, KoladaImport.formatOf(null, name),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), dryRun);
    }

    ImportResult importFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.run(ANALYST, file.getFileName().toString(), KoladaImport.Format.CSV, in, false);
        }
    }

    int results() {
        return jdbc.sql("SELECT COUNT(*) FROM cmp_result").query(Integer.class).single();
    }

    @Test
    void theWholeSampleIsLoadedAndTheApiReturnsEveryImportedValueExactlyOverAllPages() throws Exception {
        Map<String, Double> expected = sampleValues();
        assertThat(expected).hasSize(156_710 + 497);
        List<JsonNode> items = allPages("/api/kolada/v2/data/kpi/" + sampleKpis() + "/year/" + YEARS);
        Map<String, Double> served = new HashMap<>();
        String previous = "";
        for (JsonNode item : items) {
            String order = item.get("kpi").asString() + "|" + item.get("municipality").asString() + "|"
                    + item.get("period").asInt();
            assertThat(order.compareTo(previous)).as("ordered by kpi, municipality, period").isPositive();
            previous = order;
            for (JsonNode v : item.get("values")) {
                assertThat(v.get("count").asInt()).isEqualTo(1);
                assertThat(v.get("status").asString()).isEmpty();
                served.put(key(item.get("kpi").asString(), item.get("municipality").asString(),
                        item.get("period").asString(), v.get("gender").asString()), v.get("value").asDouble());
            }
        }
        assertThat(served).isEqualTo(expected);
    }

    @Test
    void kommungruppValuesAreTheUnweightedMeanOfTheMembersThatHaveAValue() throws Exception {
        Map<String, String> groupOf = new HashMap<>();
        for (CSVRecord r : csv(GROUPS)) {
            groupOf.put(r.get("municipality_code"), r.get("kolada_group_id"));
        }
        Map<String, double[]> sums = new TreeMap<>();
        for (CSVRecord r : csv(SAMPLE.resolve("kpi_values.csv"))) {
            double[] s = sums.computeIfAbsent(key(r.get("kpi_id"), groupOf.get(r.get("municipality_code")),
                    r.get("year"), r.get("gender")), k -> new double[2]);
            s[0] += Double.parseDouble(r.get("value"));
            s[1]++;
        }
        String groups = String.join(",", new TreeSet<>(groupOf.values()));
        assertThat(groups.split(",")).hasSize(9);
        List<JsonNode> items = allPages("/api/kolada/v2/data/kpi/" + sampleKpis() + "/municipality/" + groups
                + "/year/" + YEARS + "?per_page=2000");
        int cells = 0;
        for (JsonNode item : items) {
            for (JsonNode v : item.get("values")) {
                double[] s = sums.get(key(item.get("kpi").asString(), item.get("municipality").asString(),
                        item.get("period").asString(), v.get("gender").asString()));
                assertThat(s).as(item.toString()).isNotNull();
                assertThat(v.get("count").asInt()).isEqualTo((int) s[1]);
                assertThat(v.get("value").asDouble()).isCloseTo(s[0] / s[1], org.assertj.core.data.Offset.offset(1e-9));
                cells++;
            }
        }
        assertThat(cells).isEqualTo(sums.size());
    }

    @Test
    void pagesAddUpToTheCountAndLinkBothWays() throws Exception {
        JsonNode first = getJson("/api/kolada/v2/data/kpi/N31807,N33816/year/2021,2022?per_page=100");
        int count = first.get("count").asInt();
        assertThat(first.get("values")).hasSize(100);
        assertThat(first.get("previous_page").isNull()).isTrue();
        assertThat(first.get("next_page").asString())
                .isEqualTo("http://localhost/api/kolada/v2/data/kpi/N31807,N33816/year/2021,2022?page=2&per_page=100");
        List<JsonNode> all = allPages("/api/kolada/v2/data/kpi/N31807,N33816/year/2021,2022?per_page=100");
        assertThat(all).hasSize(count);
        int lastPage = (count + 99) / 100;
        JsonNode last = getJson("/api/kolada/v2/data/kpi/N31807,N33816/year/2021,2022?per_page=100&page=" + lastPage);
        assertThat(last.get("next_page").isNull()).isTrue();
        assertThat(last.get("values")).hasSize(count - (lastPage - 1) * 100);
        JsonNode one = getJson("/api/kolada/v2/data/kpi/N31807/municipality/1280,0000/year/2022");
        assertThat(one.get("count").asInt()).isEqualTo(2);
        assertThat(one.at("/values/0/municipality").asString()).isEqualTo("0000");
        assertThat(one.at("/values/1/municipality").asString()).isEqualTo("1280");
        JsonNode allYears = getJson("/api/kolada/v2/data/kpi/N31807/municipality/1280");
        assertThat(allYears.get("count").asInt()).isEqualTo(8);
        assertThat(allYears.at("/values/0/period").asInt()).isEqualTo(2015);
        JsonNode byArea = getJson("/api/kolada/v2/data/municipality/1280/year/2022");
        assertThat(byArea.get("count").asInt()).isGreaterThan(20);
    }

    @Test
    void illegalParametersGive400AndUnknownPaths404() throws Exception {
        for (String path : List.of("/api/kolada/v2/data/kpi/N31807/year/20x2",
                "/api/kolada/v2/data/kpi/N31807/year/2022?per_page=5001",
                "/api/kolada/v2/data/kpi/N31807/year/2022?per_page=0",
                "/api/kolada/v2/data/kpi/N31807/year/2022?page=0",
                "/api/kolada/v2/data/kpi/N31807/year/2022?page=x",
                "/api/kolada/v2/data/kpi/N31807!x/year/2022",
                "/api/kolada/v2/data/kpi/N31807,,N33816/year/2022",
                "/api/kolada/v2/data/kpi/N31807/municipality/128/year/2022",
                "/api/kolada/v2/data/municipality/Stockholm/year/2022",
                "/api/kolada/v2/kpi?per_page=6000")) {
            mvc.perform(get(path)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(400));
        }
        mvc.perform(get("/api/kolada/v2/nosuch")).andExpect(status().isNotFound());
        mvc.perform(get("/api/kolada/v2/data/kpi/N31807")).andExpect(status().isNotFound());
    }

    @Test
    void metadataEntitiesFollowKolada() throws Exception {
        JsonNode kpis = getJson("/api/kolada/v2/kpi");
        assertThat(kpis.get("count").asInt()).isGreaterThanOrEqualTo(37);
        JsonNode one = getJson("/api/kolada/v2/kpi/N31807");
        assertThat(one.get("count").asInt()).isEqualTo(1);
        assertThat(one.at("/values/0/title").asString()).startsWith("Invånare som någon gång under året erhållit");
        assertThat(one.at("/values/0/municipality_type").asString()).isEqualTo("A");
        assertThat(one.at("/values/0/is_divided_by_gender").asInt()).isZero();
        assertThat(one.at("/values/0/source").asString()).isEqualTo("Socialstyrelsen (statistikdatabasen) & SCB");
        assertThat(one.at("/values/0/publication_date").asString()).isEqualTo("2025-02-22");
        assertThat(getJson("/api/kolada/v2/kpi?title=LSS").get("count").asInt()).isEqualTo(4);

        JsonNode areas = getJson("/api/kolada/v2/municipality");
        assertThat(areas.get("count").asInt()).isEqualTo(290 + 21 + 1);
        int k = 0;
        for (JsonNode a : areas.get("values")) {
            k += "K".equals(a.get("type").asString()) ? 1 : 0;
        }
        assertThat(k).isEqualTo(290);
        assertThat(getJson("/api/kolada/v2/municipality/0000,1280,0012").get("values").toString())
                .contains("\"id\":\"0000\",\"title\":\"Riket\",\"type\":\"L\"", "\"id\":\"1280\",\"title\":\"Malmö\",\"type\":\"K\"",
                        "\"id\":\"0012\"");
        assertThat(getJson("/api/kolada/v2/municipality?title=malm").get("count").asInt()).isEqualTo(1);

        JsonNode groups = getJson("/api/kolada/v2/municipality_groups");
        assertThat(groups.get("count").asInt()).isEqualTo(9);
        List<Integer> sizes = new ArrayList<>();
        groups.get("values").forEach(g -> sizes.add(g.get("members").size()));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(290);
        assertThat(getJson("/api/kolada/v2/municipality_groups/G92787").at("/values/0/members").toString())
                .contains("\"member_id\":\"0180\"", "\"member_id\":\"1280\"", "\"member_id\":\"1480\"");
    }

    @Test
    void aValuesFileWithThreeBadRowsIsRejectedListingExactlyThoseRowsAndStoringNothing() {
        int before = results();
        String file = """
                kpi_id,municipality_code,year,gender,value
                N31807,0114,2023,T,1.5
                N31807,0115,2023,T,2.5
                N99999,0117,2023,T,3.5
                N31807,0120,2023,T,4
                N31807,9999,2023,T,4
                N31807,0123,2023,T,4
                N31807,0125,20x3,T,4
                N31807,0126,2023,T,4
                """;
        ImportResult result = importText("bad.csv", file, false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.rows()).isEqualTo(8);
        assertThat(result.errors()).containsExactly(
                new RowError(4, "kpi_id", "kolada.error.kpi-unknown"),
                new RowError(6, "municipality_code", "kolada.error.municipality-unknown"),
                new RowError(8, "year", "kolada.error.year"));
        assertThat(results()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE stat_year = 2023").query(Integer.class).single())
                .isZero();
    }

    @Test
    void valuesThatAreNotPlainNumbersAndFilesNotWhollyReadAreRefused() {
        int before = results();
        ImportResult values = importText("odd.csv", """
                kpi_id,municipality_code,year,gender,value
                N31807,0114,2023,T,1e308
                N31807,0115,2023,T,0x1p5
                N31807,0117,2023,T,40d
                N31807,0120,2023,T,4,extra
                N31807,0123,2023,T,NaN
                N31807,0125,2023,T,12.5
                """, false);
        assertThat(values.status()).isEqualTo("rejected");
        assertThat(values.errors()).containsExactly(
                new RowError(2, "value", "kolada.error.value-range"),
                new RowError(3, "value", "kolada.error.value"),
                new RowError(4, "value", "kolada.error.value"),
                new RowError(5, null, "import.error.width"),
                new RowError(6, "value", "kolada.error.value"));
        assertThat(importText("header.csv", "kpi_id,municipality_code,year,gender,value\n", true).errors())
                .containsExactly(new RowError(0, null, "import.error.no-rows"));
        assertThat(importer.run(ANALYST, "latin.csv", KoladaImport.Format.CSV, new ByteArrayInputStream(
                        "kpi_id,title\nN00001,Äldreomsorg\n".getBytes(StandardCharsets.ISO_8859_1)), true).errors())
                .extracting(RowError::messageKey).containsExactly("kolada.error.encoding");
        assertThat(importText("trailing.json", "{\"values\":[]} [1]", true).errors())
                .extracting(RowError::messageKey).contains("import.error.trailing");
        assertThat(results()).isEqualTo(before);
    }

    @Test
    void reimportingTheSampleReportsNoChange() throws IOException {
        int before = results();
        ImportResult metadata = importFile(SAMPLE.resolve("kpi_metadata.csv"));
        assertThat(metadata.status()).isEqualTo("imported");
        assertThat(metadata.kind()).isEqualTo("metadata");
        assertThat(metadata.unchanged()).isEqualTo(37);
        ImportResult national = importFile(SAMPLE.resolve("kpi_values_national.csv"));
        assertThat(national.status()).isEqualTo("imported");
        assertThat(national.rows()).isEqualTo(497);
        assertThat(national.imported()).isZero();
        assertThat(national.updated()).isZero();
        assertThat(national.unchanged()).isEqualTo(497);
        assertThat(results()).isEqualTo(before);
        assertThat(events.stream(IndicatorValuesChanged.class)).isEmpty();
    }

    @Test
    void koladaJsonImportsMetadataAndValuesAndAChangedValueIsReportedAndAnnounced() throws Exception {
        String kpi = """
                {"values":[{"id":"X99001","title":"Testnyckeltal, andel (%)","description":"Ett test. Källa: SCB.",
                  "operating_area":"Test","municipality_type":"K","is_divided_by_gender":1,"perspective":"Volymer",
                  "publication_date":"2024-06-14","auspices":"X","has_ou_data":false}],"count":1}""";
        ImportResult m = importText("kpi.json", kpi, false);
        assertThat(m.status()).isEqualTo("imported");
        assertThat(m.imported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT unit || '/' || source_name || '/' || origin FROM cmp_indicator WHERE id = 'X99001'")
                .query(String.class).single()).isEqualTo("percent/Kolada/kolada");
        assertThat(jdbc.sql("SELECT original_source FROM cmp_kolada_kpi WHERE indicator_id = 'X99001'")
                .query(String.class).single()).isEqualTo("SCB");
        String data = """
                {"values":[
                  {"kpi":"X99001","municipality":"1280","period":2022,"values":[
                    {"gender":"K","value":12.5,"count":1,"status":""},{"gender":"M","value":null,"count":0,"status":"Missing"},
                    {"gender":"T","value":10,"count":1,"status":""}]},
                  {"kpi":"X99001","municipality":"0000","period":2022,"values":[{"gender":"T","value":8.25,"count":1,"status":""}]}
                ],"count":2,"next_page":null,"previous_page":null}""";
        ImportResult dry = importText("data.json", data, true);
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(dry.imported()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id = 'X99001'").query(Integer.class)
                .single()).isZero();
        ImportResult v = importText("data.json", data, false);
        assertThat(v.status()).isEqualTo("imported");
        assertThat(v.rows()).isEqualTo(4);
        assertThat(v.imported()).isEqualTo(3);
        assertThat(v.ignored()).isEqualTo(1);
        assertThat(events.stream(IndicatorValuesChanged.class)).containsExactly(
                new IndicatorValuesChanged(java.util.Set.of("X99001")));
        JsonNode served = getJson("/api/kolada/v2/data/kpi/X99001/year/2022");
        assertThat(served.get("count").asInt()).isEqualTo(2);
        assertThat(served.at("/values/1/values").toString())
                .isEqualTo("[{\"gender\":\"K\",\"value\":12.5,\"count\":1,\"status\":\"\"},"
                        + "{\"gender\":\"T\",\"value\":10.0,\"count\":1,\"status\":\"\"}]");

        ImportResult changed = importText("change.csv", """
                kpi_id,municipality_code,year,gender,value
                X99001,1280,2022,T,11
                X99001,1280,2022,K,12.5
                X99001,1281,2022,T,3
                """, false);
        assertThat(changed.status()).isEqualTo("imported");
        assertThat(changed.imported()).isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT result_value FROM cmp_result WHERE indicator_id = 'X99001' AND area_code = '1280' "
                + "AND gender = 'T'").query(Double.class).single()).isEqualTo(11.0);
    }

    @Test
    void computedIndicatorsAreServedWithSuppressedCellsWithoutValueAndUnpublishedOnesNotAtAll() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        for (String[] i : new String[][] {{"S90001", "TRUE"}, {"S90002", "FALSE"}}) {
            jdbc.sql("""
                    INSERT INTO cmp_indicator (id, title_sv, title_en, kind, unit, direction, origin, published,
                                               created_by, created_at)
                    VALUES (:id, 'Beräknad', 'Computed', 'quality', 'percent', 'higher', 'followup', :published, 'test', :at)""")
                    .param("id", i[0]).param("published", Boolean.valueOf(i[1])).param("at", now).update();
            jdbc.sql("""
                    INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, numerator, denominator,
                                            result_value, n, status)
                    VALUES (:id, '1280', 'municipality', 2024, 'T', 30, 40, 75, 40, 'ok'),
                           (:id, '1280', 'municipality', 2024, 'K', NULL, NULL, NULL, 3, 'suppressed'),
                           (:id, '1280', 'municipality', 2024, 'M', NULL, NULL, NULL, 0, 'missing'),
                           (:id, 'G92787', 'group', 2024, 'T', 60, 80, 75, 80, 'ok')""").param("id", i[0]).update();
        }
        JsonNode served = getJson("/api/kolada/v2/data/kpi/S90001,S90002/year/2024");
        assertThat(served.get("count").asInt()).isEqualTo(1);
        assertThat(served.at("/values/0/values").toString())
                .isEqualTo("[{\"gender\":\"K\",\"value\":null,\"count\":1,\"status\":\"suppressed\"},"
                        + "{\"gender\":\"T\",\"value\":75.0,\"count\":1,\"status\":\"\"}]");
        assertThat(getJson("/api/kolada/v2/kpi/S90001,S90002").get("count").asInt()).isEqualTo(1);
        JsonNode group = getJson("/api/kolada/v2/data/kpi/S90001/municipality/G92787/year/2024");
        assertThat(group.at("/values/0/values").toString())
                .isEqualTo("[{\"gender\":\"T\",\"value\":75.0,\"count\":1,\"status\":\"\"}]");
        assertThat(importText("x.csv", "kpi_id,municipality_code,year,gender,value\nS90001,1280,2024,T,1\n", false)
                .errors()).containsExactly(new RowError(2, "kpi_id", "kolada.error.kpi-computed"));
    }

    @Test
    void onlyNationalAnalystsAndAdministratorsImport() {
        Actor municipal = new Actor("someone", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        assertThatThrownBy(() -> importer.run(municipal, "x.csv", KoladaImport.Format.CSV,
                new ByteArrayInputStream(new byte[0]), true)).isInstanceOf(AccessDeniedException.class);
        Actor regionalAdmin = new Actor("admin", Role.ADMINISTRATOR, Scope.region("12"));
        assertThatThrownBy(() -> importer.run(regionalAdmin, "x.csv", KoladaImport.Format.CSV,
                new ByteArrayInputStream(new byte[0]), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void kpiGroupsUnitsAndUnitValuesAreServedAndGenderDivisionFollowsWhatIsPublished() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        for (String id : List.of("S90101", "S90102")) {
            jdbc.sql("""
                    INSERT INTO cmp_indicator (id, title_sv, title_en, focus_area, kind, unit, direction, origin,
                                               published, created_by, created_at)
                    VALUES (:id, :title, 'Computed', 'children-youth', 'quality', 'percent', 'higher', 'followup', TRUE,
                            'test', :at)""").param("id", id).param("title", "Beräknad " + id).param("at", now).update();
        }
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, n, status)
                VALUES ('S90101', '1280', 'municipality', 2024, 'T', 75, 40, 'ok'),
                       ('S90101', '1280', 'municipality', 2024, 'K', 70, 20, 'ok'),
                       ('S90101', '1280', 'municipality', 2024, 'M', 80, 20, 'ok'),
                       ('S90102', '1280', 'municipality', 2025, 'T', 50, 40, 'ok'),
                       ('S90102', '1280', 'municipality', 2025, 'K', NULL, 3, 'suppressed'),
                       ('S90102', '1280', 'municipality', 2025, 'M', 52, 37, 'ok'),
                       ('S90101', 'KOLADA-U1', 'unit', 2024, 'T', 60, 12, 'ok'),
                       ('S90101', 'KOLADA-U1', 'unit', 2024, 'K', NULL, 2, 'suppressed')""").update();
        jdbc.sql("""
                INSERT INTO org_unit (municipality_code, code, name, active, created_at)
                VALUES ('1280', 'KOLADA-U1', 'Barn och unga Malmö', TRUE, :at),
                       ('1280', 'KOLADA-U2', 'Nedlagd enhet', FALSE, :at)""").param("at", now).update();

        JsonNode v3 = getJson("/api/kolada/v3/kpi/S90101,S90102");
        assertThat(v3.at("/values/0/is_divided_by_gender").toString()).isEqualTo("true");
        assertThat(v3.at("/values/1/is_divided_by_gender").toString()).isEqualTo("false");
        assertThat(v3.at("/values/0/publ_period").asString()).isEqualTo("2024");
        assertThat(v3.at("/values/1/publ_period").asString()).isEqualTo("2025");
        assertThat(getJson("/api/kolada/v2/kpi/S90101").at("/values/0/is_divided_by_gender").toString())
                .isEqualTo("1");

        JsonNode group = getJson("/api/kolada/v3/kpi_groups/barn-och-unga");
        assertThat(group.at("/values/0/title").asString()).isEqualTo("Barn och unga");
        assertThat(group.at("/values/0/members").toString()).contains(
                "{\"member_id\":\"S90101\",\"member_title\":\"Beräknad S90101\"}",
                "{\"member_id\":\"S90102\",\"member_title\":\"Beräknad S90102\"}");
        assertThat(getJson("/api/kolada/v2/kpi_groups?title=ekonomiskt").at("/values/0/members").toString())
                .contains("\"member_id\":\"N31807\"");

        assertThat(getJson("/api/kolada/v3/ou?municipality=1280").get("values").toString())
                .isEqualTo("[{\"id\":\"KOLADA-U1\",\"municipality\":\"1280\",\"title\":\"Barn och unga Malmö\"}]");
        String unitValues = "[{\"kpi\":\"S90101\",\"ou\":\"KOLADA-U1\",\"period\":2024,\"values\":["
                + "{\"gender\":\"K\",\"value\":null,\"count\":1,\"status\":\"suppressed\"},"
                + "{\"gender\":\"T\",\"value\":60.0,\"count\":1,\"status\":\"\"}]}]";
        assertThat(getJson("/api/kolada/v3/oudata/kpi/S90101/ou/KOLADA-U1/year/2024").get("values").toString())
                .isEqualTo(unitValues);
        assertThat(getJson("/api/kolada/v3/oudata?kpi_id=S90101&ou_id=KOLADA-U1&year=2024").get("values").toString())
                .isEqualTo(unitValues);

        JsonNode query = getJson("/api/kolada/v3/data?kpi_id=S90102&municipality_id=1280&year=2025");
        assertThat(query.get("count").asInt()).isEqualTo(1);
        assertThat(query.get("next_url").isNull()).isTrue();
        assertThat(query.at("/values/0/values").toString())
                .isEqualTo("[{\"gender\":\"K\",\"value\":null,\"count\":1,\"status\":\"suppressed\"},"
                        + "{\"gender\":\"M\",\"value\":52.0,\"count\":1,\"status\":\"\"},"
                        + "{\"gender\":\"T\",\"value\":50.0,\"count\":1,\"status\":\"\"}]");
    }

    @Test
    void openDataIsReadableFromOtherSitesCachedPubliclyAndForgivesDoubleSlashes() throws Exception {
        mvc.perform(options("/api/kolada/v3/kpi").header("Origin", "https://analys.example.org")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().string("Access-Control-Allow-Methods", "GET,OPTIONS"));
        String etag = mvc.perform(get("/api/kolada/v2//kpi/N31807").header("Origin", "https://analys.example.org"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andExpect(jsonPath("$.values[0].id").value("N31807"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/api/kolada/v2/kpi/N31807").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        mvc.perform(options("/api/kolada/v3/kpi").header("Origin", "https://analys.example.org")
                        .header("Access-Control-Request-Method", "DELETE"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(options("/api/v1/comparisons/kolada/imports").header("Origin", "https://analys.example.org")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
