package se.samsyn.knowledge.internal;

import java.util.List;
import se.samsyn.knowledge.KnowledgeReference;
import se.samsyn.knowledge.KnowledgeReferences;
import org.springframework.stereotype.Component;

/** The guide's own references: the collections an entry is curated into. */
@Component
class CollectionReferences implements KnowledgeReferences {

    private final GuideRepository repository;

    CollectionReferences(GuideRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<KnowledgeReference> referencesTo(String entrySlug) {
        return repository.collectionsWith(entrySlug).stream()
                .map(c -> new KnowledgeReference("guide-collection", c[1], "/guide/collections/" + c[0], null))
                .toList();
    }
}
