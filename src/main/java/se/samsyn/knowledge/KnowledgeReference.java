package se.samsyn.knowledge;

import java.util.Objects;

/**
 * One use of an entry elsewhere in Samsyn.
 *
 * @param kind  a stable code for what refers, such as {@code followup-intervention} or
 *              {@code priority-pair}; the guide shows {@code guide.reference-kind.<kind>} when
 *              that message exists and the code otherwise
 * @param label what refers, in words, such as the intervention's name
 * @param href  where the referring thing is shown, a path within Samsyn, or null
 * @param rank  the rank given to the entry, for priority lists (1-10), or null
 */
public record KnowledgeReference(String kind, String label, String href, Integer rank) implements java.io.Serializable {

    public KnowledgeReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
