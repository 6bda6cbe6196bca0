package se.samsyn.identity.internal;

import java.util.regex.Pattern;
import se.samsyn.identity.AccountRejected;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The rules for creating and changing accounts, free of Spring so they can be tested alone.
 * Containment and existence of scopes are asked of the organisation through {@link Scopes}.
 */
final class AccountRules {

    /** The shortest password accepted, in characters. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    private static final Pattern DIGITS_ONLY = Pattern.compile("[0-9-]+");

    /** What the rules ask of the organisation: does a scope exist, does one scope contain another. */
    public interface Scopes {
        /** Whether the scope exists in the organisation. */
        boolean exists(Scope scope);

        /** Whether {@code outer} contains {@code inner} (a scope contains itself). */
        boolean covers(Scope outer, Scope inner);
    }

    private final Scopes scopes;

    /** @param scopes the organisation's scope look-ups */
    public AccountRules(Scopes scopes) {
        this.scopes = scopes;
    }

    /** Administrators manage accounts, and only accounts within their own scope. */
    public boolean mayManage(Actor admin, Scope target) {
        return admin != null && admin.role() == Role.ADMINISTRATOR && scopes.covers(admin.scope(), target);
    }

    public void checkUsername(String username) {
        // Usernames that look like numbers could be personal identity numbers, which are never stored.
        if (username == null || !USERNAME.matcher(username).matches() || DIGITS_ONLY.matcher(username).matches()) {
            throw new AccountRejected("username", "account.error.username");
        }
    }

    public void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200
                || password.isBlank()) {
            throw new AccountRejected("password", "account.error.password");
        }
    }

    public void checkRoleAndScope(Actor admin, Role role, Scope scope) {
        if (role == null) {
            throw new AccountRejected("role", "account.error.role");
        }
        if (scope == null) {
            throw new AccountRejected("scopeCode", "account.error.scope-format");
        }
        if (!role.fits(scope.type())) {
            throw new AccountRejected("scopeType", "account.error.role-scope");
        }
        if (!scopes.exists(scope)) {
            throw new AccountRejected("scopeCode", "account.error.scope-unknown");
        }
        if (!mayManage(admin, scope)) {
            throw new AccountRejected("scopeCode", "account.error.scope-outside");
        }
    }

    public void checkNotSelf(Actor admin, String username) {
        if (admin.username().equals(username)) {
            throw new AccountRejected("username", "account.error.self");
        }
    }
}
