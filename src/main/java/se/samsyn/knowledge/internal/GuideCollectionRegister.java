package se.samsyn.knowledge.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.GuideChanged;
import se.samsyn.knowledge.GuideCollection;
import se.samsyn.knowledge.GuideCollections;
import se.samsyn.shared.Actor;

/**
 * {@link GuideCollections} on the {@code kg_collection} tables; every change is audited and
 * announced with {@link GuideChanged}.
 */
@Service
class GuideCollectionRegister implements GuideCollections {

    private final GuideRepository repository;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    GuideCollectionRegister(GuideRepository repository, AuditTrail audit,
                            org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<GuideCollection> all() {
        return repository.collections();
    }

    @Override
    @Transactional(readOnly = true)
    public GuideCollection collection(Actor actor, String slug) {
        GuideCollection c = repository.collection(slug).orElseThrow(() -> EntryNotFound.forCollection(slug));
        if (GuideAccess.mayEdit(actor)) {
            return c;
        }
        return new GuideCollection(c.id(), c.slug(), c.title(), c.description(), c.scopeType(), c.scopeCode(),
                c.createdBy(), c.updatedAt(), c.entries().stream()
                .filter(e -> EntryStatus.PUBLISHED.code().equals(e.status())).toList());
    }

    @Override
    @Transactional
    public GuideCollection create(Actor actor, String title, String description) {
        GuideAccess.requireCurator(actor);
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new EntryRejected("title", "guide.error.title");
        }
        if (description != null && description.length() > 2000) {
            throw new EntryRejected("description", "guide.error.description");
        }
        String base = EntryContent.slugOf(title);
        String slug = base;
        for (int n = 2; repository.collectionExists(slug); n++) {
            slug = base + "-" + n;
        }
        repository.insertCollection(slug, title.strip(), description == null ? "" : description.strip(),
                actor.scope().type().name(), actor.scope().code(), actor.username(), clock.instant());
        audit.record(AuditRecord.of("GUIDE_COLLECTION_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-collection", slug).build());
        events.publishEvent(new GuideChanged(slug, "collection"));
        return repository.collection(slug).orElseThrow();
    }

    @Override
    @Transactional
    public String add(Actor actor, String collectionSlug, String entrySlug) {
        GuideCollection c = changeable(actor, collectionSlug);
        Entry entry = repository.entry(entrySlug).filter(Entry::isPublished)
                .orElseThrow(() -> EntryNotFound.forSlug(entrySlug));
        repository.addToCollection(c.id(), entry.id(), clock.instant());
        audit.record(AuditRecord.of("GUIDE_COLLECTION_ENTRY_ADDED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-collection", collectionSlug).details("entry=" + entrySlug).build());
        events.publishEvent(new GuideChanged(collectionSlug, "collection"));
        return entry.title();
    }

    @Override
    @Transactional
    public void remove(Actor actor, String collectionSlug, String entrySlug) {
        GuideCollection c = changeable(actor, collectionSlug);
        Entry entry = repository.entry(entrySlug).orElseThrow(() -> EntryNotFound.forSlug(entrySlug));
        repository.removeFromCollection(c.id(), entry.id(), clock.instant());
        audit.record(AuditRecord.of("GUIDE_COLLECTION_ENTRY_REMOVED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-collection", collectionSlug).details("entry=" + entrySlug).build());
        events.publishEvent(new GuideChanged(collectionSlug, "collection"));
    }

    @Override
    @Transactional
    public void delete(Actor actor, String collectionSlug) {
        GuideCollection c = changeable(actor, collectionSlug);
        repository.deleteCollection(c.id());
        audit.record(AuditRecord.of("GUIDE_COLLECTION_DELETED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("guide-collection", collectionSlug).build());
        events.publishEvent(new GuideChanged(collectionSlug, "collection"));
    }

    @Override
    public boolean mayCurate(Actor actor) {
        return GuideAccess.mayCurate(actor);
    }

    @Override
    public boolean mayChange(Actor actor, GuideCollection c) {
        return GuideAccess.mayChangeCollection(actor, c.scopeType(), c.scopeCode());
    }

    private GuideCollection changeable(Actor actor, String slug) {
        GuideAccess.requireCurator(actor);
        GuideCollection c = repository.collection(slug).orElseThrow(() -> EntryNotFound.forCollection(slug));
        if (!mayChange(actor, c)) {
            throw new AccessDeniedException("The collection belongs to another region");
        }
        return c;
    }
}
