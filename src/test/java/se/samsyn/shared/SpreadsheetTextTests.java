package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue 12 point 7: formula-like export cells are neutralised, and a CSV import undoes it. */
class SpreadsheetTextTests {

    @Test
    void formulaLikeTextGetsAnApostropheAndOtherTextStaysAsItIs() {
        assertThat(SpreadsheetText.cell("=HYPERLINK(\"http://x\",\"klicka\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"klicka\")");
        assertThat(SpreadsheetText.cell("+46 cmd")).isEqualTo("'+46 cmd");
        assertThat(SpreadsheetText.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetText.cell("- punkt i en lista")).isEqualTo("'- punkt i en lista");
        assertThat(SpreadsheetText.cell("-")).isEqualTo("-");
        assertThat(SpreadsheetText.cell("-1.5")).isEqualTo("-1.5");
        assertThat(SpreadsheetText.cell("+3")).isEqualTo("+3");
        assertThat(SpreadsheetText.cell("Malmö")).isEqualTo("Malmö");
        assertThat(SpreadsheetText.cell("")).isEmpty();
        assertThat(SpreadsheetText.cell(null)).isNull();
        assertThat(SpreadsheetText.cells("=1+1", 42, null, "ok")).containsExactly("'=1+1", 42, null, "ok");
    }

    @Test
    void everyTextCellOfAWorkbookIsNeutralisedAndNumbersAreNotTouched() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("a");
            sheet.createRow(0).createCell(0).setCellValue("=cmd|' /C calc'!A0");
            sheet.getRow(0).createCell(1).setCellValue(-4.5);
            workbook.createSheet("b").createRow(3).createCell(2).setCellValue("@x");
            SpreadsheetText.neutralise(workbook);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(sheet.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(-4.5);
            assertThat(workbook.getSheet("b").getRow(3).getCell(2).getStringCellValue()).isEqualTo("'@x");
        }
    }

    @Test
    void readingAnExportBackTakesTheApostropheAway() {
        assertThat(SpreadsheetText.restored("'=1+1")).isEqualTo("=1+1");
        assertThat(SpreadsheetText.restored("'- punkt")).isEqualTo("- punkt");
        assertThat(SpreadsheetText.restored("'citat'")).isEqualTo("'citat'");
        assertThat(SpreadsheetText.restored(Map.of("body", "'@x"))).containsExactly(Map.entry("body", "@x"));
    }
}
