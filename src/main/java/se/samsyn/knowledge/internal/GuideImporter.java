package se.samsyn.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.samsyn.shared.SpreadsheetText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditTrail;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.RowSource;
import se.samsyn.imports.TabularFile;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.GuideImport;
import se.samsyn.knowledge.ImportOutcome;
import se.samsyn.knowledge.ImportOutcome.RowError;
import se.samsyn.shared.Actor;

/**
 * {@link GuideImport}: bulk import and export of entries as JSON (an array of {@link Row}) or CSV (the same fields,
 * header row, lists separated by ";"), through the one {@link ImportPipeline} (ADR 11) with the
 * guide's row rule and store step ({@link GuideImportRun}). An import is all-or-nothing: nothing is
 * stored unless every row is valid. New slugs become new entries in the row's status (draft when
 * empty); known slugs get their content updated as a new version and keep their status. Rows are
 * numbered from the first entry (the CSV header is not counted).
 */
@Service
class GuideImporter implements GuideImport {

    static final List<String> CSV_COLUMNS = List.of("slug", "type", "title", "summary", "body", "focus_areas",
            "target_groups", "publisher", "evidence", "valid_from", "review_due", "source_url", "status");
    /** The JSON properties of an entry, in the order of {@link #CSV_COLUMNS}. */
    private static final List<String> JSON_PROPERTIES = List.of("slug", "type", "title", "summary", "body",
            "focusAreas", "targetGroups", "publisher", "evidence", "validFrom", "reviewDue", "sourceUrl", "status");

    /** One entry in an import or export file. */
    record Row(String slug, String type, String title, String summary, String body, List<String> focusAreas,
                      List<String> targetGroups, String publisher, String evidence, String validFrom,
                      String reviewDue, String sourceUrl, String status) {

        static Row of(Entry e) {
            return new Row(e.slug(), e.type(), e.title(), e.summary(), e.body(), e.focusAreas(), e.targetGroups(),
                    e.publisher(), e.evidence(), e.validFrom() == null ? null : e.validFrom().toString(),
                    e.reviewDue() == null ? null : e.reviewDue().toString(), e.sourceUrl(), e.status());
        }

        /** The row as the CSV columns hold it: lists joined with ";", "" for none. */
        Map<String, String> values() {
            List<String> all = List.of(text(slug), text(type), text(title), text(summary), text(body),
                    String.join(";", focusAreas == null ? List.of() : focusAreas),
                    String.join(";", targetGroups == null ? List.of() : targetGroups), text(publisher),
                    text(evidence), text(validFrom), text(reviewDue), text(sourceUrl), text(status));
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < CSV_COLUMNS.size(); i++) {
                values.put(CSV_COLUMNS.get(i), all.get(i));
            }
            return values;
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }

