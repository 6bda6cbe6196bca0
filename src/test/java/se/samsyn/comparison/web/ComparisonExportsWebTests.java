package se.samsyn.comparison.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Comparisons.GroupValue;
import se.samsyn.comparison.Comparisons.IndicatorTable;
import se.samsyn.comparison.Comparisons.MunicipalityResult;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.Template;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The comparison exports on the web layer alone, read back: the Excel workbook's cells (rounded
 * value, women's value from the gender table, base, rank, colour in words, the nation) and the CSV's
 * records (suppressed cells with their symbol and without value or base, area names).
 */
@WebSliceTest(ComparisonExports.class)
@ComparisonWebMocks
class ComparisonExportsWebTests {

    static final Actor ANALYST = new Actor("analytiker", Role.NATIONAL_ANALYST, Scope.nation());
    static final Municipality MALMO = new Municipality("1280", "Malmö", "Malmö kommun", "12", "Skåne län", "A1",
            "Storstäder", 357377, 2024, 4.1);
    static final Municipality LUND = new Municipality("1281", "Lund", "Lunds kommun", "12", "Skåne län", "A2",
            "Pendlingskommun nära storstad", 128000, 2024, 3.0);
    static final Indicator INDICATOR = new Indicator("U31001", "Förbättrade", "Improved", null, null, "substance-use",
            IndicatorKind.QUALITY, QualityDimension.PERSON_CENTRED, MeasureType.RESULT, MeasureUnit.PERCENT,
            Direction.HIGHER_BETTER, Indicator.ORIGIN_FOLLOWUP, Template.IMPROVED_SHARE, "who5", null, null, null, null,
            null, null, true, LocalDate.of(2025, 3, 1), true, "analyst", Instant.parse("2025-03-01T08:00:00Z"), null);

    @Autowired
    MockMvc mvc;

    @Autowired
    Indicators indicators;
    @Autowired
    Comparisons comparisons;
    @Autowired
    Organisation organisation;
    @Autowired
    se.samsyn.comparison.SimilarMunicipalities similar;

    private static ResultRow row(String area, String kind, String gender, Double value, Integer n, String status,
                                 String colour) {
        return new ResultRow("U31001", area, kind, 2024, gender, value == null ? null : value * n / 100, n == null ? null
                : n.doubleValue(), value, n, status, colour);
    }

    private void resultsGiven() {
        IndicatorTable total = new IndicatorTable(INDICATOR, 2024, "T", List.of(2024), List.of(
                new MunicipalityResult(MALMO, row("1280", "municipality", "T", 42.345, 30, ResultRow.OK, "green"), 1),
                new MunicipalityResult(LUND, row("1281", "municipality", "T", 50.0, 4, ResultRow.SUPPRESSED, "grey"),
                        null)),
                row("0000", "nation", "T", 40.0, 900, ResultRow.OK, null), List.of(),
                List.of(new GroupValue("12", "Skåne län", row("0012", "region", "T", 45.0, 34, ResultRow.OK, null),
                        42.3, 1)));
        IndicatorTable women = new IndicatorTable(INDICATOR, 2024, "K", List.of(2024), List.of(
                new MunicipalityResult(MALMO, row("1280", "municipality", "K", 44.0, 16, ResultRow.OK, "yellow"), 1)),
                null, List.of(), List.of());
        IndicatorTable men = new IndicatorTable(INDICATOR, 2024, "M", List.of(2024), List.of(), null, List.of(),
                List.of());
        when(indicators.visible(ANALYST)).thenReturn(List.of(INDICATOR));
        when(comparisons.indicator(ANALYST, "U31001")).thenReturn(INDICATOR);
        when(comparisons.years(ANALYST, "U31001")).thenReturn(List.of(2024));
        when(comparisons.table(eq(ANALYST), eq("U31001"), any(), eq("T"), isNull(), isNull())).thenReturn(total);
        when(comparisons.table(eq(ANALYST), eq("U31001"), eq(2024), eq("K"), isNull(), isNull())).thenReturn(women);
        when(comparisons.table(eq(ANALYST), eq("U31001"), eq(2024), eq("M"), isNull(), isNull())).thenReturn(men);
        when(comparisons.greenPercent()).thenReturn(25.0);
        when(comparisons.redPercent()).thenReturn(25.0);
        when(organisation.municipalities()).thenReturn(List.of(MALMO, LUND));
        when(organisation.counties()).thenReturn(List.of(new County("12", "Skåne län", "Skåne")));
        when(organisation.groups()).thenReturn(List.of());
    }

