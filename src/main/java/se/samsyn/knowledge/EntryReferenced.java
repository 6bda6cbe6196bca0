package se.samsyn.knowledge;

import java.util.List;
import se.samsyn.shared.DomainProblem;

/**
 * An entry that other parts of Samsyn refer to cannot be archived or deleted: answered 409 with the
 * message {@code guide.error.referenced} (the number of references as its argument) and the
 * references themselves as the problem property {@code references}.
 */
public class EntryReferenced extends DomainProblem {

    private final String slug;
    private final List<KnowledgeReference> references;

    /**
     * @param slug       the entry's slug
     * @param references where the entry is used, at least one
     */
    public EntryReferenced(String slug, List<KnowledgeReference> references) {
        super(409, "guide.error.referenced", "Guide entry " + slug + " is referenced " + references.size() + " times");
        this.slug = slug;
        this.references = List.copyOf(references);
        property("references", this.references);
    }

    /** The referenced entry's slug. */
    public String slug() {
        return slug;
    }

    /** Where the entry is used; never empty. */
    public List<KnowledgeReference> references() {
        return references;
    }

    @Override
    public Object[] messageArguments() {
        return new Object[] {references.size()};
    }
}
