package se.samsyn.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;

/**
 * The entries of the guide: reading what one may see, writing through the workflow of
 * {@link EntryStatus}, version history and the reference guard. Knowledge editors and national
 * administrators write ({@link #mayEdit}); every other caller gets {@link AccessDeniedException}
 * (403) from a write. Every write is audited in its own transaction and announced with
 * {@link GuideChanged} so that the search index follows.
 */
public interface GuideEntries {

    /**
     * Whether the actor writes the guide: a knowledge editor, or an administrator for the nation.
     * False for null (not signed in).
     */
    boolean mayEdit(Actor actor);

    /**
     * The entry if the actor may see it: published entries for everyone, every entry for editors.
     *
     * @throws EntryNotFound when there is no such entry or the actor may not see it
     */
    Entry visible(Actor actor, String slug);

    /** Every published entry, by title. */
    List<Entry> published();

    /** Every entry in every status, by title, for the editors' desk; 403 for others. */
    List<Entry> all(Actor actor);

    /** The slugs of the published entries, for linking to the guide from elsewhere. */
    Set<String> publishedSlugs();

    /**
     * The published entries as slug to title, iterating in title order, for other modules that
     * let people choose an entry by its title and show the title where they name one. Empty when
     * nothing is published; never null.
     */
    Map<String, String> publishedTitles();

    /** The version history, newest first, for editors: it names the staff who made each change; 403 for others. */
    List<EntryVersion> versions(Actor actor, String slug);

    /** The latest {@code limit} changes the public saw (publications, corrections, archivals), newest first. */
    List<FeedItem> feed(int limit);

    /** Where the entry is used, gathered from every module that implements {@link KnowledgeReferences}. */
    List<KnowledgeReference> referencesTo(String slug);

    /**
     * Creates a draft as version 1.
     *
     * @throws EntryRejected the field at fault and its {@code guide.error.*} key, {@code slug-taken}
     *         for a slug in use
     */
    Entry create(Actor actor, EntryContent content);

    /**
     * Saves new content as the next version (the same content changes nothing); the slug, and with
     * it the entry's address, never changes.
     *
     * @throws EntryRejected invalid content, or {@code guide.error.archived} for an archived entry
     * @throws EntryNotFound when there is no such entry
     */
    Entry update(Actor actor, String slug, EntryContent content);

    /**
     * Moves the entry along the workflow ({@link EntryStatus#mayMoveTo}) as a new version.
     *
     * @throws EntryRejected {@code guide.error.transition} for a move the workflow does not allow
     * @throws EntryReferenced when archiving an entry that anything refers to
     */
    Entry transition(Actor actor, String slug, EntryStatus to);

    /**
     * Deletes a draft or an archived entry with its history.
     *
     * @throws EntryRejected {@code guide.error.delete-status} for any other status
     * @throws EntryReferenced while anything refers to the entry
     */
    void delete(Actor actor, String slug);
}
