package se.samsyn.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import se.samsyn.imports.TabularFile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.knowledge.GuideRecords.Entry;
import se.samsyn.knowledge.GuideRecords.EntryContent;
import se.samsyn.knowledge.GuideRecords.ImportOutcome;
import se.samsyn.knowledge.GuideRecords.RowError;
import se.samsyn.shared.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Bulk import and export of entries as JSON (an array of {@link Row}) or CSV (the same fields,
 * header row, lists separated by ";"). An import is all-or-nothing: every row is checked first and
 * nothing is stored unless every row is valid. New slugs become new entries in the row's status
 * (draft when empty); known slugs get their content updated as a new version and keep their status.
 */
@Service
public class GuideImport {

    public static final List<String> CSV_COLUMNS = List.of("slug", "type", "title", "summary", "body", "focus_areas",
            "target_groups", "publisher", "evidence", "valid_from", "review_due", "source_url", "status");
    private static final Set<EntryStatus> IMPORTABLE = Set.of(EntryStatus.DRAFT, EntryStatus.REVIEW,
            EntryStatus.PUBLISHED);

    /** One entry in an import or export file. */
    public record Row(String slug, String type, String title, String summary, String body, List<String> focusAreas,
                      List<String> targetGroups, String publisher, String evidence, String validFrom,
                      String reviewDue, String sourceUrl, String status) {

        static Row of(Entry e) {
            return new Row(e.slug(), e.type(), e.title(), e.summary(), e.body(), e.focusAreas(), e.targetGroups(),
                    e.publisher(), e.evidence(), e.validFrom() == null ? null : e.validFrom().toString(),
                    e.reviewDue() == null ? null : e.reviewDue().toString(), e.sourceUrl(), e.status());
        }
    }

    private final GuideRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    /** Entry objects as exported: unknown properties and text after the array are errors. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    GuideImport(GuideRepository repository, AuditTrail audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Reads a JSON or CSV file and imports it for an editor; {@code format} is "json" or "csv".
     * The file is read strictly (see {@link TabularFile}): not UTF-8, empty, without rows, with a
     * CSV row of the wrong width, a JSON element that is not an entry object, an unknown property
     * or text after the array, and it is rejected with the problems listed and nothing stored.
     */
    @Transactional
    public ImportOutcome run(Actor actor, String format, InputStream in, boolean dryRun) {
        GuideAccess.requireEditor(actor);
        List<RowError> problems = new ArrayList<>();
        List<Row> rows = "csv".equals(format) ? readCsv(in, problems) : readJson(in, problems);
        if (!problems.isEmpty()) {
            return new ImportOutcome("rejected", rows.size(), 0, 0, 0, problems);
        }
        return load(actor, actor.username(), rows, dryRun);
    }

