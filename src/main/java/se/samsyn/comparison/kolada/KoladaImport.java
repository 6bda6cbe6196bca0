package se.samsyn.comparison.kolada;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.comparison.Indicator;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.imports.TabularFile;
import se.samsyn.comparison.IndicatorValuesChanged;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports Kolada files, all-or-nothing per file: KPI metadata (CSV in the Kolada sample's format,
 * or the JSON of Kolada's {@code /kpi}) and values (CSV {@code kpi_id,municipality_code,year,gender,value}
 * or {@code kpi_id,area_code,...}, or the JSON of Kolada's {@code /data}). What a file holds is read
 * from its header or its first object. Rows are streamed and written in batches in one
 * transaction, which is rolled back when any row is bad or the import is a dry run. A value that
 * is already stored counts as unchanged, so importing the same file again changes nothing.
 */
@Service
public class KoladaImport {

    public static final int MAX_LISTED_ERRORS = 10_000;
    static final int BATCH = 5_000;
    /** How often, in rows read, an import reports its progress to a {@code rowsRead} callback. */
    static final int PROGRESS_EVERY = 1_000;
    private static final LongConsumer NO_PROGRESS = rows -> { };
    static final String METADATA = "metadata";
    static final String VALUES = "values";
    static final List<String> METADATA_COLUMNS = List.of("kpi_id", "title", "operating_area", "municipality_type",
            "is_divided_by_gender", "perspective", "source", "publication_date", "description");
    private static final Pattern KPI_ID = Pattern.compile("[A-Z][A-Z0-9]{1,19}");
    private static final Pattern AREA = Pattern.compile("\\d{4}");
    private static final Pattern SOURCE = Pattern.compile("Källa:\\s*(.+?)\\.?\\s*$");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The formats an import accepts. */
    public enum Format { CSV, JSON }

    private final KoladaRepository repository;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final KoladaQueries queries;
    private final Clock clock;

    private final ClusterLocks locks;
    /** Values at or above this size are refused: they are typing errors, and their means overflow. */
    static final java.math.BigDecimal MAX_VALUE = new java.math.BigDecimal("1e15");

    KoladaImport(KoladaRepository repository, Organisation organisation, AuditTrail audit,
                 TransactionTemplate transactions, ApplicationEventPublisher events, KoladaQueries queries,
                 Clock clock, ClusterLocks locks) {
        this.locks = locks;
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.queries = queries;
        this.clock = clock;
    }

    /** Imports a file handed in by a national analyst or administrator. */
    public ImportResult run(Actor actor, String fileName, Format format, InputStream content, boolean dryRun) {
        KoladaAccess.requireImporter(actor);
        return importFile(actor, actor.username(), fileName, format, content, dryRun, NO_PROGRESS);
    }

    /** Imports a file found at start-up, or fetched by the system; the actor is the system. */
    ImportResult runAsSystem(String fileName, Format format, InputStream content) {
        return runAsSystem(fileName, format, content, NO_PROGRESS);
    }

    /**
     * As {@link #runAsSystem(String, Format, InputStream)}, telling {@code rowsRead} the number of
     * rows read so far in this file every {@link #PROGRESS_EVERY} rows and once at the end (on the
     * importing thread, inside the import's transaction; the callback must be quick and not throw).
     */
    ImportResult runAsSystem(String fileName, Format format, InputStream content, LongConsumer rowsRead) {
        return importFile(null, Actor.SYSTEM, fileName, format, content, false, rowsRead);
    }

    /** Imports on behalf of a caller whose permission was checked already (the live connector). */
    ImportResult runChecked(Actor actor, String fileName, Format format, InputStream content, boolean dryRun) {
        return importFile(actor, actor.username(), fileName, format, content, dryRun, NO_PROGRESS);
    }

    private ImportResult importFile(Actor actor, String by, String fileName, Format format, InputStream content,
                                    boolean dryRun, LongConsumer rowsRead) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        ImportResult result = transactions.execute(tx -> {
            if (!dryRun) {
                // one import at a time across instances, so the same file sent twice at once is stored once
                locks.holdUntilCommit("kolada-import");
            }
            Run run = new Run(by, rowsRead);
            DigestInputStream digest = new DigestInputStream(content, sha256());
            if (format == Format.CSV) {
                run.csv(digest);
            } else {
                run.json(digest);
            }
            run.flush();
            rowsRead.accept(run.rows);
            if (run.kind == null && run.errorCount == 0) {
                run.error(1, null, "kolada.error.empty");
            } else if (run.rows == 0 && run.errorCount == 0) {
                run.error(0, null, "import.error.no-rows");
            }
            boolean rejected = run.errorCount > 0 || run.kind == null;
            String status = rejected ? "rejected" : dryRun ? "valid" : "imported";
            ImportResult r = new ImportResult(status, run.kind == null ? "unknown" : run.kind, run.rows,
                    rejected ? 0 : run.inserted, rejected ? 0 : run.updated,
                    rejected ? 0 : run.rows - run.inserted - run.updated - run.ignored, run.ignored,
                    List.copyOf(run.errors), run.errorCount, Set.copyOf(run.changedIndicators));
            if (rejected || dryRun) {
                tx.setRollbackOnly();
                return r;
            }
            String sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            repository.logLoad(name, run.kind, sha, run.rows, run.inserted, run.updated, by, clock.instant());
            audit.record(auditRecord(actor, by, "KOLADA_IMPORTED", AuditOutcome.SUCCESS, name, r));
            if (VALUES.equals(run.kind) && !run.changedIndicators.isEmpty()) {
                events.publishEvent(new IndicatorValuesChanged(Set.copyOf(run.changedIndicators)));
            }
            return r;
        });
        if ("imported".equals(result.status())) {
            queries.invalidate();
        } else {
            transactions.executeWithoutResult(tx -> audit.record(auditRecord(actor, by,
                    result.rejected() ? "KOLADA_REJECTED" : "KOLADA_DRY_RUN",
                    result.rejected() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, name, result)));
        }
        return result;
    }

    private static AuditRecord auditRecord(Actor actor, String by, String action, AuditOutcome outcome, String name,
                                           ImportResult r) {
        AuditRecord.Builder builder = AuditRecord.of(action, AuditCategory.ADMINISTRATION).outcome(outcome)
                .object("kolada-import", name.length() > 100 ? name.substring(0, 100) : name)
                .details("kind=" + r.kind() + "; rows=" + r.rows() + "; new=" + r.imported() + "; updated="
                        + r.updated() + "; unchanged=" + r.unchanged() + "; ignored=" + r.ignored() + "; errors="
                        + r.errorCount());
        return (actor == null ? builder.actorName(by) : builder.actor(actor)).build();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an upload's format from its content type or file name: JSON for JSON, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        boolean json = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json"))
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json"));
        return json ? Format.JSON : Format.CSV;
    }

    /** Where an area code points: a municipality, a region ("00" + county code) or the nation. */
    static String areaKind(String code, Set<String> municipalities, Set<String> counties) {
        if (code == null || !AREA.matcher(code).matches()) {
            return null;
        }
        if ("0000".equals(code)) {
            return "nation";
        }
        if (municipalities.contains(code)) {
            return "municipality";
        }
        if (code.startsWith("00") && counties.contains(code.substring(2))) {
            return "region";
        }
        return null;
    }

    /** The "Källa:" part of a Kolada description, if it has one. */
    static String sourceOf(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = SOURCE.matcher(description.strip());
        return m.find() ? m.group(1).strip() : null;
    }

    /** One import in progress: its counters, its pending batch and its look-ups. */
    private final class Run {
        private final String by;
        private final LongConsumer rowsRead;
        private final Map<String, KoladaRepository.KnownIndicator> indicators;
        private final Map<String, Integer> kpiIndex = new HashMap<>();
        private final Map<String, Boolean> kpiHadResults = new HashMap<>();
        private final Set<String> municipalities = new HashSet<>();
        private final Set<String> counties = new HashSet<>();
        private final Set<Long> seen = new HashSet<>();
        private final Set<String> seenKpis = new HashSet<>();
        private final List<MapSqlParameterSource> pending = new ArrayList<>(BATCH);
        private final List<RowError> errors = new ArrayList<>();
        private final Set<String> changedIndicators = new TreeSet<>();
        private String kind;
        private long rows;
        private long inserted;
        private long updated;
        private long ignored;
        private long errorCount;

        Run(String by, LongConsumer rowsRead) {
            this.by = by;
            this.rowsRead = rowsRead;
            this.indicators = repository.indicators();
            organisation.municipalities().stream().map(Municipality::code).forEach(municipalities::add);
            organisation.counties().stream().map(County::code).forEach(counties::add);
        }

        void csv(InputStream content) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                List<String> header = parser.getHeaderNames().stream()
                        .map(h -> h.startsWith("\uFEFF") ? h.substring(1) : h)
                        .map(h -> h.toLowerCase(Locale.ROOT)).toList();
                String areaColumn;
                if (header.containsAll(List.of("kpi_id", "title"))) {
                    kind = METADATA;
                    areaColumn = null;
                } else if (header.size() == 5 && header.get(0).equals("kpi_id") && header.get(2).equals("year")
                        && header.get(3).equals("gender") && header.get(4).equals("value")
                        && (header.get(1).equals("municipality_code") || header.get(1).equals("area_code"))) {
                    kind = VALUES;
                    areaColumn = header.get(1);
                } else {
                    error(1, null, "kolada.error.header");
                    return;
                }
                for (CSVRecord record : parser) {
                    long number = record.getRecordNumber() + 1;
                    if (record.size() != header.size()) {
                        rows++;
                        error(number, null, "import.error.width");
                        continue;
                    }
                    Map<String, String> v = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        v.put(header.get(i), i < record.size() ? record.get(i) : "");
                    }
                    if (METADATA.equals(kind)) {
                        metadata(number, v.get("kpi_id"), v.get("title"), v.get("description"), v.get("operating_area"),
                                v.get("municipality_type"), v.get("is_divided_by_gender"), v.get("perspective"),
                                v.get("publication_date"), v.get("source"));
                    } else {
                        value(number, v.get("kpi_id"), areaColumn, v.get(areaColumn), v.get("year"), v.get("gender"),
                                v.get("value"), true);
                    }
                    if (record.getRecordNumber() % PROGRESS_EVERY == 0) {
                        rowsRead.accept(rows);
                    }
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                boolean encoding = e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
                error(rows + 2, null, encoding ? "kolada.error.encoding" : "kolada.error.malformed");
            }
        }

        void json(InputStream content) {
            try (java.io.Reader reader = TabularFile.utf8(content); JsonParser parser = JSON.createParser(reader)) {
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
                        error(0, "values", "kolada.error.json-shape");
                    }
                } else if (first == JsonToken.START_ARRAY) {
                    items(parser);
                } else {
                    error(0, null, first == null ? "import.error.empty" : "kolada.error.json-shape");
                    return;
                }
                if (!atEnd(parser)) {
                    error(0, null, "import.error.trailing");
                }
            } catch (JacksonException | UncheckedIOException | IOException e) {
                boolean encoding = false;
                for (Throwable t = e; t != null; t = t.getCause()) {
                    encoding |= t instanceof CharacterCodingException;
                }
                error(rows + 1, null, encoding ? "kolada.error.encoding" : "kolada.error.malformed");
            }
        }

        private static boolean atEnd(JsonParser parser) {
            try {
                return parser.nextToken() == null;
            } catch (JacksonException e) {
                return false;
            }
        }

        private void items(JsonParser parser) {
            long number = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                number++;
                if (number % PROGRESS_EVERY == 0) {
                    rowsRead.accept(rows);
                }
                JsonNode node = JSON.readTree(parser);
                if (kind == null) {
                    kind = node.has("kpi") ? VALUES : node.has("id") ? METADATA : null;
                    if (kind == null) {
                        error(number, null, "kolada.error.json-shape");
                        return;
                    }
                }
                if (METADATA.equals(kind)) {
                    String description = text(node, "description");
                    metadata(number, text(node, "id"), text(node, "title"), description, text(node, "operating_area"),
                            text(node, "municipality_type"), text(node, "is_divided_by_gender"),
                            text(node, "perspective"), text(node, "publication_date"), sourceOf(description));
                } else {
                    JsonNode cells = node.get("values");
                    if (cells == null || !cells.isArray()) {
                        rows++;
                        error(number, "values", "kolada.error.json-shape");
                        continue;
                    }
                    for (JsonNode cell : cells) {
                        JsonNode value = cell.get("value");
                        if (value == null || value.isNull()) {
                            rows++;
                            ignored++;
                            continue;
                        }
                        value(number, text(node, "kpi"), "municipality", text(node, "municipality"),
                                text(node, "period"), text(cell, "gender"), value.asString(), false);
                    }
                }
            }
        }

        private String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return "";
            }
            if (v.isBoolean()) {
                return v.asBoolean() ? "1" : "0";
            }
            return v.asString();
        }

        private void metadata(long number, String id, String title, String description, String operatingArea,
                              String municipalityType, String divided, String perspective, String publicationDate,
                              String source) {
            rows++;
            long before = errorCount;
            id = id == null ? "" : id.strip();
            if (!KPI_ID.matcher(id).matches()) {
                error(number, "kpi_id", "kolada.error.kpi-id");
            } else if (!seenKpis.add(id)) {
                error(number, "kpi_id", "kolada.error.duplicate");
            } else if (indicators.containsKey(id) && !Indicator.ORIGIN_KOLADA.equals(indicators.get(id).origin())) {
                error(number, "kpi_id", "kolada.error.kpi-computed");
            }
            if (title == null || title.isBlank()) {
                error(number, "title", "kolada.error.title");
            } else if (title.length() > 300) {
                error(number, "title", "kolada.error.too-long");
            }
            if (description != null && description.length() > 4000) {
                error(number, "description", "kolada.error.too-long");
            }
            if (operatingArea != null && operatingArea.length() > 300) {
                error(number, "operating_area", "kolada.error.too-long");
            }
            if (perspective != null && perspective.length() > 100) {
                error(number, "perspective", "kolada.error.too-long");
            }
            if (source != null && source.length() > 300) {
                error(number, "source", "kolada.error.too-long");
            }
            String type = municipalityType == null || municipalityType.isBlank() ? "K" : municipalityType.strip();
            if (!List.of("K", "L", "A").contains(type)) {
                error(number, "municipality_type", "kolada.error.municipality-type");
            }
            String d = divided == null ? "" : divided.strip().toLowerCase(Locale.ROOT);
            Boolean dividedByGender = switch (d) {
                case "", "0", "false" -> false;
                case "1", "true" -> true;
                default -> null;
            };
            if (dividedByGender == null) {
                error(number, "is_divided_by_gender", "kolada.error.divided");
            }
            LocalDate published = null;
            if (publicationDate != null && !publicationDate.isBlank()) {
                try {
                    String p = publicationDate.strip();
                    published = LocalDate.parse(p.length() > 10 ? p.substring(0, 10) : p);
                } catch (DateTimeParseException e) {
                    error(number, "publication_date", "kolada.error.date");
                }
            }
            if (errorCount > before || errorCount > 0) {
                return;
            }
            MapSqlParameterSource kpi = new MapSqlParameterSource().addValue("id", id).addValue("title", title.strip())
                    .addValue("description", blankToNull(description)).addValue("operatingArea", blankToNull(operatingArea))
                    .addValue("perspective", blankToNull(perspective)).addValue("divided", dividedByGender)
                    .addValue("publicationDate", published).addValue("municipalityType", type)
                    .addValue("source", blankToNull(source)).addValue("unit", KoladaUnits.fromTitle(title).code())
                    .addValue("by", by).addValue("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (repository.insertKpi(kpi)) {
                inserted++;
                changedIndicators.add(id);
            } else if (repository.updateKpi(kpi)) {
                updated++;
                changedIndicators.add(id);
            }
        }

        private void value(long number, String kpi, String areaField, String area, String year, String gender,
                           String value, boolean csv) {
            rows++;
            long before = errorCount;
            kpi = kpi == null ? "" : kpi.strip();
            KoladaRepository.KnownIndicator indicator = indicators.get(kpi);
            if (indicator == null) {
                error(number, "kpi_id", "kolada.error.kpi-unknown");
            } else if (!Indicator.ORIGIN_KOLADA.equals(indicator.origin())) {
                error(number, "kpi_id", "kolada.error.kpi-computed");
            }
            String areaKind = areaKind(area == null ? null : area.strip(), municipalities, counties);
            if (areaKind == null) {
                error(number, areaField, "kolada.error.municipality-unknown");
            }
            Integer statYear = null;
            try {
                statYear = Integer.valueOf(year == null ? "" : year.strip());
                if (statYear < 1990 || statYear > 2050) {
                    error(number, "year", "kolada.error.year");
                    statYear = null;
                }
            } catch (NumberFormatException e) {
                error(number, "year", "kolada.error.year");
            }
            String g = gender == null ? "" : gender.strip();
            if (!List.of("T", "K", "M").contains(g)) {
                error(number, "gender", "kolada.error.gender");
            }
            Double number0 = null;
            if (value == null || value.isBlank()) {
                error(number, "value", "kolada.error.value-missing");
            } else {
                // BigDecimal refuses NaN, Infinity, hex floats and suffixes (0x1p5, 40d) that
                // Double.valueOf accepts; no Kolada key figure comes near 10^15
                try {
                    java.math.BigDecimal exact = new java.math.BigDecimal(value.strip());
                    if (exact.abs().compareTo(MAX_VALUE) >= 0) {
                        error(number, "value", "kolada.error.value-range");
                    } else {
                        number0 = exact.doubleValue();
                    }
                } catch (NumberFormatException e) {
                    error(number, "value", "kolada.error.value");
                }
            }
            if (errorCount > before) {
                return;
            }
            String code = area.strip();
            int index = kpiIndex.computeIfAbsent(kpi, k -> kpiIndex.size());
            long key = ((index * 10_000L + Integer.parseInt(code)) * 200 + (statYear - 1900)) * 3 + "TKM".indexOf(g);
            if (!seen.add(key)) {
                error(number, csv ? areaField : "municipality", "kolada.error.duplicate");
                return;
            }
            if (errorCount > 0) {
                return;
            }
            pending.add(new MapSqlParameterSource().addValue("kpi", kpi).addValue("area", code)
                    .addValue("areaKind", areaKind).addValue("year", statYear).addValue("gender", g)
                    .addValue("value", number0));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (errorCount > 0) {
                // the file will be rolled back anyway; stop writing and only keep validating
                pending.clear();
                return;
            }
            if (pending.isEmpty()) {
                return;
            }
            List<MapSqlParameterSource> updates = new ArrayList<>();
            List<MapSqlParameterSource> fresh = new ArrayList<>();
            List<MapSqlParameterSource> inserts = new ArrayList<>();
            for (MapSqlParameterSource row : pending) {
                String kpi = (String) row.getValue("kpi");
                boolean had = kpiHadResults.computeIfAbsent(kpi, repository::hasResults);
                (had ? updates : fresh).add(row);
            }
            inserted += repository.batch(KoladaRepository.INSERT_NEW_VALUE, fresh).length;
            fresh.forEach(row -> changedIndicators.add((String) row.getValue("kpi")));
            int[] changed = repository.batch(KoladaRepository.UPDATE_VALUE, updates);
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] > 0) {
                    updated++;
                    changedIndicators.add((String) updates.get(i).getValue("kpi"));
                } else {
                    inserts.add(updates.get(i));
                }
            }
            int[] added = repository.batch(KoladaRepository.INSERT_VALUE, inserts);
            for (int i = 0; i < added.length; i++) {
                if (added[i] > 0) {
                    inserted++;
                    changedIndicators.add((String) inserts.get(i).getValue("kpi"));
                }
            }
            pending.clear();
        }

        void error(long number, String field, String key) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new RowError(number, field, key));
            }
        }

        private String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
