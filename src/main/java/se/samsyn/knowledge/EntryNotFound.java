package se.samsyn.knowledge;

import se.samsyn.shared.NotFound;

/**
 * No entry, or no entry the caller may see, has this slug (404, {@code error.404}). Drafts are "not
 * found" for the public.
 */
public class EntryNotFound extends NotFound {

    private EntryNotFound(String message) {
        super(message);
    }

    /** @param slug the entry's slug, for the log only */
    public static EntryNotFound forSlug(String slug) {
        return new EntryNotFound("No visible guide entry " + slug);
    }

    /** @param slug the collection's slug, for the log only */
    public static EntryNotFound forCollection(String slug) {
        return new EntryNotFound("No guide collection " + slug);
    }
}
