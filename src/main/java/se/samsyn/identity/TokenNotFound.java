package se.samsyn.identity;

import se.samsyn.shared.NotFound;

/** No token with that id belongs to the signed-in user (404, {@code error.404}). */
public class TokenNotFound extends NotFound {

    private TokenNotFound(long id) {
        super("No token " + id);
    }

    /** The refusal for token {@code id}. */
    public static TokenNotFound forId(long id) {
        return new TokenNotFound(id);
    }
}
