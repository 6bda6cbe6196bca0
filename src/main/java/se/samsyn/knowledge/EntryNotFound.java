package se.samsyn.knowledge;

/** No entry, or no entry the caller may see, has this slug. Drafts are "not found" for the public. */
public class EntryNotFound extends RuntimeException {

    private EntryNotFound(String message) {
        super(message);
    }

    public static EntryNotFound forSlug(String slug) {
        return new EntryNotFound("No visible guide entry " + slug);
    }

    public static EntryNotFound forCollection(String slug) {
        return new EntryNotFound("No guide collection " + slug);
    }
}
