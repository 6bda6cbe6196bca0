package se.samsyn.identity;

import java.util.List;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Accounts: administrators create and change the accounts within their own scope, and only
 * there. Every change is audited, placed in the municipality or region of the account's scope.
 * Calls by a non-administrator where an administrator is needed, or outside the administrator's
 * scope, throw {@code AccessDeniedException} (403); an unknown account id {@link AccountNotFound}
 * (404); a username, password, role or scope that breaks the account rules {@link AccountRejected}
 * (422, naming the field).
 */
public interface Accounts {

    /**
     * Every account an administrator may manage: those whose scope lies within the administrator's,
     * by username. Reads the whole scope; pages and searches use {@link #page}.
     */
    List<UserAccount> list(Actor admin);

    /**
     * One page of the accounts an administrator may manage that match the query, by username. The
     * scope rule, the search and the page are applied in the database, so a page costs the same
     * however many accounts the country has.
     */
    AccountPage page(Actor admin, AccountQuery query);

    /** One account the administrator may manage. */
    UserAccount get(Actor admin, long id);

    /** Creates an account within the administrator's scope; the password is stored as an Argon2 hash. Audited. */
    UserAccount create(Actor admin, String username, String password, Role role, Scope scope);

    /** Changes an account's role, scope and whether it is enabled; both scopes must be the administrator's. Audited. */
    UserAccount change(Actor admin, long id, Role role, Scope scope, boolean enabled);

    /** Sets a new password on an account the administrator may manage. Audited, never the password. */
    void setPassword(Actor admin, long id, String password);

    /** Lifts a lockout after failed logins. Audited. */
    void unlock(Actor admin, long id);

    /**
     * Creates an account without an administrator, for demo mode; an existing account of that
     * name is left as it is. Returns whether an account was created.
     */
    boolean provision(String username, String password, Role role, Scope scope);

    /**
     * Creates the first national administrator from the start-up settings, with a password
     * change required at the first sign-in, unless an active national administrator already
     * exists. Returns whether the account was created. Throws {@link AccountRejected} for a
     * username or password that breaks the account rules, and lets the database's
     * {@link org.springframework.dao.DuplicateKeyException} through when the username is taken,
     * for example by another instance starting at the same moment. Audited as USER_CREATED by
     * "system".
     */
    boolean createFirstAdministrator(String username, String password);

    /** Whether an active national administrator (administrator role, nation scope, enabled) exists. */
    boolean activeNationalAdministratorExists();

    /**
     * The enabled account of that username as the actor it signs in as (username, role, scope), or
     * empty when there is no such account or it is disabled. For other modules that link a record to
     * a person who signs in (for example competence's mentors); reads no personal data beyond the
     * username, so it is not audited here: the caller audits the link it makes.
     */
    java.util.Optional<Actor> enabledActor(String username);

    /** Whether the account must choose a new password before it may do anything else. */
    boolean passwordChangeRequired(String username);

    /**
     * The signed-in person changes their own password. The current password must be right, the
     * new one must follow the account rules and differ from the current one, and the
     * confirmation must match; otherwise {@link AccountRejected} names the field (currentPassword,
     * newPassword or confirmation). Success also ends a required change. Both outcomes are audited
     * (PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED), never a password.
     */
    void changeOwnPassword(Actor actor, String currentPassword, String newPassword, String confirmation);

    /**
     * An administrator makes an account within their scope choose a new password at its next
     * sign-in (and its API tokens answer 403 until then). Audited as USER_PASSWORD_CHANGE_REQUIRED.
     */
    void requirePasswordChange(Actor admin, long id);

    /**
     * The account's rights as they are now, read from the database on every call: its actor
     * (username, role, scope) if the account exists, is enabled and, when its scope is a unit, that
     * unit is active; empty otherwise. A lockout after failed logins does not count here, so an
     * attacker's wrong passwords never end the owner's open session. Used on every request of a
     * signed-in session ({@link SessionRightsFilter}), issue 12 point 2.
     */
    java.util.Optional<Actor> currentRights(String username);

    /**
     * Audits that an open session was ended because the account's rights changed under it
     * (SESSION_ENDED, reason {@code rights-changed}), placed in the old scope.
     */
    void sessionEnded(Actor sessionActor, String clientAddress);
}
