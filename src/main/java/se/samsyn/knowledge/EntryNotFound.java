package se.samsyn.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No entry, or no entry the caller may see, has this slug. Drafts are "not found" for the public. */
@ResponseStatus(HttpStatus.NOT_FOUND)
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
