package se.samsyn.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text in CSV and Excel exports that a spreadsheet could take for a formula ("CSV injection",
 * OWASP's guidance): a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return gets a leading apostrophe, which spreadsheets show as text. Plain numbers
 * ({@code -1.5}, {@code +3}) and a lone sign ({@code -}, the mark for "no value") are left as
 * they are, since no spreadsheet runs them. The one place every export neutralises its cells
 * (issue 12 point 7); a CSV import of an export undoes it with {@link #restored}.
 */
public final class SpreadsheetText {

    private static final Pattern NUMBER_OR_SIGN = Pattern.compile("[-+]?[0-9]*(?:[.,][0-9]+)?");

    private SpreadsheetText() {
    }

    /** The text as it may stand in an exported cell: formula-like text with a leading apostrophe; null stays null. */
    public static String cell(String text) {
        if (text == null || text.isEmpty() || !formulaLike(text)) {
            return text;
        }
        return "'" + text;
    }

    /** The values of one CSV record, each text neutralised by {@link #cell}; other values as they are. */
    public static Object[] cells(Object... values) {
        return Arrays.stream(values).map(v -> v instanceof String s ? cell(s) : v).toArray();
    }

    /** Every text cell of every sheet neutralised by {@link #cell}, just before the workbook is written. */
    public static void neutralise(Workbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.STRING) {
                        String text = c.getStringCellValue();
                        String safe = cell(text);
                        if (!safe.equals(text)) {
                            c.setCellValue(safe);
                        }
                    }
                }
            }
        }
    }

    /** A cell read back from an exported CSV file: the apostrophe {@link #cell} added is taken away again. */
    public static String restored(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && formulaLike(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    /** The values of one CSV row read back, each restored by {@link #restored}, in the same order. */
    public static Map<String, String> restored(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, restored(v)));
        return copy;
    }

    private static boolean formulaLike(String text) {
        char first = text.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !NUMBER_OR_SIGN.matcher(text).matches();
    }
}
