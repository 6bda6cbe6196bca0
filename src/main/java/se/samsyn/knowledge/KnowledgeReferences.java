package se.samsyn.knowledge;

import java.util.List;

/**
 * Implemented by other modules, as Spring beans, to tell the knowledge guide where they use an
 * entry: a follow-up intervention, a priority pair, an indicator, a competence requirement. The
 * guide collects every such bean, lists the references on the entry's page, and refuses to
 * archive or delete an entry while anything refers to it.
 */
public interface KnowledgeReferences {

    /** The references to the entry with this slug; empty when there are none. Never null. */
    List<KnowledgeReference> referencesTo(String entrySlug);
}