    @Test
    void theWorkbookHoldsEachMunicipalitysCellsAndTheNation() throws Exception {
        resultsGiven();
        byte[] bytes = mvc.perform(get("/comparisons/indicators/U31001.xlsx").with(as(ANALYST)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"U31001.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Om indikatorerna");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("U31001");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Förbättrade");
            Sheet sheet = workbook.getSheet("U31001");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Förbättrade (2024)");
            Row malmo = sheet.getRow(3);
            assertThat(malmo.getCell(0).getStringCellValue()).isEqualTo("1280");
            assertThat(malmo.getCell(1).getStringCellValue()).isEqualTo("Malmö");
            assertThat(malmo.getCell(2).getStringCellValue()).isEqualTo("Skåne län");
            assertThat(malmo.getCell(3).getStringCellValue()).isEqualTo("A1");
            assertThat(malmo.getCell(4).getNumericCellValue()).isEqualTo(42.3);
            assertThat(malmo.getCell(5).getNumericCellValue()).isEqualTo(44.0);
            assertThat(malmo.getCell(6).getStringCellValue()).isEqualTo("-");
            assertThat(malmo.getCell(7).getNumericCellValue()).isEqualTo(30.0);
            assertThat(malmo.getCell(8).getNumericCellValue()).isEqualTo(1.0);
            assertThat(malmo.getCell(9).getStringCellValue()).isEqualTo("Grön: bland de bästa");
            Row lund = sheet.getRow(4);
            assertThat(lund.getCell(1).getStringCellValue()).isEqualTo("Lund");
            assertThat(lund.getCell(4).getStringCellValue()).isEqualTo("..");
            assertThat(lund.getCell(7)).isNull();
            assertThat(lund.getCell(8)).isNull();
            Row nation = sheet.getRow(6);
            assertThat(nation.getCell(1).getStringCellValue()).isEqualTo("Riket");
            assertThat(nation.getCell(4).getNumericCellValue()).isEqualTo(40.0);
            assertThat(nation.getCell(7).getNumericCellValue()).isEqualTo(900.0);
        }
    }

    @Test
    void theCsvHoldsEveryPublishedCellWithItsAreaName() throws Exception {
        resultsGiven();
        byte[] bytes = mvc.perform(get("/comparisons/indicators/U31001.csv").with(as(ANALYST)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"U31001.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactly("indicator", "area_code", "area_kind", "area_name",
                    "year", "gender", "value", "n", "status", "symbol", "colour");
            List<List<String>> records = parser.getRecords().stream().map(CSVRecord::toList).toList();
            assertThat(records).containsExactly(
                    List.of("U31001", "0000", "nation", "Riket", "2024", "T", "40.0", "900", "ok", "", ""),
                    List.of("U31001", "0012", "region", "Skåne län", "2024", "T", "45.0", "34", "ok", "", ""),
                    List.of("U31001", "1280", "municipality", "Malmö", "2024", "T", "42.345", "30", "ok", "", "green"),
                    List.of("U31001", "1281", "municipality", "Lund", "2024", "T", "", "", "suppressed", "..", "grey"),
                    List.of("U31001", "1280", "municipality", "Malmö", "2024", "K", "44.0", "16", "ok", "", "yellow"));
        }
    }

