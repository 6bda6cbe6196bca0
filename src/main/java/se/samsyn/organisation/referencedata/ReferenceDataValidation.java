package se.samsyn.organisation.referencedata;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a batch of reference files before anything is stored, and turns them into rows.
 * Codes defined in the batch count as known alongside the codes already stored, so a batch may
 * bring a new municipality together with its population.
 */
final class ReferenceDataValidation {

    static final Set<String> SEXES = Set.of("T", "K", "M");
    static final List<String> AGE_BANDS = List.of("0-5", "6-15", "16-19", "20-64", "65-79", "80+");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{2}");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");
    private static final Pattern GROUP_CODE = Pattern.compile("[ABC][1-9]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record CountyRow(String code, String name, String shortName) {
    }

    record MunicipalityRow(String code, String name, String nameLong, String countyCode) {
    }

    record GroupRow(String municipalityCode, String groupCode, String groupName, String mainGroup, String koladaId) {
    }

    record PopulationRow(String municipalityCode, int year, String sex, String ageBand, int population) {
    }

    record TotalRow(String municipalityCode, int year, int total, int women, int men) {
    }

    record BoundaryRow(String code, String geometry) {
    }

    /** The rows of every file that passed, and the problems of those that did not. */
    static final class Batch {
        final Map<ReferenceFileKind, List<?>> rows = new EnumMap<>(ReferenceFileKind.class);
        final List<ReferenceProblem> problems = new ArrayList<>();

        @SuppressWarnings("unchecked")
        <T> List<T> rows(ReferenceFileKind kind) {
            return (List<T>) rows.getOrDefault(kind, List.of());
        }
    }

    private final Set<String> counties;
    private final Set<String> municipalities;

    ReferenceDataValidation(Set<String> storedCounties, Set<String> storedMunicipalities) {
        this.counties = new HashSet<>(storedCounties);
        this.municipalities = new HashSet<>(storedMunicipalities);
    }

    Batch validate(List<ReferenceFile> files) {
        Batch batch = new Batch();
        Set<ReferenceFileKind> seen = new HashSet<>();
        List<ReferenceFile> ordered = new ArrayList<>(files);
        ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
        for (ReferenceFile file : ordered) {
            if (!seen.add(file.kind())) {
                batch.problems.add(ReferenceProblem.of(file.fileName(), 0, null,
                        "referencedata.error.kind-twice", file.kind().standardFileName()));
                continue;
            }
            List<ReferenceProblem> problems = new ArrayList<>();
            List<?> rows = file.kind().isGeoJson() ? geoJson(file, problems) : csv(file, problems);
            batch.problems.addAll(problems);
            if (problems.isEmpty()) {
                batch.rows.put(file.kind(), rows);
            }
        }
        return batch;
    }

    private List<?> csv(ReferenceFile file, List<ReferenceProblem> problems) {
        String text = decode(file, problems);
        if (text == null) {
            return List.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Object> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Set<String> header = new HashSet<>(parser.getHeaderNames());
            for (String column : file.kind().requiredColumns()) {
                if (!header.contains(column)) {
                    problems.add(ReferenceProblem.of(file.fileName(), 1, column, "referencedata.error.missing-column", column));
                }
            }
            if (!problems.isEmpty()) {
                return List.of();
            }
            Rows context = new Rows(file, problems);
            int width = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                if (record.size() != width) {
                    problems.add(ReferenceProblem.of(file.fileName(), record.getRecordNumber() + 1, null,
                            "import.error.field-count", record.size(), width));
                    continue;
                }
                Object row = context.row(record);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.empty-file"));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.malformed-csv"));
        }
        return rows;
    }

    private static String decode(ReferenceFile file, List<ReferenceProblem> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.content())).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.not-utf8"));
            return null;
        }
    }

    /** Row-by-row checks for one CSV file; remembers keys to find duplicates. */
    private final class Rows {
        private final ReferenceFile file;
        private final List<ReferenceProblem> problems;
        private final Set<String> keys = new HashSet<>();
        private final Map<String, String> groupNames = new HashMap<>();
        private long line;
        private boolean rowOk;

        Rows(ReferenceFile file, List<ReferenceProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        Object row(CSVRecord record) {
            line = record.getRecordNumber() + 1;
            rowOk = true;
            Object row = switch (file.kind()) {
                case COUNTIES -> county(record);
                case MUNICIPALITIES -> municipality(record);
                case MUNICIPALITY_GROUPS -> group(record);
                case POPULATION -> population(record);
                case POPULATION_TOTALS -> total(record);
                default -> throw new IllegalStateException("not a CSV kind: " + file.kind());
            };
            return rowOk ? row : null;
        }

        private CountyRow county(CSVRecord r) {
            String code = code(r, "county_code", COUNTY_CODE);
            String name = text(r, "county_name", 100);
            String shortName = text(r, "county_name_short", 100);
            if (code != null && !keys.add(code)) {
                problem("county_code", "referencedata.error.duplicate-code", code);
            }
            if (rowOk) {
                counties.add(code);
            }
            return new CountyRow(code, name, shortName);
        }

        private MunicipalityRow municipality(CSVRecord r) {
            String code = code(r, "municipality_code", MUNICIPALITY_CODE);
            String name = text(r, "municipality_name", 100);
            String nameLong = text(r, "municipality_name_long", 150);
            String county = code(r, "county_code", COUNTY_CODE);
            if (code != null && !keys.add(code)) {
                problem("municipality_code", "referencedata.error.duplicate-code", code);
            }
            if (county != null && !counties.contains(county)) {
                problem("county_code", "referencedata.error.unknown-county", county);
            } else if (code != null && county != null && !code.startsWith(county)) {
                problem("county_code", "referencedata.error.county-mismatch", code, county);
            }
            if (rowOk) {
                municipalities.add(code);
            }
            return new MunicipalityRow(code, name, nameLong, county);
        }

        private GroupRow group(CSVRecord r) {
            String municipality = knownMunicipality(r);
            String group = code(r, "group_code", GROUP_CODE);
            String name = text(r, "group_name", 200);
            String main = value(r, "main_group");
            String kolada = r.isMapped("kolada_group_id") ? value(r, "kolada_group_id") : "";
            if (group != null && !group.substring(0, 1).equals(main)) {
                problem("main_group", "referencedata.error.main-group", group, main);
            }
            if (municipality != null && !keys.add(municipality)) {
                problem("municipality_code", "referencedata.error.duplicate-row", municipality);
            }
            if (group != null && name != null) {
                String earlier = groupNames.putIfAbsent(group, name);
                if (earlier != null && !earlier.equals(name)) {
                    problem("group_name", "referencedata.error.group-name-conflict", group, earlier);
                }
            }
            return new GroupRow(municipality, group, name, main, kolada.isEmpty() ? null : kolada);
        }

        private PopulationRow population(CSVRecord r) {
            String municipality = knownMunicipality(r);
            Integer year = integer(r, "year", 1900, 2100);
            String sex = value(r, "sex");
            if (!SEXES.contains(sex)) {
                problem("sex", "referencedata.error.sex", sex);
            }
            String band = value(r, "age_band");
            if (!AGE_BANDS.contains(band)) {
                problem("age_band", "referencedata.error.age-band", band);
            }
            Integer population = integer(r, "population", 0, 100_000_000);
            if (rowOk && !keys.add(municipality + "/" + year + "/" + sex + "/" + band)) {
                problem("municipality_code", "referencedata.error.duplicate-row", municipality + " " + year + " " + sex + " " + band);
            }
            return rowOk ? new PopulationRow(municipality, year, sex, band, population) : null;
        }

        private TotalRow total(CSVRecord r) {
            String municipality = knownMunicipality(r);
            Integer year = integer(r, "year", 1900, 2100);
            Integer total = integer(r, "population_total", 0, 100_000_000);
            Integer women = integer(r, "population_women", 0, 100_000_000);
            Integer men = integer(r, "population_men", 0, 100_000_000);
            if (rowOk && !keys.add(municipality + "/" + year)) {
                problem("municipality_code", "referencedata.error.duplicate-row", municipality + " " + year);
            }
            return rowOk ? new TotalRow(municipality, year, total, women, men) : null;
        }

        private String knownMunicipality(CSVRecord r) {
            String code = code(r, "municipality_code", MUNICIPALITY_CODE);
            if (code != null && !municipalities.contains(code)) {
                problem("municipality_code", "referencedata.error.unknown-municipality", code);
                return null;
            }
            return code;
        }

        private String value(CSVRecord r, String column) {
            return r.isSet(column) ? r.get(column).trim() : "";
        }

        private String code(CSVRecord r, String column, Pattern pattern) {
            String v = value(r, column);
            if (!pattern.matcher(v).matches()) {
                problem(column, "referencedata.error.code-format", v);
                return null;
            }
            return v;
        }

        private String text(CSVRecord r, String column, int maxLength) {
            String v = value(r, column);
            if (v.isEmpty() || v.length() > maxLength) {
                problem(column, "referencedata.error.text", maxLength);
                return null;
            }
            return v;
        }

        private Integer integer(CSVRecord r, String column, int min, int max) {
            String v = value(r, column);
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    problem(column, "referencedata.error.out-of-range", v, min, max);
                    return null;
                }
                return i;
            } catch (NumberFormatException e) {
                problem(column, "referencedata.error.not-integer", v);
                return null;
            }
        }

        private void problem(String field, String key, Object... args) {
            rowOk = false;
            problems.add(ReferenceProblem.of(file.fileName(), line, field, key, args));
        }
    }

    private List<?> geoJson(ReferenceFile file, List<ReferenceProblem> problems) {
        String text = decode(file, problems);
        if (text == null) {
            return List.of();
        }
        boolean municipal = file.kind() == ReferenceFileKind.MUNICIPALITY_BOUNDARIES;
        String codeProperty = municipal ? "municipality_code" : "county_code";
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.geojson"));
            return List.of();
        }
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray()) {
            problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.geojson"));
            return List.of();
        }
        List<BoundaryRow> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int index = 0;
        for (JsonNode feature : features) {
            index++;
            String code = feature.path("properties").path(codeProperty).asString("");
            JsonNode geometry = feature.path("geometry");
            String type = geometry.path("type").asString("");
            boolean known = municipal ? municipalities.contains(code) : counties.contains(code);
            if (!known) {
                problems.add(ReferenceProblem.of(file.fileName(), index, codeProperty,
                        municipal ? "referencedata.error.unknown-municipality" : "referencedata.error.unknown-county", code));
            } else if (!codes.add(code)) {
                problems.add(ReferenceProblem.of(file.fileName(), index, codeProperty, "referencedata.error.duplicate-code", code));
            } else if (!type.equals("Polygon") && !type.equals("MultiPolygon") || !geometry.path("coordinates").isArray()) {
                problems.add(ReferenceProblem.of(file.fileName(), index, "geometry", "referencedata.error.geometry", type));
            } else {
                rows.add(new BoundaryRow(code, JSON.writeValueAsString(geometry)));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(ReferenceProblem.of(file.fileName(), 0, null, "referencedata.error.empty-file"));
        }
        return rows;
    }
}
