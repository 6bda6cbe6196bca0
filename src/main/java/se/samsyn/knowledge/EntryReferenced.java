package se.samsyn.knowledge;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An entry that other parts of Samsyn refer to cannot be archived or deleted; lists the references. */
@ResponseStatus(HttpStatus.CONFLICT)
public class EntryReferenced extends RuntimeException {

    private final String slug;
    private final List<KnowledgeReference> references;

    public EntryReferenced(String slug, List<KnowledgeReference> references) {
        super("Guide entry " + slug + " is referenced " + references.size() + " times");
        this.slug = slug;
        this.references = List.copyOf(references);
    }

    public String slug() {
        return slug;
    }

    public List<KnowledgeReference> references() {
        return references;
    }
}
