package se.samsyn.imports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The downloadable template of an import: a CSV file (RFC 4180, UTF-8, {@code \n} line ends) with
 * the header row and example rows that pass the import's own validation, as {@link TabularFile}
 * reads it back, and the same rows as a JSON array of flat objects for imports that take JSON.
 */
public final class ImportTemplate {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportTemplate() {
    }

    /**
     * The CSV bytes of a header and rows; every row must have as many values as the header.
     *
     * @throws IllegalArgumentException when a row's length differs from the header's
     */
    public static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(header);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " values, header " + header.size());
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same rows as a JSON array of objects keyed by the header's column names, every value a
     * string (an empty value is an empty string), UTF-8, pretty-printed.
     *
     * @throws IllegalArgumentException when a row's length differs from the header's
     */
    public static byte[] json(List<String> header, List<List<String>> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, header " + header.size());
            }
            ObjectNode o = array.addObject();
            for (int i = 0; i < header.size(); i++) {
                o.put(header.get(i), row.get(i));
            }
        }
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
