package se.samsyn.followup;

import se.samsyn.shared.NotFound;

/**
 * No client (or entry of a client) with that id in the caller's unit: 404 with the text
 * {@code error.404}, the same answer whether it exists elsewhere or not.
 */
public class ClientNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    private ClientNotFound() {
        super("No such client in this unit");
    }

    /** The one refusal for a client outside the caller's unit, whether it exists elsewhere or not. */
    public static ClientNotFound inUnit() {
        return new ClientNotFound();
    }
}
