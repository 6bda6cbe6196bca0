package se.samsyn.followup.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import se.samsyn.followup.OutcomeReport;

/** An outcome report as an Excel workbook: the table on one sheet, what it means on another. */
final class OutcomeWorkbook {

    static final String SUPPRESSED = "..";

    private OutcomeWorkbook() {
    }

    /**
     * The workbook of the report in the reader's language.
     *
     * @param instrumentName    the instrument's name in that language
     * @param interventionNames intervention names by code in that language; an intervention not in it keeps the
     *                          report's name
     * @param scopeName         the report's scope by name in that language ("Riket", "Malmö"), never its code
     * @param asOf              when the figures were read, Swedish time: the stored report's last computation
     *                          outside the owning unit, the download itself where they are read live
     */
    static byte[] write(OutcomeReport report, String instrumentName, java.util.Map<String, String> interventionNames,
                        String scopeName, java.time.LocalDateTime asOf, MessageSource messages, Locale locale)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(text(messages, "report.sheet.outcomes", locale));
            String[] headers = {"report.col.intervention", "report.col.sex", "report.col.n", "report.col.median-baseline",
                    "report.col.median-followup", "report.col.median-change", "report.col.share-improved.workbook"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(text(messages, headers[i], locale));
                cell.setCellStyle(bold);
            }
            // the share is per cent (58.3 means 58,3 %, as the header says), shown with one decimal
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            int r = 1;
            // whether a share is withheld beside its n, so that the method cell says why only then
            boolean extremeShare = false;
            for (OutcomeReport.Row row : report.rows()) {
                for (String sex : OutcomeReport.SEXES) {
                    OutcomeReport.Cell c = row.cells().get(sex);
                    Row line = sheet.createRow(r++);
                    line.createCell(0).setCellValue(row.interventionCode() == null
                            ? text(messages, "report.all-interventions", locale)
                            : interventionNames.getOrDefault(row.interventionCode(), row.interventionName()));
                    line.createCell(1).setCellValue(text(messages, "report.sex." + sex, locale));
                    number(line.createCell(2), c.suppressed(), c.n() == null ? null : c.n().doubleValue());
                    number(line.createCell(3), c.suppressed(), c.medianBaseline());
                    number(line.createCell(4), c.suppressed(), c.medianFollowUp());
                    number(line.createCell(5), c.suppressed(), c.medianChange());
                    // a share withheld beside a shown n (0 % or 100 % on a small base, ADR 0015) is ".." too
                    boolean shareWithheld = !c.suppressed() && c.shareImproved() == null && c.n() != null && c.n() > 0;
                    extremeShare |= shareWithheld;
                    Cell share = line.createCell(6);
                    number(share, c.suppressed() || shareWithheld, c.shareImproved());
                    if (share.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        share.setCellStyle(percent);
                    }
                }
            }
            // the header stays in view and filters every row (issue 17 point 6)
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, headers.length - 1));
            for (int i = 0; i < headers.length; i++) {
                sheet.autoSizeColumn(i);
            }
            Sheet about = workbook.createSheet(text(messages, "report.sheet.about", locale));
            Object[][] facts = {
                    {text(messages, "report.instrument", locale), instrumentName},
                    {text(messages, "report.period", locale), report.from() + " – " + report.to()},
                    {text(messages, "report.scope", locale), scopeName},
                    {text(messages, "report.workbook.as-of", locale),
                            asOf.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))},
                    {text(messages, "report.mid", locale), report.minimalImportantDifference()},
                    {text(messages, "report.suppression-note", locale), report.threshold()},
                    {text(messages, "report.method", locale), method(report.showsSymbols(), extremeShare, report.threshold(), messages,
                            locale)}};
            for (int i = 0; i < facts.length; i++) {
                Row line = about.createRow(i);
                Cell key = line.createCell(0);
                key.setCellValue((String) facts[i][0]);
                key.setCellStyle(bold);
                // the difference and the threshold as numbers, so a spreadsheet shows them in its own locale
                if (facts[i][1] instanceof Number number) {
                    line.createCell(1).setCellValue(number.doubleValue());
                } else {
                    line.createCell(1).setCellValue((String) facts[i][1]);
                }
            }
            about.autoSizeColumn(0);
            se.samsyn.shared.SpreadsheetText.neutralise(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A name as part of a file name: letters and digits without their accents, lower case, anything
     * else one dash, at most 60 characters, cut at a dash so no word or code is split ("Örebro" →
     * {@code orebro}, "Skåne län" → {@code skane-lan}); a first word longer than 60 characters is cut at 60.
     */
    static String fileNamePart(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (plain.length() > 60) {
            int dash = plain.lastIndexOf('-', 60);
            plain = dash > 0 ? plain.substring(0, dash) : plain.substring(0, 60);
        }
        return plain.isEmpty() ? "rapport" : plain;
    }

    /** A report period in a file name: the year for a whole calendar year, else {@code <from>_<to>} (ISO dates). */
    static String periodPart(java.time.LocalDate from, java.time.LocalDate to) {
        boolean wholeYear = from.getYear() == to.getYear() && from.getDayOfYear() == 1
                && to.equals(java.time.LocalDate.of(to.getYear(), 12, 31));
        return wholeYear ? String.valueOf(from.getYear()) : from + "_" + to;
    }

    /**
     * The method cell: how the figures are computed, then, as the page says them under its table, what
     * the symbols mean when the sheet holds any (".." with both reasons for hiding: too few clients, or
     * hidden so that another protected value cannot be worked out; "-" no value), and why a share beside
     * a shown n is ".." when the sheet holds such a share (0 % or 100 % of fewer than twice the
     * threshold, ADR 0015).
     */
    static String method(boolean symbols, boolean extremeShare, int threshold, MessageSource messages, Locale locale) {
        StringBuilder method = new StringBuilder(text(messages, "report.method.text", locale));
        if (symbols) {
            method.append(' ').append(text(messages, "report.legend", locale));
        }
        if (extremeShare) {
            method.append(' ').append(messages.getMessage("report.extreme-share-note", new Object[] {2 * threshold},
                    locale));
        }
        return method.toString();
    }

    /** Writes the value, ".." when suppressed or "-" when there is none. */
    private static void number(Cell cell, boolean suppressed, Double value) {
        if (suppressed) {
            cell.setCellValue(SUPPRESSED);
        } else if (value == null) {
            cell.setCellValue("-");
        } else {
            cell.setCellValue(value);
        }
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