    @Test
    void theWorkbookFollowsThePagesFiltersWithAFrozenHeaderAndAnAutofilter() throws Exception {
        resultsGiven();
        // the page filtered on kommungrupp A1 and women: only Malmö is in the group
        IndicatorTable womenInA1 = new IndicatorTable(INDICATOR, 2024, "K", List.of(2024), List.of(
                new MunicipalityResult(MALMO, row("1280", "municipality", "K", 44.0, 16, ResultRow.OK, "yellow"), 1)),
                row("0000", "nation", "K", 41.0, 450, ResultRow.OK, null), List.of(), List.of());
        IndicatorTable menInA1 = new IndicatorTable(INDICATOR, 2024, "M", List.of(2024), List.of(
                new MunicipalityResult(MALMO, row("1280", "municipality", "M", 40.0, 14, ResultRow.OK, "red"), 1)),
                null, List.of(), List.of());
        when(comparisons.table(eq(ANALYST), eq("U31001"), eq(2024), eq("K"), isNull(), eq("A1"))).thenReturn(womenInA1);
        when(comparisons.table(eq(ANALYST), eq("U31001"), eq(2024), eq("M"), isNull(), eq("A1"))).thenReturn(menInA1);

        byte[] bytes = mvc.perform(get("/comparisons/indicators/U31001.xlsx").param("year", "2024")
                        .param("gender", "K").param("group", "A1").param("county", "").with(as(ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = workbook.getSheet("U31001");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Malmö");
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(44.0);
            assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(44.0);
            assertThat(sheet.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(40.0);
            assertThat((Object) sheet.getRow(4)).isNull();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Row r : sheet) {
                if (r.getRowNum() >= 3 && r.getCell(1) != null) {
                    names.add(r.getCell(1).getStringCellValue());
                }
            }
            assertThat(names).containsExactly("Malmö", "Riket");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:J4");
        }
    }

    private void womenInGroupA1Given() {
        IndicatorTable womenInA1 = new IndicatorTable(INDICATOR, 2024, "K", List.of(2024), List.of(
                new MunicipalityResult(MALMO, row("1280", "municipality", "K", 44.0, 16, ResultRow.OK, "yellow"), 1)),
                row("0000", "nation", "K", 41.0, 450, ResultRow.OK, null), List.of(), List.of());
        when(comparisons.table(eq(ANALYST), eq("U31001"), eq(2024), eq("K"), isNull(), eq("A1"))).thenReturn(womenInA1);
    }

    private static List<List<String>> csvRecords(byte[] bytes) throws Exception {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    void theCsvFollowsThePagesYearSexAndGroup() throws Exception {
        resultsGiven();
        womenInGroupA1Given();
        byte[] bytes = mvc.perform(get("/comparisons/indicators/U31001.csv").param("year", "2024")
                        .param("gender", "K").param("county", "").param("group", "A1").with(as(ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        // Lund (not in A1), the totals and the men are left out
        assertThat(csvRecords(bytes)).containsExactly(
                List.of("U31001", "0000", "nation", "Riket", "2024", "K", "41.0", "450", "ok", "", ""),
                List.of("U31001", "1280", "municipality", "Malmö", "2024", "K", "44.0", "16", "ok", "", "yellow"));
    }

    @Test
    void theMultiIndicatorCsvHasAStableAddressAndFollowsTheFilters() throws Exception {
        resultsGiven();
        womenInGroupA1Given();
        byte[] bytes = mvc.perform(get("/comparisons/export.csv").param("indicator", "U31001").param("year", "2024")
                        .param("gender", "K").param("group", "A1").with(as(ANALYST)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"samsyn-jamforelser.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(csvRecords(bytes)).extracting(r -> r.get(3) + " " + r.get(5))
                .containsExactly("Riket K", "Malmö K");
        // without a chosen indicator every visible one is exported; a year without results gives no rows
        byte[] none = mvc.perform(get("/comparisons/export.csv").param("year", "2019").param("gender", "T").with(as(ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csvRecords(none)).isEmpty();
    }

    private void profileGiven() {
        when(organisation.requireMunicipality("1280")).thenReturn(MALMO);
        when(similar.similar(eq(ANALYST), eq("1280"), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(new se.samsyn.comparison.SimilarMunicipalities.Result(MALMO, java.util.Map.of(), List.of()));
        when(comparisons.profile(ANALYST, "1280", List.of())).thenReturn(List.of(new Comparisons.ProfileLine(INDICATOR,
                2024, row("1280", "municipality", "T", 42.345, 30, ResultRow.OK, "green"), 40.04, null, 39.96,
                row("0000", "nation", "T", 40.0, 900, ResultRow.OK, null), List.of(40.0, 42.345))));
    }

    @Test
    void theProfileWorkbookHoldsThePagesLinesWithAFrozenHeaderAndAnAutofilter() throws Exception {
        resultsGiven();
        profileGiven();
        byte[] bytes = mvc.perform(get("/comparisons/municipalities/1280.xlsx").with(as(ANALYST)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"profil-1280.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Malmö");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Indikator");
            Row line = sheet.getRow(1);
            assertThat(line.getCell(0).getStringCellValue()).isEqualTo("U31001");
            assertThat(line.getCell(1).getStringCellValue()).isEqualTo("Förbättrade");
            assertThat(line.getCell(2).getNumericCellValue()).isEqualTo(2024.0);
            assertThat(line.getCell(3).getNumericCellValue()).isEqualTo(42.3);
            assertThat(line.getCell(4).getStringCellValue()).isEqualTo("Grön: bland de bästa");
            assertThat(line.getCell(5).getNumericCellValue()).isEqualTo(40.0);
            assertThat(line.getCell(6).getNumericCellValue()).isEqualTo(40.0);
            assertThat(line.getCell(7).getStringCellValue()).isEqualTo("-");
            assertThat(line.getCell(8).getNumericCellValue()).isEqualTo(40.0);
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I2");
        }
    }

    @Test
    void theProfileCsvHoldsThePagesLines() throws Exception {
        resultsGiven();
        profileGiven();
        byte[] bytes = mvc.perform(get("/comparisons/municipalities/1280.csv").with(as(ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(csvRecords(bytes)).containsExactly(
                List.of("U31001", "Förbättrade", "2024", "42.3", "Grön: bland de bästa", "40.0", "40.0", "-", "40.0"));
    }

    @Test
    void theProfileCsvInEnglishHasEnglishHeadsAndColours() throws Exception {
        resultsGiven();
        profileGiven();
        byte[] bytes = mvc.perform(get("/comparisons/municipalities/1280.csv")
                        .cookie(new jakarta.servlet.http.Cookie("samsyn-lang", "en")).locale(java.util.Locale.ENGLISH)
                        .with(as(ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).startsWith("Id", "Indicator").endsWith("Sweden");
            assertThat(parser.getRecords().get(0).get(1)).isEqualTo("Improved");
        }
        assertThat(text).contains("Green: among the best").doesNotContain("Grön");
    }
}
