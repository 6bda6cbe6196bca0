package se.samsyn.knowledge;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;

/**
 * Collections: a named list of entries for a theme, such as the introduction of new social
 * workers. A collection is public as soon as it exists, and shows only the published entries in
 * it to those who are not editors. It belongs to its creator's scope (the nation for editors, the
 * region for regional analysts). Changes by anyone else are refused with
 * {@link AccessDeniedException} (403).
 */
public interface GuideCollections {

    /** Whether the actor curates collections: editors and regional analysts. False for null. */
    boolean mayCurate(Actor actor);

    /** Whether the actor may change this collection: editors every one, a regional analyst those of the own region. */
    boolean mayChange(Actor actor, GuideCollection collection);

    /** Every collection by title, without its entries. */
    List<GuideCollection> all();

    /**
     * The collection, with only published entries unless the actor is an editor.
     *
     * @throws EntryNotFound when there is no such collection
     */
    GuideCollection collection(Actor actor, String slug);

    /**
     * Creates a collection in the actor's scope, its slug made from the title (with "-2", "-3" … when taken).
     *
     * @throws EntryRejected {@code title} (blank or over 200 characters) or {@code description} (over 2,000)
     */
    GuideCollection create(Actor actor, String title, String description);

    /**
     * Adds a published entry at the end and answers its title.
     *
     * @throws EntryNotFound when the entry is not published, or the collection does not exist
     */
    String add(Actor actor, String collectionSlug, String entrySlug);

    /** Takes an entry out of the collection. */
    void remove(Actor actor, String collectionSlug, String entrySlug);

    /** Deletes the collection; its entries stay. */
    void delete(Actor actor, String collectionSlug);
}
