package se.samsyn.identity;

import se.samsyn.shared.NotFound;

/** No account has that id, or it lies outside the administrator's scope (404, {@code error.404}). */
public class AccountNotFound extends NotFound {

    private AccountNotFound(long id) {
        super("No account " + id);
    }

    /** The refusal for account {@code id}. */
    public static AccountNotFound forId(long id) {
        return new AccountNotFound(id);
    }
}
