package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReport.Cell;
import se.samsyn.shared.Scope;

/**
 * The outcome workbook's method cell ("Metod", "Method") says what the symbols in the sheet mean as
 * the page's legend does: ".." with both reasons for hiding (too few clients, or hidden so that another
 * protected value cannot be worked out) and "-", and why a share beside a shown n is "..", each only
 * when the sheet holds it.
 */
class OutcomeWorkbookTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/messages", "i18n/followup");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final Cell HIDDEN = new Cell(null, null, null, null, null, true);

    private static final String METHOD_SV = "Per klient jämförs den första baslinjemätningen med den senaste "
            + "uppföljningen i perioden. Medianen av förändringen är medianen av klienternas förändringar.";
    private static final String LEGEND_SV = "Tecken i tabellen: \"..\" betyder att värdet skyddas för att ingen "
            + "enskild ska kunna pekas ut (för få klienter, eller dolt så att ett annat skyddat värde inte kan räknas "
            + "fram); \"-\" betyder att det inte finns något värde, till exempel ingen uppföljning ännu.";
    private static final String METHOD_EN = "For each client the first baseline is compared with the latest "
            + "follow-up in the period. The median change is the median of the changes of the clients.";
    private static final String LEGEND_EN = "Symbols in the table: \"..\" means the value is protected so that no "
            + "individual can be singled out (too few clients, or hidden so that another protected value cannot be "
            + "worked out); \"-\" means there is no value, for example no follow-up yet.";

    /**
     * Housing First: 3 women (too few, threshold 5) and so the 4 men hidden too (T minus K); all
     * interventions: 7 clients of whom none improved, so the share is withheld beside the shown n.
     */
    @Test
    void theMethodCellGivesBothReasonsForHidingAndTheWithheldShareAsThePageDoes() throws Exception {
        OutcomeReport report = report(List.of(
                new OutcomeReport.Row("HF", "Bostad först", cells(new Cell(7, 40.0, 44.0, 4.0, null, false), HIDDEN,
                        HIDDEN)),
                new OutcomeReport.Row(null, null, cells(new Cell(7, 40.0, 44.0, 4.0, null, false), HIDDEN, HIDDEN))));

        assertThat(methodCell(report, Locale.forLanguageTag("sv"))).containsExactly("Metod", METHOD_SV + " "
                + LEGEND_SV + " En andel förbättrade på 0 % eller 100 % av färre än 10 klienter visas som \"..\": den "
                + "skulle säga om var och en av dem förbättrades (samma regel som i de öppna jämförelserna).");
        assertThat(methodCell(report, Locale.ENGLISH)).containsExactly("Method", METHOD_EN + " " + LEGEND_EN
                + " A share improved of 0 % or 100 % of fewer than 10 clients is shown as \"..\": it would tell of "
                + "each of them whether they improved (the same rule as in the open comparisons).");
    }

    /** Cells hidden for too few clients and to protect them, shares shown: the legend, no note on shares. */
    @Test
    void hiddenCellsWithoutAWithheldShareGetTheLegendOnly() throws Exception {
        OutcomeReport report = report(List.of(new OutcomeReport.Row(null, null,
                cells(new Cell(12, 40.0, 56.5, 16.0, 58.3, false), HIDDEN, HIDDEN))));

        assertThat(methodCell(report, Locale.forLanguageTag("sv"))).containsExactly("Metod", METHOD_SV + " " + LEGEND_SV);
        assertThat(methodCell(report, Locale.ENGLISH)).containsExactly("Method", METHOD_EN + " " + LEGEND_EN);
    }

    /** Every figure shown (the owning unit's own report): no symbol in the sheet, none explained. */
    @Test
    void aSheetWithoutSymbolsExplainsNone() throws Exception {
        Cell shown = new Cell(6, 40.0, 56.5, 16.0, 50.0, false);
        OutcomeReport report = report(List.of(new OutcomeReport.Row(null, null, cells(shown, shown, shown))));

        assertThat(methodCell(report, Locale.forLanguageTag("sv"))).containsExactly("Metod", METHOD_SV);
        assertThat(methodCell(report, Locale.ENGLISH)).containsExactly("Method", METHOD_EN);
    }

    /** The minimal important difference (10) and the threshold (5) are numbers in the sheet, not text. */
    @Test
    void theDifferenceAndTheThresholdAreNumbers() throws Exception {
        Cell shown = new Cell(6, 40.0, 56.5, 16.0, 50.0, false);
        byte[] bytes = OutcomeWorkbook.write(report(List.of(new OutcomeReport.Row(null, null, cells(shown, shown, shown)))),
                "WHO-5", Map.of(), "Riket", java.time.LocalDateTime.of(2026, 12, 2, 10, 0), MESSAGES, Locale.forLanguageTag("sv"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var about = workbook.getSheetAt(1);
            assertThat(about.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Minsta viktiga skillnad");
            assertThat(about.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(10.0);
            assertThat(about.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Skyddsgräns (antal klienter)");
            assertThat(about.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(5.0);
        }
    }

    private static OutcomeReport report(List<OutcomeReport.Row> rows) {
        return new OutcomeReport("who5", "WHO-5", true, 10, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                Scope.nation(), true, 5, rows, new OutcomeReport.Distribution(List.of(), List.of(), List.of()), false);
    }

    private static Map<String, Cell> cells(Cell total, Cell women, Cell men) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("T", total);
        cells.put("K", women);
        cells.put("M", men);
        return cells;
    }

    /** A scope's name and a period as parts of the workbook's file name. */
    @Test
    void theFileNameCarriesTheScopeWithoutAccentsAndThePeriod() {
        assertThat(OutcomeWorkbook.fileNamePart("Örebro")).isEqualTo("orebro");
        assertThat(OutcomeWorkbook.fileNamePart("Skåne län")).isEqualTo("skane-lan");
        assertThat(OutcomeWorkbook.fileNamePart("Socialtjänst Väster (1280-SOC2)")).isEqualTo("socialtjanst-vaster-1280-soc2");
        assertThat(OutcomeWorkbook.fileNamePart("Enheten för vuxna med missbruk och beroende, Malmö"))
                .isEqualTo("enheten-for-vuxna-med-missbruk-och-beroende-malmo");
        // 64 characters as a file name part: cut at the last dash within 60, no part of a word left
        assertThat(OutcomeWorkbook.fileNamePart("Individ- och familjeomsorgen, barn och unga, Malmö stad (1280-IFO-BU)"))
                .isEqualTo("individ-och-familjeomsorgen-barn-och-unga-malmo-stad-1280");
        assertThat(OutcomeWorkbook.fileNamePart("x".repeat(70))).isEqualTo("x".repeat(60));
        assertThat(OutcomeWorkbook.fileNamePart("…")).isEqualTo("rapport");
        assertThat(OutcomeWorkbook.periodPart(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)))
                .isEqualTo("2025");
        assertThat(OutcomeWorkbook.periodPart(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 6, 30)))
                .isEqualTo("2025-01-01_2025-06-30");
    }

    /** The about sheet's last row, key and value: the method. */
    private static List<String> methodCell(OutcomeReport report, Locale locale) throws Exception {
        byte[] bytes = OutcomeWorkbook.write(report, "WHO-5", Map.of(), "Riket",
                java.time.LocalDateTime.of(2026, 12, 2, 10, 0), MESSAGES, locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = workbook.getSheetAt(1).getRow(workbook.getSheetAt(1).getLastRowNum());
            return List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
    }
}
