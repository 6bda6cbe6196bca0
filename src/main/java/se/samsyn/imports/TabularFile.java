package se.samsyn.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded file of rows, strictly, as a stream: a CSV file (UTF-8, header row, quoted
 * fields with separators and line breaks allowed; the separator is detected from the header line:
 * comma, semicolon as Excel writes it with Swedish settings, or tab) or a JSON array of flat objects. Each row
 * reaches the caller as a map from column name to text ("" for an empty or absent value), in
 * the order of the file; the caller applies its own row rules. Memory is bounded by one row.
 *
 * <p>Problems with the file's shape are reported through the {@code problems} consumer and never
 * thrown: not UTF-8 ({@code import.error.encoding}, with the row where decoding failed), empty or
 * without a header ({@code import.error.empty}), a header other than the expected columns
 * ({@code import.error.header}, the expected columns as argument), a row with more or fewer fields
 * than the header ({@code import.error.field-count}, found and expected), no rows
 * ({@code import.error.no-rows}), for JSON a top level that is not an array
 * ({@code import.error.json-array}), an element that is not an object ({@code import.error.json-object}),
 * a property that is not one of the columns ({@code import.error.json-unknown}), a value that is an
 * object or array ({@code import.error.json-value}), text after the array ({@code import.error.trailing}),
 * and text that is not CSV or JSON at all ({@code import.error.malformed}). After a problem with the
 * file as a whole, reading stops; after a problem with a row, it goes on, so every bad row is listed.
 */
public final class TabularFile {

    /** The two formats. */
    public enum Format { CSV, JSON }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final List<String> columns;
    private final List<String> required;
    private final boolean exactOrder;
    private final java.util.Set<String> listColumns;

    /**
     * @param columns    the columns a file must have, lower case
     * @param exactOrder whether a CSV header must list them in this order (else any order, each once)
     */
    public TabularFile(List<String> columns, boolean exactOrder) {
        this(columns, columns, exactOrder);
    }

    /**
     * A format whose CSV header must hold the {@code required} columns and may hold any of the
     * other {@code columns}, in any order, each once; nothing else. Rows carry every column, ""
     * where the file has none.
     */
    public TabularFile(List<String> columns, List<String> required) {
        this(columns, required, false);
    }

    private TabularFile(List<String> columns, List<String> required, boolean exactOrder) {
        this(columns, required, exactOrder, java.util.Set.of());
    }

    private TabularFile(List<String> columns, List<String> required, boolean exactOrder,
                        java.util.Set<String> listColumns) {
        this.listColumns = java.util.Set.copyOf(listColumns);
        this.columns = List.copyOf(columns);
        this.required = List.copyOf(required);
        this.exactOrder = exactOrder;
        if (!this.columns.containsAll(this.required)) {
            throw new IllegalArgumentException("required columns must be columns");
        }
    }

    /**
     * The same format, whose JSON objects may give the named columns as arrays of plain values;
     * a row carries such a column as its values joined with {@code ";"}, as a CSV file writes a list.
     */
    public TabularFile withListColumns(java.util.Set<String> lists) {
        return new TabularFile(columns, required, exactOrder, lists);
    }

    /** The format of an upload from its content type or file name: JSON for {@code json}, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        boolean json = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json"))
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json"));
        return json ? Format.JSON : Format.CSV;
    }

    /**
     * Reads every row of {@code content}, closing it at the end.
     *
     * @param rows     called with the row number and the values of each row
     * @param problems called for each problem found in the file's shape
     * @return how many rows were read
     */
    public long read(InputStream content, Format format, RowConsumer rows, Consumer<FileProblem> problems) {
        return format == Format.CSV ? csv(content, rows, problems) : json(content, rows, problems);
    }

    /** Receives one row. */
    @FunctionalInterface
    public interface RowConsumer {
        /**
         * @param row    the row number as the user sees it (see {@link FileProblem#row()})
         * @param values column name to text, "" when empty, for every column
         */
        void row(long row, Map<String, String> values);
    }

