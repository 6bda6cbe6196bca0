package se.samsyn.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import se.samsyn.TestDatabases;

/** Who may read and change indicators, over the API and the pages, with the demo accounts. */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data",
        "samsyn.comparison.green-percent=20", "samsyn.comparison.red-percent=30"})
@AutoConfigureMockMvc
class ComparisonApiIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "comparison-api");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theDemoDataJudgesGoalsSoTheGoalsAchievedIndicatorHasData() {
        java.util.List<Integer> judged = jdbc.sql("SELECT achieved FROM fup_fact_goal").query(Integer.class).list();
        assertThat(judged).contains(0, 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_need WHERE goal IS NOT NULL AND goal_status IS NULL")
                .query(Integer.class).single()).as("every demo goal is judged").isZero();
    }

    static final String DEFINITION = """
            {"id": "S00200", "titleSv": "Andel MI avslutade enligt plan", "titleEn": "Share of MI completed as planned",
             "kind": "quality", "qualityDimension": "efficient", "measureType": "process", "direction": "higher",
             "template": "completed-share", "interventionCode": "MI", "published": false}""";

    @Test
    void anonymousVisitorsReadPublishedIndicatorsButCannotDefineOrRefresh() throws Exception {
        mvc.perform(get("/api/v1/comparisons/indicators")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'S00001')].published").value(true));
        mvc.perform(get("/comparisons/indicators/S00001")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/comparisons/indicators").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/comparisons/refresh").with(csrf())).andExpect(status().isUnauthorized());
    }

    @Test
    void thePagesStateTheConfiguredColourCutPoints() throws Exception {
        mvc.perform(get("/comparisons/indicators/S00001")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("de 20 % bästa kommunerna är gröna, de 50 % i mitten gula och de 30 % sämsta röda")));
    }

    @Test
    void aCaseWorkerCannotDefineIndicators() throws Exception {
        Cookie session = login("demo-caseworker");
        mvc.perform(post("/api/v1/comparisons/indicators").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isForbidden());
        mvc.perform(get("/comparisons/indicators/new").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void aNationalAnalystDefinesAnUnpublishedIndicatorThatTheAnonymousDoNotSeeUntilPublished() throws Exception {
        Cookie session = login("demo-national");
        mvc.perform(post("/api/v1/comparisons/indicators").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("S00200"))
                .andExpect(jsonPath("$.refreshedAt").isNotEmpty());
        mvc.perform(get("/api/v1/comparisons/indicators/S00200")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/comparisons/indicators/S00200/results").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalities.length()").value(290));
        mvc.perform(put("/api/v1/comparisons/indicators/S00200/publication").param("published", "true")
                .cookie(session).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/comparisons/indicators/S00200")).andExpect(status().isOk())
                .andExpect(jsonPath("$.template").value("completed-share"));
        // the same id again is refused with the field named, in Swedish
        mvc.perform(post("/api/v1/comparisons/indicators").cookie(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("Det finns redan en indikator med detta id."));
    }

    @Test
    void theExcelExportHasAMetadataSheetAndOneSheetPerIndicator() throws Exception {
        MvcResult result = mvc.perform(get("/comparisons/export.xlsx").param("indicator", "S00001", "S00003"))
                .andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("Om indikatorerna");
            assertThat(workbook.getSheetName(1)).isEqualTo("S00001");
            Sheet sheet = workbook.getSheet("S00003");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Kommun");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(3 + 289);
        }
        MvcResult csv = mvc.perform(get("/comparisons/indicators/S00001.csv")).andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentAsString()).contains("indicator,area_code,area_kind,area_name,year,gender");
    }

    @Test
    void theCsvExportWritesTheSameAsciiNumbersWhateverTheServersDefaultLocale() throws Exception {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String underRoot = mvc.perform(get("/comparisons/indicators/S00001.csv")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            for (Locale locale : List.of(Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("tr-TR"))) {
                Locale.setDefault(locale);
                String csv = mvc.perform(get("/comparisons/indicators/S00001.csv")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(csv).as(locale.toLanguageTag()).isEqualTo(underRoot);
            }
            Locale.setDefault(Locale.ROOT);
            try (CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(underRoot.substring(1)))) {
                List<CSVRecord> records = rows.getRecords();
                assertThat(records).isNotEmpty();
                assertThat(records).allSatisfy(r -> {
                    assertThat(r.get("year")).matches("[0-9]{4}");
                    // The export promises plain decimals with a full stop, or an empty cell where suppressed.
                    assertThat(r.get("value")).matches("|-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
                    assertThat(r.get("n")).matches("|[0-9]+");
                });
                assertThat(records).anySatisfy(r -> assertThat(r.get("value")).contains("."));
            }
        } finally {
            Locale.setDefault(original);
        }
    }

    private Cookie login(String username) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, "demo");
    }
}
