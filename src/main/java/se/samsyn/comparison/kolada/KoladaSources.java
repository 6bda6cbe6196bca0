package se.samsyn.comparison.kolada;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.RowSource;
import se.samsyn.imports.TabularFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the rows of a Kolada file come from. A CSV file is read by {@link TabularFile}, after its
 * header has told what it holds: KPI metadata ({@code kpi_id}, {@code title} and any of
 * {@link #METADATA_COLUMNS}) or values ({@code kpi_id,municipality_code,year,gender,value} or
 * {@code kpi_id,area_code,...}). A JSON file is Kolada's own: {@code /kpi} (objects with {@code id})
 * or {@code /data} (objects with {@code kpi}, {@code municipality}, {@code period} and a list of
 * {@code values}, one row each, all numbered as their object), as an array or wrapped as
 * {@code {"values": [...]}}. A value Kolada marks null is a row with {@code missing} set, which the
 * rule passes over.
 */
final class KoladaSources {

    static final List<String> METADATA_COLUMNS = List.of("kpi_id", "title", "operating_area", "municipality_type",
            "is_divided_by_gender", "perspective", "source", "publication_date", "description");
    static final String MISSING = "missing";
    private static final Pattern SOURCE = Pattern.compile("Källa:\\s*(.+?)\\.?\\s*$");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private KoladaSources() {
    }

    /** The "Källa:" part of a Kolada description, if it has one. */
    static String sourceOf(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = SOURCE.matcher(description.strip());
        return m.find() ? m.group(1).strip() : null;
    }

    /** A CSV file's rows, telling {@code run} what the file holds from its header. */
    static RowSource csv(InputStream content, KoladaImportRun run) {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        List<String> header = TabularFile.header(in);
        TabularFile file;
        if (header.containsAll(List.of("kpi_id", "title"))) {
            List<String> columns = new ArrayList<>(METADATA_COLUMNS);
            header.stream().filter(h -> !columns.contains(h)).forEach(columns::add);
            file = new TabularFile(columns, List.of("kpi_id", "title"));
            run.holds(KoladaImportRun.METADATA, null);
        } else if (header.size() == 5 && header.get(0).equals("kpi_id") && header.get(2).equals("year")
                && header.get(3).equals("gender") && header.get(4).equals("value")
                && (header.get(1).equals("municipality_code") || header.get(1).equals("area_code"))) {
            file = new TabularFile(header, true);
            run.holds(KoladaImportRun.VALUES, header.get(1));
        } else {
            return (rows, problems) -> {
                problems.accept(FileProblem.of(1, null, "kolada.error.header"));
                return 0;
            };
        }
        return file.source(in, TabularFile.Format.CSV);
    }

    /** A JSON file's rows, telling {@code run} what the file holds from its first object. */
    static RowSource json(InputStream content, KoladaImportRun run) {
        return (rows, problems) -> new JsonRows(run, rows, problems).read(content);
    }

    /** Reads one JSON file. */
    private static final class JsonRows {
        private final KoladaImportRun run;
        private final TabularFile.RowConsumer rows;
        private final Consumer<FileProblem> problems;
        private long count;
        private boolean problem;

        JsonRows(KoladaImportRun run, TabularFile.RowConsumer rows, Consumer<FileProblem> problems) {
            this.run = run;
            this.rows = rows;
            this.problems = problems;
        }

        private void problem(long row, String field, String key) {
            problem = true;
            problems.accept(FileProblem.of(row, field, key));
        }

        long read(InputStream content) {
            try (Reader reader = TabularFile.utf8(content); JsonParser parser = JSON.createParser(reader)) {
                JsonToken first = parser.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    boolean found = false;
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken next = parser.nextToken();
                        if ("values".equals(field) && next == JsonToken.START_ARRAY) {
                            found = true;
                            items(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (!found) {
                        problem(0, "values", "kolada.error.json-shape");
                    }
                } else if (first == JsonToken.START_ARRAY) {
                    items(parser);
                } else {
                    problem(0, null, first == null ? "import.error.empty" : "kolada.error.json-shape");
                    return count;
                }
                if (!TabularFile.endsHere(parser)) {
                    problem(0, null, "import.error.trailing");
                }
            } catch (JacksonException | UncheckedIOException | IOException e) {
                problem(count + 1, null, TabularFile.encoding(e) ? "kolada.error.encoding" : "kolada.error.malformed");
            }
            if (!problem && run.kind() == null) {
                problem(1, null, "kolada.error.empty");
            } else if (!problem && count == 0) {
                problem(0, null, "import.error.no-rows");
            }
            return count;
        }

        private void items(JsonParser parser) {
            long number = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                number++;
                JsonNode node = JSON.readTree(parser);
                if (run.kind() == null) {
                    if (node.has("kpi")) {
                        run.holds(KoladaImportRun.VALUES, "municipality");
                    } else if (node.has("id")) {
                        run.holds(KoladaImportRun.METADATA, null);
                    } else {
                        problem(number, null, "kolada.error.json-shape");
                        return;
                    }
                }
                if (KoladaImportRun.METADATA.equals(run.kind())) {
                    count++;
                    String description = text(node, "description");
                    rows.row(number, Map.of("kpi_id", text(node, "id"), "title", text(node, "title"),
                            "description", description, "operating_area", text(node, "operating_area"),
                            "municipality_type", text(node, "municipality_type"),
                            "is_divided_by_gender", text(node, "is_divided_by_gender"),
                            "perspective", text(node, "perspective"),
                            "publication_date", text(node, "publication_date"),
                            "source", String.valueOf(sourceOf(description) == null ? "" : sourceOf(description))));
                    continue;
                }
                JsonNode cells = node.get("values");
                if (cells == null || !cells.isArray()) {
                    count++;
                    problem(number, "values", "kolada.error.json-shape");
                    continue;
                }
                for (JsonNode cell : cells) {
                    count++;
                    JsonNode value = cell.get("value");
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("kpi_id", text(node, "kpi"));
                    row.put("municipality", text(node, "municipality"));
                    row.put("year", text(node, "period"));
                    row.put("gender", text(cell, "gender"));
                    row.put("value", value == null || value.isNull() ? "" : value.asString());
                    if (value == null || value.isNull()) {
                        row.put(MISSING, "true");
                    }
                    rows.row(number, row);
                }
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return "";
            }
            if (v.isBoolean()) {
                return v.asBoolean() ? "1" : "0";
            }
            return v.asString();
        }
    }
}