    private long csv(InputStream content, RowConsumer rows, Consumer<FileProblem> problems) {
        long count = 0;
        long line = 1;
        try (BufferedReader reader = utf8(content);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                     .setTrim(true).setDelimiter(separator(reader)).get())) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : record) {
                        header.add((h.startsWith("\uFEFF") ? h.substring(1).trim() : h).toLowerCase(Locale.ROOT));
                    }
                    if (!headerMatches(header)) {
                        problems.accept(FileProblem.of(1, null, "import.error.header", String.join(",", columns)));
                        return 0;
                    }
                    continue;
                }
                count++;
                long row = record.getRecordNumber();
                if (record.size() != header.size()) {
                    problems.accept(FileProblem.of(row, null, "import.error.field-count", record.size(), header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                for (String column : columns) {
                    values.putIfAbsent(column, "");
                }
                rows.row(row, values);
            }
            if (header == null) {
                problems.accept(FileProblem.of(0, null, "import.error.empty"));
            } else if (count == 0) {
                problems.accept(FileProblem.of(0, null, "import.error.no-rows"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.accept(FileProblem.of(Math.max(count + 2, line), null,
                    encoding(e) ? "import.error.encoding" : "import.error.malformed"));
        }
        return count;
    }

    /**
     * The separator of a CSV file, detected from its first line: comma, semicolon (as Excel writes
     * CSV with a Swedish locale) or tab, whichever occurs most outside quotes; comma when none does.
     */
    static char separator(BufferedReader reader) throws IOException {
        reader.mark(1 << 15);
        char[] head = new char[1 << 15];
        int n = Math.max(0, reader.read(head));
        reader.reset();
        return separator(new String(head, 0, n));
    }

    private static char separator(String head) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < head.length() && (quoted || (head.charAt(i) != '\n' && head.charAt(i) != '\r')); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /**
     * The column names of a CSV file's header, lower case, without a byte-order mark, read from
     * the start of {@code in} without consuming it (the stream must support mark and reset, as a
     * {@link java.io.BufferedInputStream} does); empty when the file is empty or not UTF-8.
     * For an import whose columns tell which type of file it is.
     */
    public static List<String> header(InputStream in) {
        try {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 15);
            in.reset();
            String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).replace("\"", "").trim();
            if (line.isEmpty()) {
                return List.of();
            }
            List<String> header = new ArrayList<>();
            for (String h : line.split(java.util.regex.Pattern.quote(String.valueOf(separator(line))), -1)) {
                header.add(h.trim().toLowerCase(Locale.ROOT));
            }
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This format's rows in {@code content} as a source for the {@link ImportPipeline}. */
    public RowSource source(InputStream content, Format format) {
        return (rows, problems) -> read(content, format, rows, problems);
    }

    private boolean headerMatches(List<String> header) {
        if (exactOrder) {
            return header.equals(columns);
        }
        return columns.containsAll(header) && header.containsAll(required)
                && header.stream().distinct().count() == header.size();
    }

    private long json(InputStream content, RowConsumer rows, Consumer<FileProblem> problems) {
        long count = 0;
        try (Reader reader = utf8(content); JsonParser parser = JSON.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.accept(FileProblem.of(0, null, "import.error.empty"));
                return 0;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.accept(FileProblem.of(0, null, "import.error.json-array"));
                return 0;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    problems.accept(FileProblem.of(count + 1, null, "import.error.malformed"));
                    return count;
                }
                count++;
                JsonNode node = JSON.readTree(parser);
                if (!node.isObject()) {
                    problems.accept(FileProblem.of(count, null, "import.error.json-object"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : columns) {
                    values.put(column, "");
                }
                boolean bad = false;
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String name = property.getKey();
                    JsonNode value = property.getValue();
                    if (!values.containsKey(name)) {
                        problems.accept(FileProblem.of(count, name, "import.error.json-unknown"));
                        bad = true;
                    } else if (value.isArray() && listColumns.contains(name) && plainValues(value)) {
                        List<String> items = new ArrayList<>();
                        value.forEach(item -> items.add(item.asString().trim()));
                        values.put(name, String.join(";", items));
                    } else if ((value.isObject() || value.isArray())) {
                        problems.accept(FileProblem.of(count, name, "import.error.json-value"));
                        bad = true;
                    } else {
                        values.put(name, value.isNull() ? "" : value.asString().trim());
                    }
                }
                if (!bad) {
                    rows.row(count, values);
                }
            }
            if (!endsHere(parser)) {
                problems.accept(FileProblem.of(0, null, "import.error.trailing"));
            } else if (count == 0) {
                problems.accept(FileProblem.of(0, null, "import.error.no-rows"));
            }
        } catch (JacksonException | IOException | UncheckedIOException e) {
            problems.accept(FileProblem.of(count + 1, null, encoding(e) ? "import.error.encoding" : "import.error.malformed"));
        }
        return count;
    }

    private static boolean plainValues(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isObject() || item.isArray() || item.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Whether nothing but white space follows the JSON value just read (for readers of other JSON shapes). */
    public static boolean endsHere(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * A strict UTF-8 reader: a byte sequence that is not UTF-8 fails the read instead of becoming
     * U+FFFD, so a Latin-1 file is refused rather than stored with broken å, ä and ö.
     */
    public static BufferedReader utf8(InputStream content) {
        return new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /** Whether a read failed because the bytes were not UTF-8. */
    public static boolean encoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
