package se.samsyn.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.AccountNotFound;
import se.samsyn.identity.UserAccount;

/**
 * Accounts: administrators create and change the accounts within their own scope, and only
 * there. Every change is audited, placed in the municipality or region of the account's scope.
 */
@Service
class AccountRegister implements Accounts, UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Organisation organisation;
    private final AccountRules rules;
    private final Clock clock;
    private final int maxFailedLogins;

    AccountRegister(UserRepository users, PasswordEncoder passwords, AuditTrail audit, Organisation organisation, Clock clock,
                    SecuritySettings settings) {
        this.maxFailedLogins = settings.maxFailedLogins();
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.organisation = organisation;
        this.clock = clock;
        this.rules = new AccountRules(new AccountRules.Scopes() {
            @Override
            public boolean exists(Scope scope) {
                return organisation.exists(scope);
            }

            @Override
            public boolean covers(Scope outer, Scope inner) {
                return organisation.covers(outer, inner);
            }
        });
    }

    /**
     * The account for a login attempt. For an enabled account this reserves the password check
     * first ({@link UserRepository#reservePasswordCheck}), committed before the password is
     * checked; when no check may run the account is answered as locked, so no password is checked.
     */
    @Override
    @Transactional
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        UserAccount a = user.account();
        boolean enabled = a.enabled() && unitActive(a.scope());
        Instant now = clock.instant();
        Instant lockedUntil = a.lockedUntil();
        if (enabled && !users.reservePasswordCheck(a.id(), maxFailedLogins, now)) {
            lockedUntil = lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : now.plusSeconds(1);
        }
        return new SignedInUser(new Actor(a.username(), a.role(), a.scope()), user.passwordHash(), enabled,
                lockedUntil, now);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Actor> currentRights(String username) {
        return users.findByUsername(username)
                .map(UserRepository.StoredUser::account)
                .filter(a -> a.enabled() && unitActive(a.scope()))
                .map(a -> new Actor(a.username(), a.role(), a.scope()));
    }

    @Override
    @Transactional
    public void sessionEnded(Actor sessionActor, String clientAddress) {
        audit.record(placed(AuditRecord.of("SESSION_ENDED", AuditCategory.SECURITY).actor(sessionActor)
                .outcome(se.samsyn.audit.AuditOutcome.DENIED).details("reason=rights-changed")
                .clientAddress(clientAddress), sessionActor.scope()).build());
    }

    /** Whether a unit scope names an active unit; scopes of other types are always active. */
    boolean unitActive(Scope scope) {
        return scope.type() != se.samsyn.shared.ScopeType.UNIT
                || organisation.unit(scope.code()).map(se.samsyn.organisation.Unit::active).orElse(false);
    }

    /** The accounts an administrator may manage: those whose scope lies within the administrator's. */
    @Transactional(readOnly = true)
    public List<UserAccount> list(Actor admin) {
        requireAdministrator(admin);
        return users.within(ManagedScopes.of(admin.scope(), organisation), null, null, null);
    }

    /** One page of them, the scope rule, search and page applied in SQL; one row more tells whether a page follows. */
    @Override
    @Transactional(readOnly = true)
    public se.samsyn.identity.AccountPage page(Actor admin, se.samsyn.identity.AccountQuery query) {
        requireAdministrator(admin);
        List<UserAccount> rows = users.within(ManagedScopes.of(admin.scope(), organisation), query,
                (long) query.page() * query.size(), query.size() + 1);
        boolean hasNext = rows.size() > query.size();
        return new se.samsyn.identity.AccountPage(List.copyOf(hasNext ? rows.subList(0, query.size()) : rows), query.page(),
                query.size(), hasNext);
    }

    @Transactional(readOnly = true)
    public UserAccount get(Actor admin, long id) {
        requireAdministrator(admin);
        UserAccount account = users.findById(id).map(UserRepository.StoredUser::account)
                .orElseThrow(() -> AccountNotFound.forId(id));
        if (!rules.mayManage(admin, account.scope())) {
            throw AccountNotFound.forId(id);
        }
        return account;
    }

    @Transactional
    public UserAccount create(Actor admin, String username, String password, Role role, Scope scope) {
        requireAdministrator(admin);
        String name = username == null ? null : username.trim();
        rules.checkUsername(name);
        rules.checkRoleAndScope(admin, role, scope);
        rules.checkPassword(password);
        if (users.findByUsername(name).isPresent()) {
            throw new AccountRejected("username", "account.error.username-taken");
        }
        long id = users.insert(name, passwords.encode(password), role, scope, admin.username(), clock.instant());
        audited("USER_CREATED", admin, id, scope, "username=" + name + "; role=" + role + "; scope=" + scope);
        return users.findById(id).orElseThrow().account();
    }

    @Transactional
    public UserAccount change(Actor admin, long id, Role role, Scope scope, boolean enabled) {
        UserAccount existing = get(admin, id);
        rules.checkNotSelf(admin, existing.username());
        rules.checkRoleAndScope(admin, role, scope);
        users.update(id, role, scope, enabled);
        audited("USER_CHANGED", admin, id, scope, "username=" + existing.username() + "; role=" + role
                + "; scope=" + scope + "; enabled=" + enabled);
        return users.findById(id).orElseThrow().account();
    }

    @Transactional
    public void setPassword(Actor admin, long id, String password) {
        UserAccount existing = get(admin, id);
        rules.checkPassword(password);
        users.setPassword(id, passwords.encode(password));
        audited("USER_PASSWORD_SET", admin, id, existing.scope(), "username=" + existing.username());
    }

    @Transactional
    public void unlock(Actor admin, long id) {
        UserAccount existing = get(admin, id);
        users.clearFailures(id);
        audited("USER_UNLOCKED", admin, id, existing.scope(), "username=" + existing.username());
    }

    /**
     * Creates an account without an administrator, for demo mode; an existing account of that
     * name is left as it is. Returns whether an account was created.
     */
    @Transactional
    public boolean provision(String username, String password, Role role, Scope scope) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        if (!role.fits(scope.type()) || !organisation.exists(scope)) {
            throw new AccountRejected("scopeCode", "account.error.scope-unknown");
        }
        long id = users.insert(username, passwords.encode(password), role, scope, Actor.SYSTEM, clock.instant());
        audit.record(placed(AuditRecord.of("USER_CREATED", AuditCategory.SECURITY).actorName(Actor.SYSTEM)
                .object("user", String.valueOf(id)).details("username=" + username + "; role=" + role
                        + "; scope=" + scope + "; demo"), scope).build());
        return true;
    }

    /**
     * Creates the first national administrator from the start-up settings, with a password
     * change required at the first sign-in, unless an active national administrator already
     * exists. Returns whether the account was created. Throws {@link AccountRejected} for a
     * username or password that breaks the account rules, and lets the database's
     * {@link org.springframework.dao.DuplicateKeyException} through when the username is taken,
     * for example by another instance starting at the same moment (see {@link FirstAdministrator}).
     * Audited as USER_CREATED by "system".
     */
    @Transactional
    public boolean createFirstAdministrator(String username, String password) {
        if (users.activeNationalAdministratorExists()) {
            return false;
        }
        rules.checkUsername(username);
        rules.checkPassword(password);
        Scope nation = Scope.nation();
        long id = users.insert(username, passwords.encode(password), Role.ADMINISTRATOR, nation, Actor.SYSTEM,
                clock.instant(), true);
        audit.record(AuditRecord.of("USER_CREATED", AuditCategory.SECURITY).actorName(Actor.SYSTEM)
                .object("user", String.valueOf(id)).details("username=" + username + "; role=" + Role.ADMINISTRATOR
                        + "; scope=" + nation + "; first administrator from SAMSYN_ADMIN_USERNAME; password change required")
                .build());
        return true;
    }

    /** Whether an active national administrator (administrator role, nation scope, enabled) exists. */
    @Transactional(readOnly = true)
    public boolean activeNationalAdministratorExists() {
        return users.activeNationalAdministratorExists();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Actor> enabledActor(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsername(username.strip()).map(UserRepository.StoredUser::account)
                .filter(UserAccount::enabled).map(a -> new Actor(a.username(), a.role(), a.scope()));
    }

    /** Whether the account must choose a new password before it may do anything else. */
    @Transactional(readOnly = true)
    public boolean passwordChangeRequired(String username) {
        return users.findByUsername(username).map(UserRepository.StoredUser::passwordChangeRequired).orElse(false);
    }

    /**
     * The signed-in person changes their own password. The current password must be right, the
     * new one must follow the account rules ({@link AccountRules#checkPassword}) and differ from
     * the current one, and the confirmation must match; otherwise {@link AccountRejected} names
     * the field (currentPassword, newPassword or confirmation). Success also ends a required
     * change. Both outcomes are audited (PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED), never a password.
     */
    @Transactional(noRollbackFor = AccountRejected.class)
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword, String confirmation) {
        UserRepository.StoredUser user = users.findByUsername(actor.username())
                .orElseThrow(() -> new AccountRejected("currentPassword", "password.error.current"));
        try {
            if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
                throw new AccountRejected("currentPassword", "password.error.current");
            }
            try {
                rules.checkPassword(newPassword);
            } catch (AccountRejected e) {
                throw new AccountRejected("newPassword", e.messageKey());
            }
            if (newPassword.equals(currentPassword)) {
                throw new AccountRejected("newPassword", "password.error.same");
            }
            if (!newPassword.equals(confirmation)) {
                throw new AccountRejected("confirmation", "password.error.confirmation");
            }
        } catch (AccountRejected e) {
            audit.record(placed(AuditRecord.of("PASSWORD_CHANGE_FAILED", AuditCategory.SECURITY).actor(actor)
                    .outcome(se.samsyn.audit.AuditOutcome.FAILURE).object("user", String.valueOf(user.account().id()))
                    .details("field=" + e.field()), actor.scope()).build());
            throw e;
        }
        users.setOwnPassword(user.account().id(), passwords.encode(newPassword));
        audit.record(placed(AuditRecord.of("PASSWORD_CHANGED", AuditCategory.SECURITY).actor(actor)
                .object("user", String.valueOf(user.account().id()))
                .details(user.passwordChangeRequired() ? "reason=required-change-done" : "reason=by-account-holder"),
                actor.scope()).build());
    }

    /**
     * An administrator makes an account within their scope choose a new password at its next
     * sign-in (and its API tokens answer 403 until then). Audited as USER_PASSWORD_CHANGE_REQUIRED.
     */
    @Transactional
    public void requirePasswordChange(Actor admin, long id) {
        UserAccount existing = get(admin, id);
        users.requirePasswordChange(id);
        audited("USER_PASSWORD_CHANGE_REQUIRED", admin, id, existing.scope(), "username=" + existing.username());
    }

    Optional<UserRepository.StoredUser> stored(String username) {
        return users.findByUsername(username);
    }

    Optional<UserRepository.StoredUser> storedById(long id) {
        return users.findById(id);
    }

    private void audited(String action, Actor admin, long id, Scope scope, String details) {
        audit.record(placed(AuditRecord.of(action, AuditCategory.SECURITY).actor(admin)
                .object("user", String.valueOf(id)).details(details), scope).build());
    }

    /** Places an event in the municipality, county and unit of a scope, for scoped audit searches. */
    AuditRecord.Builder placed(AuditRecord.Builder builder, Scope scope) {
        return se.samsyn.organisation.AuditPlaces.placed(organisation, builder, scope);
    }

    private static void requireAdministrator(Actor admin) {
        if (admin == null || admin.role() != Role.ADMINISTRATOR) {
            throw new org.springframework.security.access.AccessDeniedException("Administrators only");
        }
    }

    Instant now() {
        return clock.instant();
    }
}