    private final ImportPipeline pipeline;
    private final GuideRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    GuideImporter(ImportPipeline pipeline, GuideRepository repository, AuditTrail audit,
                  ApplicationEventPublisher events) {
        this.pipeline = pipeline;
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    /** Reads the file strictly with {@link TabularFile}. */
    @Override
    public ImportOutcome run(Actor actor, String format, InputStream in, boolean dryRun) {
        GuideAccess.requireEditor(actor);
        return outcome(pipeline.run(source(in, "csv".equals(format)), steps(actor, actor.username()), dryRun));
    }

    /** Imports rows that are already read; {@code actor} is null for the start-up seed. */
    ImportOutcome load(Actor actor, String by, List<Row> rows, boolean dryRun) {
        RowSource source = (consumer, problems) -> {
            for (int i = 0; i < rows.size(); i++) {
                consumer.row(i + 1, rows.get(i).values());
            }
            return rows.size();
        };
        return outcome(pipeline.run(source, steps(actor, by), dryRun));
    }

    private GuideImportRun steps(Actor actor, String by) {
        return new GuideImportRun(actor, by, repository, audit, events, clock);
    }

    /**
     * A file's rows under the CSV column names, numbered from the first entry: CSV with
     * {@code type} and {@code title} required and the other columns optional in any order, or a
     * JSON array of entry objects as exported (lists as arrays).
     */
    private static RowSource source(InputStream in, boolean csv) {
        if (csv) {
            TabularFile file = new TabularFile(CSV_COLUMNS, List.of("type", "title"));
            return (rows, problems) -> file.read(in, TabularFile.Format.CSV,
                    (row, v) -> rows.row(row - 1, SpreadsheetText.restored(v)),
                    p -> problems.accept(new FileProblem(p.fileName(), Math.max(0, p.row() - 1), p.field(),
                            p.messageKey(), p.args())));
        }
        TabularFile file = new TabularFile(JSON_PROPERTIES, false)
                .withListColumns(Set.of("focusAreas", "targetGroups"));
        return (rows, problems) -> file.read(in, TabularFile.Format.JSON, (row, v) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < CSV_COLUMNS.size(); i++) {
                values.put(CSV_COLUMNS.get(i), v.getOrDefault(JSON_PROPERTIES.get(i), ""));
            }
            rows.row(row, values);
        }, problems);
    }

    private static ImportOutcome outcome(ImportReport r) {
        return new ImportOutcome(r.status(), (int) r.rows(), (int) r.created(), (int) r.updated(),
                (int) r.unchanged(), r.errors().stream().map(e -> new RowError(e.row(),
                        e.field() == null && e.row() == 0 ? "file" : e.field(), e.messageKey(), e.args())).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public String export(Actor actor, String format) {
        GuideAccess.requireEditor(actor);
        List<Row> rows = repository.entries().stream().map(Row::of).toList();
        return "csv".equals(format) ? csv(rows) : json(rows);
    }

    /** The example entry of the import template, its codes from the enums the row rule checks. */
    static final Row TEMPLATE_ROW = new Row(TEMPLATE_SLUG, se.samsyn.knowledge.EntryType.METHOD.code(),
            "Motiverande samtal (exempel)", "Samtalsmetod som stärker personens egen motivation till förändring.", "",
            List.of(se.samsyn.organisation.FocusArea.SUBSTANCE_USE.code()),
            List.of(se.samsyn.knowledge.TargetGroup.ADULTS.code()), "Socialstyrelsen",
            se.samsyn.knowledge.EvidenceLevel.FOU.code(), "2026-01-01", "2028-01-01",
            "https://www.socialstyrelsen.se/", "draft");

    @Override
    public String template(String format) {
        return "csv".equals(format) ? csv(List.of(TEMPLATE_ROW)) : json(List.of(TEMPLATE_ROW));
    }

    static String csv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Row r : rows) {
                // formula-like cells get a leading apostrophe; reading the file back takes it away
                printer.printRecord(SpreadsheetText.cells(r.slug(), r.type(), r.title(), r.summary(), r.body(),
                        String.join(";", r.focusAreas()), String.join(";", r.targetGroups()), r.publisher(),
                        r.evidence(), r.validFrom(), r.reviewDue(), r.sourceUrl(), r.status()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String json(List<Row> rows) {
        return GuideEntryRegister.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    }

    /** Reads a JSON array of entry objects (the export's form), one element at a time. */
    static List<Row> readJson(InputStream in, List<RowError> problems) {
        List<Row> rows = new ArrayList<>();
        source(in, false).read((row, v) -> rows.add(new Row(v.get("slug"), v.get("type"), v.get("title"),
                v.get("summary"), v.get("body"), items(v.get("focus_areas")),
                items(v.get("target_groups")), v.get("publisher"), v.get("evidence"),
                v.get("valid_from"), v.get("review_due"), v.get("source_url"), v.get("status"))),
                p -> problems.add(new RowError(p.row(), p.field(), p.messageKey(), p.args())));
        return rows;
    }

    private static List<String> items(String joined) {
        return java.util.Arrays.stream(joined.split(";")).filter(s -> !s.isBlank()).toList();
    }
}
