package se.samsyn.comparison.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.ResultRow;

/**
 * Indicators as an Excel workbook laid out as analysts expect: a sheet per indicator with every
 * municipality (value, women, men, n, rank), the relative colour as the value cell's fill and
 * the nation last; the metadata and the symbols on a sheet of their own.
 */
final class ComparisonWorkbook {

    private ComparisonWorkbook() {
    }

    static byte[] write(List<Comparisons.IndicatorTable> tables, Map<String, Map<String, ResultRow>> byGender,
                        MessageSource messages, Locale locale, double green, double red) throws IOException {
        String lang = locale.getLanguage();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<String, CellStyle> fills = Map.of(
                    Comparisons.GREEN, fill(workbook, IndexedColors.LIGHT_GREEN),
                    Comparisons.YELLOW, fill(workbook, IndexedColors.LIGHT_YELLOW),
                    Comparisons.RED, fill(workbook, IndexedColors.CORAL),
                    Comparisons.GREY, fill(workbook, IndexedColors.GREY_25_PERCENT));
            Sheet about = workbook.createSheet(text(messages, "comparison.export.metadata", locale));
            String[] aboutHeaders = {"comparison.col.id", "comparison.col.title", "comparison.col.year", "comparison.col.kind",
                    "comparison.col.unit", "comparison.col.direction", "comparison.col.source", "comparison.col.description"};
            header(about.createRow(0), aboutHeaders, messages, locale, bold);
            int a = 1;
            for (Comparisons.IndicatorTable t : tables) {
                Indicator i = t.indicator();
                Row row = about.createRow(a++);
                row.createCell(0).setCellValue(i.id());
                row.createCell(1).setCellValue(i.title(lang));
                row.createCell(2).setCellValue(t.year());
                row.createCell(3).setCellValue(text(messages, "comparison.kind." + i.kind().code(), locale));
                row.createCell(4).setCellValue(text(messages, "comparison.unit." + i.unit().code(), locale));
                row.createCell(5).setCellValue(text(messages, "comparison.direction." + i.direction().code(), locale));
                row.createCell(6).setCellValue(i.computed() ? text(messages, "comparison.source."
                        + (i.template() == null ? "followup" : i.template().source()), locale)
                        : messages.getMessage("comparison.source.named", new Object[] {i.sourceName()}, locale));
                row.createCell(7).setCellValue(i.description(lang) == null ? "" : i.description(lang));
            }
            a++;
            about.createRow(a++).createCell(0).setCellValue(messages.getMessage("comparison.colours.relative",
                    new Object[] {(int) green, (int) (100 - green - red), (int) red}, locale));
            about.createRow(a++).createCell(0).setCellValue(text(messages, "comparison.symbols", locale));
            about.createRow(a++).createCell(0).setCellValue(text(messages, "symbol.sex-hidden", locale));
            for (int c = 0; c < aboutHeaders.length - 1; c++) {
                about.autoSizeColumn(c);
            }
            for (Comparisons.IndicatorTable t : tables) {
                Sheet sheet = workbook.createSheet(t.indicator().id());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(t.indicator().title(lang) + " (" + t.year() + ")");
                title.getCell(0).setCellStyle(bold);
                String[] headers = {"comparison.col.code", "comparison.col.municipality", "comparison.col.county",
                        "comparison.col.group", "comparison.col.value", "comparison.col.women", "comparison.col.men",
                        "comparison.col.n", "comparison.col.rank", "comparison.col.colour"};
                header(sheet.createRow(2), headers, messages, locale, bold);
                int r = 3;
                for (Comparisons.MunicipalityResult m : t.municipalities()) {
                    Row row = sheet.createRow(r++);
                    ResultRow p = m.result().published();
                    row.createCell(0).setCellValue(m.municipality().code());
                    row.createCell(1).setCellValue(m.municipality().name());
                    row.createCell(2).setCellValue(m.municipality().countyName());
                    row.createCell(3).setCellValue(m.municipality().groupCode() == null ? "" : m.municipality().groupCode());
                    Cell value = row.createCell(4);
                    value(value, p);
                    if (p.colour() != null && fills.containsKey(p.colour())) {
                        value.setCellStyle(fills.get(p.colour()));
                    }
                    value(row.createCell(5), gender(byGender, t, "K", m));
                    value(row.createCell(6), gender(byGender, t, "M", m));
                    if (p.n() != null) {
                        row.createCell(7).setCellValue(p.n());
                    }
                    if (m.rank() != null) {
                        row.createCell(8).setCellValue(m.rank());
                    }
                    row.createCell(9).setCellValue(p.colour() == null ? "" : text(messages, "comparison.colour." + p.colour(), locale));
                }
                if (t.nation() != null) {
                    Row row = sheet.createRow(r + 1);
                    row.createCell(1).setCellValue(text(messages, "comparison.nation", locale));
                    row.getCell(1).setCellStyle(bold);
                    value(row.createCell(4), t.nation().published());
                    if (t.nation().published().n() != null) {
                        row.createCell(7).setCellValue(t.nation().published().n());
                    }
                }
                // the header row and the rows above it stay in view; the filter covers header and municipalities
                sheet.createFreezePane(0, 3);
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(2, Math.max(2, r - 1), 0,
                        headers.length - 1));
                for (int c = 0; c < headers.length; c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            se.samsyn.shared.SpreadsheetText.neutralise(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * One plain table on one sheet: a bold header row that stays in view (frozen) with an autofilter
     * over the header and every row; numbers as numbers, anything else as text. The sheet name is
     * made safe for Excel (at most 31 characters, no {@code []*?/\\:}).
     */
    static byte[] table(String sheetName, List<String> headers, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
            for (int c = 0; c < headers.size(); c++) {
                sheet.autoSizeColumn(c);
            }
            se.samsyn.shared.SpreadsheetText.neutralise(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static ResultRow gender(Map<String, Map<String, ResultRow>> byGender, Comparisons.IndicatorTable t, String g,
                                    Comparisons.MunicipalityResult m) {
        Map<String, ResultRow> cells = byGender.get(t.indicator().id() + "|" + g);
        return cells == null ? null : cells.get(m.municipality().code());
    }

    private static void value(Cell cell, ResultRow row) {
        if (row == null) {
            cell.setCellValue("-");
            return;
        }
        ResultRow p = row.published();
        if (p.shown()) {
            cell.setCellValue(Math.round(p.value() * 10) / 10.0);
        } else {
            cell.setCellValue(p.symbol());
        }
    }

    private static void header(Row row, String[] keys, MessageSource messages, Locale locale, CellStyle bold) {
        for (int i = 0; i < keys.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(text(messages, keys[i], locale));
            cell.setCellStyle(bold);
        }
    }

    private static CellStyle fill(XSSFWorkbook workbook, IndexedColors colour) {
        CellStyle style = workbook.createCellStyle();
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
