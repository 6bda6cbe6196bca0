package se.samsyn.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportSteps;
import se.samsyn.imports.RowProblems;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.GuideChanged;
import se.samsyn.shared.Actor;

/**
 * One import of knowledge-guide entries in the {@link se.samsyn.imports.ImportPipeline}. Rows have
 * the columns of the export ({@code slug,type,title,...}; lists separated by ";" or ","). The row
 * rule reads an entry's content (a missing slug is made from the title), normalises it and checks
 * it by the editor's rules ({@link EntryContentRules#problems}); the status must be draft, review or
 * published (draft when empty); an archived entry's content cannot change. The key is the slug.
 * The store step inserts a new slug as a new entry in the row's status, and updates a known slug
 * whose content differs as a new version that keeps its status; the same content is unchanged.
 */
final class GuideImportRun implements ImportSteps<GuideImportRun.Checked> {

    private static final Set<EntryStatus> IMPORTABLE = Set.copyOf(se.samsyn.knowledge.GuideImport.IMPORTABLE_STATUSES);

    /** A checked row: its content, its status and the entry stored under its slug, if any. */
    record Checked(EntryContent content, EntryStatus status, Optional<Entry> existing) {
    }

    private final Actor actor;
    private final String by;
    private final GuideRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * @param actor who imports, or null for the start-up seed (then {@code by} names the system)
     */
    GuideImportRun(Actor actor, String by, GuideRepository repository, AuditTrail audit,
                          ApplicationEventPublisher events, Clock clock) {
        this.actor = actor;
        this.by = by;
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Checked check(long row, Map<String, String> v, RowProblems problems) {
        LocalDate validFrom = date(v.get("valid_from"), "validFrom", problems);
        LocalDate reviewDue = date(v.get("review_due"), "reviewDue", problems);
        String title = blankToNull(v.get("title"));
        String slug = blankToNull(v.get("slug")) == null ? EntryContent.slugOf(title) : v.get("slug");
        EntryContent content = EntryContentRules.normalised(new EntryContent(slug, blankToNull(v.get("type")), title,
                blankToNull(v.get("summary")), blankToNull(v.get("body")), list(v.get("focus_areas")),
                list(v.get("target_groups")), blankToNull(v.get("publisher")), blankToNull(v.get("evidence")),
                validFrom, reviewDue, blankToNull(v.get("source_url"))));
        EntryContentRules.problems(content).forEach(p -> problems.add(p.field(), p.messageKey()));
        String statusCode = blankToNull(v.get("status"));
        Optional<EntryStatus> status = statusCode == null
                ? Optional.of(EntryStatus.DRAFT) : EntryStatus.fromCode(statusCode).filter(IMPORTABLE::contains);
        if (status.isEmpty()) {
            problems.add("status", "guide.import.error.status");
        }
        Optional<Entry> existing = content.slug() == null ? Optional.empty() : repository.entry(content.slug());
        if (existing.isPresent() && existing.get().entryStatus() == EntryStatus.ARCHIVED
                && !existing.get().content().equals(content)) {
            problems.add("slug", "guide.error.archived");
        }
        return problems.any() ? null : new Checked(content, status.get(), existing);
    }

    @Override
    public String key(Checked value) {
        return value.content().slug();
    }

    @Override
    public FileProblem duplicate(long row, long earlier, Checked value) {
        return FileProblem.of(row, "slug", "import.error.duplicate-row", earlier);
    }

    @Override
    public void store(List<Checked> batch, Tally tally) {
        Instant now = clock.instant();
        for (Checked c : batch) {
            if (c.existing().isEmpty()) {
                long id = repository.insert(c.content(), c.status(), now, by);
                repository.insertVersion(id, 1, c.status(), "imported",
                        GuideEntryRegister.snapshot(repository.entry(c.content().slug()).orElseThrow()), now, by);
                tally.created(1);
            } else if (!c.existing().get().content().equals(c.content())) {
                Entry e = c.existing().get();
                repository.updateContent(e.id(), c.content(), e.version() + 1, now, by);
                repository.insertVersion(e.id(), e.version() + 1, e.entryStatus(), "imported",
                        GuideEntryRegister.snapshot(repository.entry(e.slug()).orElseThrow()), now, by);
                tally.updated(1);
            }
        }
    }

    @Override
    public void finish(ImportReport r) {
        AuditRecord.Builder record = AuditRecord.of("GUIDE_IMPORTED", AuditCategory.ADMINISTRATION)
                .object("guide-import", String.valueOf(r.rows()))
                .details("new=" + r.created() + "; updated=" + r.updated() + "; unchanged=" + r.unchanged());
        audit.record((actor == null ? record.actorName(by) : record.actor(actor)).build());
        if (r.created() + r.updated() > 0) {
            events.publishEvent(new GuideChanged("*", "imported"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split("[;,]")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static LocalDate date(String value, String field, RowProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, se.samsyn.shared.DateText.problemKey(value, "guide.import.error.date"));
            return null;
        }
    }
}