    /** Imports rows that are already read; {@code actor} is null for the start-up seed. */
    @Transactional
    public ImportOutcome load(Actor actor, String by, List<Row> rows, boolean dryRun) {
        List<RowError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            long rowNo = i + 1;
            Row row = rows.get(i);
            List<RowError> rowErrors = new ArrayList<>();
            LocalDate validFrom = date(row.validFrom(), "validFrom", rowNo, rowErrors);
            LocalDate reviewDue = date(row.reviewDue(), "reviewDue", rowNo, rowErrors);
            String slug = row.slug() == null || row.slug().isBlank() ? EntryWorkflow.slugOf(row.title()) : row.slug();
            EntryContent content = EntryWorkflow.normalised(new EntryContent(slug, row.type(), row.title(),
                    row.summary(), row.body(), row.focusAreas(), row.targetGroups(), row.publisher(), row.evidence(),
                    validFrom, reviewDue, row.sourceUrl()));
            EntryWorkflow.problems(content).forEach(p -> rowErrors.add(new RowError(rowNo, p.field(), p.messageKey())));
            Optional<EntryStatus> status = row.status() == null || row.status().isBlank()
                    ? Optional.of(EntryStatus.DRAFT) : EntryStatus.fromCode(row.status()).filter(IMPORTABLE::contains);
            if (status.isEmpty()) {
                rowErrors.add(new RowError(rowNo, "status", "guide.import.error.status"));
            }
            if (!slugs.add(content.slug())) {
                rowErrors.add(new RowError(rowNo, "slug", "guide.import.error.duplicate"));
            }
            Optional<Entry> existing = repository.entry(content.slug());
            if (existing.isPresent() && existing.get().entryStatus() == EntryStatus.ARCHIVED
                    && !existing.get().content().equals(content)) {
                rowErrors.add(new RowError(rowNo, "slug", "guide.error.archived"));
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                checked.add(new Checked(content, status.get(), existing));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportOutcome("rejected", rows.size(), 0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Checked c : checked) {
            if (c.existing().isEmpty()) {
                created++;
            } else if (c.existing().get().content().equals(c.content())) {
                unchanged++;
            } else {
                updated++;
            }
        }
        if (dryRun) {
            return new ImportOutcome("valid", rows.size(), created, updated, unchanged, List.of());
        }
        Instant now = clock.instant();
        for (Checked c : checked) {
            if (c.existing().isEmpty()) {
                long id = repository.insert(c.content(), c.status(), now, by);
                repository.insertVersion(id, 1, c.status(), "imported",
                        GuideEntries.snapshot(repository.entry(c.content().slug()).orElseThrow()), now, by);
            } else if (!c.existing().get().content().equals(c.content())) {
                Entry e = c.existing().get();
                repository.updateContent(e.id(), c.content(), e.version() + 1, now, by);
                repository.insertVersion(e.id(), e.version() + 1, e.entryStatus(), "imported",
                        GuideEntries.snapshot(repository.entry(e.slug()).orElseThrow()), now, by);
            }
        }
        AuditRecord.Builder record = AuditRecord.of("GUIDE_IMPORTED", AuditCategory.ADMINISTRATION)
                .object("guide-import", String.valueOf(rows.size()))
                .details("created " + created + ", updated " + updated + ", unchanged " + unchanged);
        audit.record((actor == null ? record.actorName(by) : record.actor(actor)).build());
        if (created + updated > 0) {
            events.publishEvent(new GuideChanged("*", "imported"));
        }
        return new ImportOutcome("imported", rows.size(), created, updated, unchanged, List.of());
    }

    @Transactional(readOnly = true)
    public List<Row> export(Actor actor) {
        GuideAccess.requireEditor(actor);
        return repository.entries().stream().map(Row::of).toList();
    }

    public static String csv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Row r : rows) {
                printer.printRecord(r.slug(), r.type(), r.title(), r.summary(), r.body(),
                        String.join(";", r.focusAreas()), String.join(";", r.targetGroups()), r.publisher(),
                        r.evidence(), r.validFrom(), r.reviewDue(), r.sourceUrl(), r.status());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String json(List<Row> rows) {
        return GuideEntries.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    }

    /** Reads a JSON array of entry objects (the export's form), one element at a time. */
    static List<Row> readJson(InputStream in, List<RowError> problems) {
        List<Row> rows = new ArrayList<>();
        long element = 0;
        try (Reader reader = TabularFile.utf8(in); JsonParser parser = STRICT.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                problems.add(new RowError(0, "file", first == null ? "import.error.empty" : "import.error.json-array"));
                return rows;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                element++;
                JsonNode node = STRICT.readTree(parser);
                if (!node.isObject()) {
                    problems.add(new RowError(element, null, "import.error.json-object"));
                    continue;
                }
                try {
                    rows.add(STRICT.treeToValue(node, Row.class));
                } catch (JacksonException e) {
                    problems.add(new RowError(element, null, "guide.import.error.entry"));
                }
            }
            if (token == null) {
                problems.add(new RowError(element + 1, "file", "import.error.malformed"));
            } else if (!atEnd(parser)) {
                problems.add(new RowError(0, "file", "import.error.trailing"));
            } else if (element == 0) {
                problems.add(new RowError(0, "file", "import.error.no-rows"));
            }
        } catch (JacksonException | IOException | UncheckedIOException e) {
            problems.add(new RowError(element + 1, "file", codingProblem(e) ? "import.error.encoding" : "import.error.malformed"));
        }
        return rows;
    }

    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean codingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** Reads the CSV form: {@code type} and {@code title} required, the other columns optional, any order. */
    static List<Row> readCsv(InputStream in, List<RowError> problems) {
        List<Row> rows = new ArrayList<>();
        new TabularFile(CSV_COLUMNS, List.of("type", "title")).read(in, TabularFile.Format.CSV, (row, v) -> rows.add(new Row(
                        blankToNull(v.get("slug")), blankToNull(v.get("type")), blankToNull(v.get("title")),
                        blankToNull(v.get("summary")), blankToNull(v.get("body")), list(blankToNull(v.get("focus_areas"))),
                        list(blankToNull(v.get("target_groups"))), blankToNull(v.get("publisher")),
                        blankToNull(v.get("evidence")), blankToNull(v.get("valid_from")), blankToNull(v.get("review_due")),
                        blankToNull(v.get("source_url")), blankToNull(v.get("status")))),
                // rows are numbered from the first entry, as the row rules number them
                p -> problems.add(new RowError(Math.max(0, p.row() - 1), p.field() == null ? "file" : p.field(),
                        p.messageKey())));
        return rows;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> list(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split("[;,]")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static LocalDate date(String value, String field, long row, List<RowError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, field, "guide.import.error.date"));
            return null;
        }
    }

    private record Checked(EntryContent content, EntryStatus status, Optional<Entry> existing) {
    }
}
