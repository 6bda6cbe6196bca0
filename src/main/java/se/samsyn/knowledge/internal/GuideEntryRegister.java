package se.samsyn.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntryVersion;
import se.samsyn.knowledge.FeedItem;
import se.samsyn.knowledge.GuideChanged;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.ImportOutcome.RowError;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;
import se.samsyn.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link GuideEntries} on the {@code kg_entry} tables: every write checks {@link GuideAccess},
 * is audited in its own transaction and announced with {@link GuideChanged} so that the search
 * index follows.
 */
@Service
class GuideEntryRegister implements GuideEntries {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final GuideRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<KnowledgeReferences> references;
    private final Clock clock = Clock.systemUTC();

    GuideEntryRegister(GuideRepository repository, AuditTrail audit, ApplicationEventPublisher events,
                 ObjectProvider<KnowledgeReferences> references) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.references = references;
    }

    @Override
    public boolean mayEdit(Actor actor) {
        return GuideAccess.mayEdit(actor);
    }

    @Override
    @Transactional(readOnly = true)
    public Entry visible(Actor actor, String slug) {
        return repository.entry(slug).filter(e -> e.isPublished() || GuideAccess.mayEdit(actor))
                .orElseThrow(() -> EntryNotFound.forSlug(slug));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> published() {
        return repository.entries(EntryStatus.PUBLISHED);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> all(Actor actor) {
        GuideAccess.requireEditor(actor);
        return repository.entries();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> publishedSlugs() {
        return repository.entries(EntryStatus.PUBLISHED).stream().map(Entry::slug).collect(Collectors.toSet());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> publishedTitles() {
        return repository.titles(EntryStatus.PUBLISHED);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EntryVersion> versions(Actor actor, String slug) {
        GuideAccess.requireEditor(actor);
        return repository.versions(visible(actor, slug).id());
    }

    @Override
    @Transactional(readOnly = true)
    public List<FeedItem> feed(int limit) {
        return repository.feed(limit);
    }

    @Override
    public List<KnowledgeReference> referencesTo(String slug) {
        List<KnowledgeReference> all = new ArrayList<>();
        references.orderedStream().forEach(source -> all.addAll(source.referencesTo(slug)));
        return all;
    }

    @Override
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

    @Override
    @Transactional
    public Entry update(Actor actor, String slug, EntryContent content) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        if (!current.entryStatus().mayEditContent()) {
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
                .object("guide-entry", slug).details("version=" + version).build());
        events.publishEvent(new GuideChanged(slug, "edited"));
        return stored;
    }

    @Override
    @Transactional
    public Entry transition(Actor actor, String slug, EntryStatus to) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        EntryStatus from = current.entryStatus();
        if (!from.mayMoveTo(to)) {
            throw new EntryRejected("status", "guide.error.transition");
        }
        if (to == EntryStatus.ARCHIVED) {
            guard(slug);
        }
        Instant now = clock.instant();
        int version = current.version() + 1;
        String change = from.changeName(to);
        repository.updateStatus(current.id(), to, version, now, actor.username());
        Entry stored = repository.entry(slug).orElseThrow();
        repository.insertVersion(current.id(), version, to, change, snapshot(stored), now, actor.username());
        audit.record(AuditRecord.of("GUIDE_ENTRY_" + to.name(), AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-entry", slug).details("previousStatus=" + from.code()).build());
        events.publishEvent(new GuideChanged(slug, change));
        return stored;
    }

    @Override
    @Transactional
    public void delete(Actor actor, String slug) {
        GuideAccess.requireEditor(actor);
        Entry current = repository.entry(slug).orElseThrow(() -> EntryNotFound.forSlug(slug));
        if (!current.entryStatus().mayDelete()) {
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
        EntryContent c = EntryContentRules.normalised(content);
        List<RowError> problems = EntryContentRules.problems(c);
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
