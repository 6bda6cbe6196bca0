package se.samsyn.organisation.referencedata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.imports.RowSource;
import se.samsyn.imports.TabularFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The row rules of the reference-data import, as parts of the one {@link ImportPipeline}: one part
 * per file, in the order of {@link ReferenceFileKind} (later kinds refer to codes defined by earlier
 * ones). Codes defined in the batch count as known alongside the codes already stored, so a batch
 * may bring a new municipality together with its population. CSV files are read by
 * {@link TabularFile} (UTF-8, the kind's required columns in any order, other columns ignored),
 * GeoJSON files as a {@code FeatureCollection} of polygons.
 */
final class ReferenceDataValidation {

    static final Set<String> SEXES = Set.copyOf(ReferenceDataImport.SEXES);
    static final List<String> AGE_BANDS = ReferenceDataImport.AGE_BANDS;
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

    /** A checked row with its key and the key as the duplicate message names it. */
    record Checked(Object row, String key, String keyText) {
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

    /** Checks the files and collects their rows, without storing anything. */
    Batch validate(List<ReferenceFile> files) {
        Batch batch = new Batch();
        Map<ReferenceFileKind, List<Object>> rows = new EnumMap<>(ReferenceFileKind.class);
        ImportReport report = ImportPipeline.check(parts(files,
                (kind, list) -> rows.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list)));
        report.errors().forEach(p -> batch.problems.add(ReferenceProblem.of(p)));
        if (report.errors().isEmpty()) {
            files.forEach(f -> batch.rows.put(f.kind(), rows.getOrDefault(f.kind(), List.of())));
        }
        return batch;
    }

    /**
     * The files as pipeline parts, in load order; {@code store} receives each batch of checked
     * rows of a kind. A kind given twice is refused.
     */
    List<ImportPipeline.Part> parts(List<ReferenceFile> files, BiConsumer<ReferenceFileKind, List<Object>> store) {
        List<ReferenceFile> ordered = new ArrayList<>(files);
        ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
        Set<ReferenceFileKind> seen = new HashSet<>();
        List<ImportPipeline.Part> parts = new ArrayList<>();
        for (ReferenceFile file : ordered) {
            FileSteps steps = new FileSteps(file, store);
            RowSource source = !seen.add(file.kind())
                    ? (rows, problems) -> {
                        problems.accept(FileProblem.of(0, null, "referencedata.error.kind-twice",
                                file.kind().standardFileName()));
                        return 0;
                    }
                    : file.kind().isGeoJson() ? geoJson(file) : csv(file);
            parts.add(new ImportPipeline.Part(file.fileName(), source, steps));
        }
        return parts;
    }

    private static RowSource csv(ReferenceFile file) {
        return (rows, problems) -> {
            InputStream in = new ByteArrayInputStream(file.content());
            List<String> header = TabularFile.header(in);
            List<String> missing = file.kind().requiredColumns().stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                // a file that is not UTF-8 is refused as such, not for the columns its header seems to lack
                List<FileProblem> shape = new ArrayList<>();
                new TabularFile(file.kind().requiredColumns(), false).read(new ByteArrayInputStream(file.content()),
                        TabularFile.Format.CSV, (row, values) -> { }, shape::add);
                List<FileProblem> encoding = shape.stream()
                        .filter(p -> p.messageKey().equals("import.error.encoding")).toList();
                if (!encoding.isEmpty()) {
                    encoding.forEach(problems);
                } else {
                    missing.forEach(c -> problems.accept(FileProblem.of(1, c, "referencedata.error.missing-column", c)));
                }
                return 0;
            }
            return new TabularFile(header.stream().distinct().toList(), file.kind().requiredColumns())
                    .read(in, TabularFile.Format.CSV, rows, problems);
        };
    }

    private RowSource geoJson(ReferenceFile file) {
        String codeProperty = file.kind() == ReferenceFileKind.MUNICIPALITY_BOUNDARIES ? "municipality_code" : "county_code";
        return (rows, problems) -> {
            JsonNode root;
            try (InputStream in = new ByteArrayInputStream(file.content())) {
                root = JSON.readTree(TabularFile.utf8(in));
            } catch (JacksonException | java.io.IOException | java.io.UncheckedIOException e) {
                boolean encoding = TabularFile.encoding(e);
                problems.accept(FileProblem.of(0, null, encoding ? "import.error.encoding" : "referencedata.error.geojson"));
                return 0;
            }
            JsonNode features = root.path("features");
            if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray()) {
                problems.accept(FileProblem.of(0, null, "referencedata.error.geojson"));
                return 0;
            }
            long index = 0;
            for (JsonNode feature : features) {
                index++;
                Map<String, String> values = new LinkedHashMap<>();
                values.put(codeProperty, feature.path("properties").path(codeProperty).asString(""));
                JsonNode geometry = feature.path("geometry");
                values.put("type", geometry.path("type").asString(""));
                values.put("geometry", geometry.path("coordinates").isArray() ? JSON.writeValueAsString(geometry) : "");
                rows.row(index, values);
            }
            return index;
        };
    }

    /** The row rule and store step of one reference file. */
    private final class FileSteps implements ImportSteps<Checked> {
        private final ReferenceFile file;
        private final ReferenceFileKind kind;
        private final BiConsumer<ReferenceFileKind, List<Object>> store;
        private final Map<String, String> groupNames = new HashMap<>();
        private long stored;

        FileSteps(ReferenceFile file, BiConsumer<ReferenceFileKind, List<Object>> store) {
            this.file = file;
            this.kind = file.kind();
            this.store = store;
        }

        @Override
        public Checked check(long row, Map<String, String> v, RowProblems problems) {
            Checked checked = switch (kind) {
                case COUNTIES -> county(v, problems);
                case MUNICIPALITIES -> municipality(v, problems);
                case MUNICIPALITY_GROUPS -> group(v, problems);
                case POPULATION -> population(v, problems);
                case POPULATION_TOTALS -> total(v, problems);
                case MUNICIPALITY_BOUNDARIES, COUNTY_BOUNDARIES -> boundary(v, problems);
            };
            return problems.any() ? null : checked;
        }

        @Override
        public String key(Checked value) {
            return value.key();
        }

        @Override
        public FileProblem duplicate(long row, long earlier, Checked value) {
            return switch (kind) {
                case COUNTIES -> FileProblem.of(row, "county_code", "referencedata.error.duplicate-code", value.keyText());
                case MUNICIPALITIES -> FileProblem.of(row, "municipality_code", "referencedata.error.duplicate-code",
                        value.keyText());
                case MUNICIPALITY_BOUNDARIES -> FileProblem.of(row, "municipality_code",
                        "referencedata.error.duplicate-code", value.keyText());
                case COUNTY_BOUNDARIES -> FileProblem.of(row, "county_code", "referencedata.error.duplicate-code",
                        value.keyText());
                default -> FileProblem.of(row, "municipality_code", "referencedata.error.duplicate-row", value.keyText());
            };
        }

        @Override
        public FileProblem fileProblem(FileProblem p) {
            return switch (p.messageKey()) {
                case "import.error.encoding" -> new FileProblem(p.fileName(), 0, null, "referencedata.error.not-utf8", List.of());
                case "import.error.malformed" -> new FileProblem(p.fileName(), 0, null, "referencedata.error.malformed-csv",
                        List.of());
                case "import.error.no-rows", "import.error.empty" -> new FileProblem(p.fileName(), 0, null,
                        "referencedata.error.empty-file", List.of());
                default -> p;
            };
        }

        @Override
        public void store(List<Checked> batch, Tally tally) {
            store.accept(kind, batch.stream().map(Checked::row).toList());
            stored += batch.size();
        }

        private Checked county(Map<String, String> r, RowProblems p) {
            String code = code(r, "county_code", COUNTY_CODE, p);
            String name = text(r, "county_name", 100, p);
            String shortName = text(r, "county_name_short", 100, p);
            if (!p.any()) {
                counties.add(code);
            }
            return new Checked(new CountyRow(code, name, shortName), code, code);
        }

        private Checked municipality(Map<String, String> r, RowProblems p) {
            String code = code(r, "municipality_code", MUNICIPALITY_CODE, p);
            String name = text(r, "municipality_name", 100, p);
            String nameLong = text(r, "municipality_name_long", 150, p);
            String county = code(r, "county_code", COUNTY_CODE, p);
            if (county != null && !counties.contains(county)) {
                p.add("county_code", "referencedata.error.unknown-county", county);
            } else if (code != null && county != null && !code.startsWith(county)) {
                p.add("county_code", "referencedata.error.county-mismatch", code, county);
            }
            if (!p.any()) {
                municipalities.add(code);
            }
            return new Checked(new MunicipalityRow(code, name, nameLong, county), code, code);
        }

        private Checked group(Map<String, String> r, RowProblems p) {
            String municipality = knownMunicipality(r, p);
            String group = code(r, "group_code", GROUP_CODE, p);
            String name = text(r, "group_name", 200, p);
            String main = value(r, "main_group");
            String kolada = value(r, "kolada_group_id");
            if (group != null && !group.substring(0, 1).equals(main)) {
                p.add("main_group", "referencedata.error.main-group", group, main);
            }
            if (group != null && name != null) {
                String earlier = groupNames.putIfAbsent(group, name);
                if (earlier != null && !earlier.equals(name)) {
                    p.add("group_name", "referencedata.error.group-name-conflict", group, earlier);
                }
            }
            return new Checked(new GroupRow(municipality, group, name, main, kolada.isEmpty() ? null : kolada),
                    municipality, municipality);
        }

        private Checked population(Map<String, String> r, RowProblems p) {
            String municipality = knownMunicipality(r, p);
            Integer year = integer(r, "year", 1900, 2100, p);
            String sex = value(r, "sex");
            if (!SEXES.contains(sex)) {
                p.add("sex", "referencedata.error.sex", sex);
            }
            String band = value(r, "age_band");
            if (!AGE_BANDS.contains(band)) {
                p.add("age_band", "referencedata.error.age-band", band);
            }
            Integer population = integer(r, "population", 0, 100_000_000, p);
            if (p.any()) {
                return null;
            }
            return new Checked(new PopulationRow(municipality, year, sex, band, population),
                    municipality + "/" + year + "/" + sex + "/" + band, municipality + " " + year + " " + sex + " " + band);
        }

        private Checked total(Map<String, String> r, RowProblems p) {
            String municipality = knownMunicipality(r, p);
            Integer year = integer(r, "year", 1900, 2100, p);
            Integer total = integer(r, "population_total", 0, 100_000_000, p);
            Integer women = integer(r, "population_women", 0, 100_000_000, p);
            Integer men = integer(r, "population_men", 0, 100_000_000, p);
            if (p.any()) {
                return null;
            }
            return new Checked(new TotalRow(municipality, year, total, women, men), municipality + "/" + year,
                    municipality + " " + year);
        }

        private Checked boundary(Map<String, String> r, RowProblems p) {
            boolean municipal = kind == ReferenceFileKind.MUNICIPALITY_BOUNDARIES;
            String codeProperty = municipal ? "municipality_code" : "county_code";
            String code = value(r, codeProperty);
            String type = value(r, "type");
            if (!(municipal ? municipalities : counties).contains(code)) {
                p.add(codeProperty, municipal ? "referencedata.error.unknown-municipality"
                        : "referencedata.error.unknown-county", code);
            } else if (!type.equals("Polygon") && !type.equals("MultiPolygon") || value(r, "geometry").isEmpty()) {
                p.add("geometry", "referencedata.error.geometry", type);
            }
            return new Checked(new BoundaryRow(code, value(r, "geometry")), code, code);
        }

        private String knownMunicipality(Map<String, String> r, RowProblems p) {
            String code = code(r, "municipality_code", MUNICIPALITY_CODE, p);
            if (code != null && !municipalities.contains(code)) {
                p.add("municipality_code", "referencedata.error.unknown-municipality", code);
                return null;
            }
            return code;
        }

        private String value(Map<String, String> r, String column) {
            String v = r.get(column);
            return v == null ? "" : v.trim();
        }

        private String code(Map<String, String> r, String column, Pattern pattern, RowProblems p) {
            String v = value(r, column);
            if (!pattern.matcher(v).matches()) {
                p.add(column, "referencedata.error.code-format", v);
                return null;
            }
            return v;
        }

        private String text(Map<String, String> r, String column, int maxLength, RowProblems p) {
            String v = value(r, column);
            if (v.isEmpty() || v.length() > maxLength) {
                p.add(column, "referencedata.error.text", maxLength);
                return null;
            }
            return v;
        }

        private Integer integer(Map<String, String> r, String column, int min, int max, RowProblems p) {
            String v = value(r, column);
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    p.add(column, "referencedata.error.out-of-range", v, min, max);
                    return null;
                }
                return i;
            } catch (NumberFormatException e) {
                p.add(column, "referencedata.error.not-integer", v);
                return null;
            }
        }
    }

    /** How many rows of a part's file were checked and stored so far. */
    static int stored(ImportPipeline.Part part) {
        return (int) ((FileSteps) part.steps()).stored;
    }

    /** The file a part reads. */
    static ReferenceFile file(ImportPipeline.Part part) {
        return ((FileSteps) part.steps()).file;
    }
}
