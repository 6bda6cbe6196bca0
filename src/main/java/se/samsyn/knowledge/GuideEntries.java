package se.samsyn.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.knowledge.GuideRecords.Entry;
import se.samsyn.knowledge.GuideRecords.EntryContent;
import se.samsyn.knowledge.GuideRecords.EntryVersion;
import se.samsyn.knowledge.GuideRecords.FeedItem;
import se.samsyn.knowledge.GuideRecords.RowError;
import se.samsyn.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entries of the guide: reading what one may see, writing through the workflow, version
 * history and the reference guard. Every write is audited in its own transaction and announced
 * with {@link GuideChanged} so that the search index follows.
 */
@Service
public class GuideEntries {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final GuideRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<KnowledgeReferences> references;
    private final Clock clock = Clock.systemUTC();

    GuideEntries(GuideRepository repository, AuditTrail audit, ApplicationEventPublisher events,
                 ObjectProvider<KnowledgeReferences> references) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.references = references;
    }

    /** The entry if the actor may see it: published entries for everyone, every entry for editors. */
    @Transactional(readOnly = true)
    public Entry visible(Actor actor, String slug) {
        return repository.entry(slug).filter(e -> e.isPublished() || GuideAccess.mayEdit(actor))
                .orElseThrow(() -> EntryNotFound.forSlug(slug));
    }

    @Transactional(readOnly = true)
    public List<Entry> published() {
        return repository.entries(EntryStatus.PUBLISHED);
    }

    /** Every entry in every status, for the editors' desk. */
    @Transactional(readOnly = true)
    public List<Entry> all(Actor actor) {
        GuideAccess.requireEditor(actor);
        return repository.entries();
    }

    @Transactional(readOnly = true)
    public Set<String> publishedSlugs() {
        return repository.entries(EntryStatus.PUBLISHED).stream().map(Entry::slug).collect(Collectors.toSet());
    }

    /** The version history, for editors: it names the staff who made each change. */
    @Transactional(readOnly = true)
    public List<EntryVersion> versions(Actor actor, String slug) {
        GuideAccess.requireEditor(actor);
        return repository.versions(visible(actor, slug).id());
    }

    @Transactional(readOnly = true)
    public List<FeedItem> feed(int limit) {
        return repository.feed(limit);
    }

    /** Where the entry is used, gathered from every module that implements {@link KnowledgeReferences}. */
    public List<KnowledgeReference> referencesTo(String slug) {
        List<KnowledgeReference> all = new ArrayList<>();
        references.orderedStream().forEach(source -> all.addAll(source.referencesTo(slug)));
        return all;
    }

    @Transactional
    public Entry create(Actor actor, EntryContent content) {
        GuideAccess.requireEditor(actor);
        EntryContent c = valid(content);
        if (repository.entry(c.slug()).isPresent()) {
            throw new EntryRejected("slug", "guide.error.slug-taken");
        }
        Instant now = clock.instant();
        long id = repository.insert(c, EntryStatus.DRAFT, now, actor.username());
        Entry stored = repository.entry(c.slug()).orElseThrow();
        repository.insertVersion(id, 1, EntryStatus.DRAFT, "created", snapshot(stored), now, actor.username());
        audit.record(AuditRecord.of("GUIDE_ENTRY_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-entry", c.slug()).build());
        events.publishEvent(new GuideChanged(c.slug(), "created"));
        return stored;
    }

    /** Saves new content as the next version; the slug, and with it the entry's address, never changes. */
    @Transactional
    public Entry update(Actor actor, String slug, EntryContent content) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        if (!EntryWorkflow.mayEditContent(current.entryStatus())) {
            throw new EntryRejected("status", "guide.error.archived");
        }
        EntryContent c = valid(withSlug(content, slug));
        if (c.equals(current.content())) {
            return current;
        }
        Instant now = clock.instant();
        int version = current.version() + 1;
        repository.updateContent(current.id(), c, version, now, actor.username());
        Entry stored = repository.entry(slug).orElseThrow();
        repository.insertVersion(current.id(), version, current.entryStatus(), "edited", snapshot(stored), now,
                actor.username());
        audit.record(AuditRecord.of("GUIDE_ENTRY_EDITED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-entry", slug).details("version " + version).build());
        events.publishEvent(new GuideChanged(slug, "edited"));
        return stored;
    }

    /** Moves the entry along the workflow; archiving is refused while anything refers to the entry. */
    @Transactional
    public Entry transition(Actor actor, String slug, EntryStatus to) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        EntryStatus from = current.entryStatus();
        if (!EntryWorkflow.allows(from, to)) {
            throw new EntryRejected("status", "guide.error.transition");
        }
        if (to == EntryStatus.ARCHIVED) {
            guard(slug);
        }
        Instant now = clock.instant();
        int version = current.version() + 1;
        String change = EntryWorkflow.changeName(from, to);
        repository.updateStatus(current.id(), to, version, now, actor.username());
        Entry stored = repository.entry(slug).orElseThrow();
        repository.insertVersion(current.id(), version, to, change, snapshot(stored), now, actor.username());
        audit.record(AuditRecord.of("GUIDE_ENTRY_" + to.name(), AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-entry", slug).details(from.code() + " -> " + to.code()).build());
        events.publishEvent(new GuideChanged(slug, change));
        return stored;
    }

    /** Deletes a draft or an archived entry with its history; refused while anything refers to it. */
    @Transactional
    public void delete(Actor actor, String slug) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        if (!EntryWorkflow.mayDelete(current.entryStatus())) {
            throw new EntryRejected("status", "guide.error.delete-status");
        }
        guard(slug);
        repository.delete(current.id());
        audit.record(AuditRecord.of("GUIDE_ENTRY_DELETED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-entry", slug).build());
        events.publishEvent(new GuideChanged(slug, "deleted"));
    }

    private void guard(String slug) {
        List<KnowledgeReference> found = referencesTo(slug);
        if (!found.isEmpty()) {
            throw new EntryReferenced(slug, found);
        }
    }

    static EntryContent valid(EntryContent content) {
        EntryContent c = EntryWorkflow.normalised(content);
        List<RowError> problems = EntryWorkflow.problems(c);
        if (!problems.isEmpty()) {
            throw new EntryRejected(problems.get(0).field(), problems.get(0).messageKey());
        }
        return c;
    }

    static String snapshot(Entry entry) {
        return JSON.writeValueAsString(entry);
    }

    private static EntryContent withSlug(EntryContent c, String slug) {
        return new EntryContent(slug, c.type(), c.title(), c.summary(), c.body(), c.focusAreas(), c.targetGroups(),
                c.publisher(), c.evidence(), c.validFrom(), c.reviewDue(), c.sourceUrl());
    }
}
