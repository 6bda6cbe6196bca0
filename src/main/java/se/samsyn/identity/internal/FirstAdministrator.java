package se.samsyn.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import se.samsyn.shared.StartRefused;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.AccountRejected;

/**
 * The first national administrator of a fresh installation. At start-up, after Flyway and before
 * requests are served, {@code samsyn.admin.username} and {@code samsyn.admin.password}
 * ({@code SAMSYN_ADMIN_USERNAME}, {@code SAMSYN_ADMIN_PASSWORD}) are read only while no active
 * national administrator exists; the account is then created with a password change required at
 * the first sign-in, and audited as created by "system". Once an administrator exists the
 * settings are ignored, with a log line (the password is never logged). A username or password
 * that breaks the account rules, or only one of the two, refuses the start ({@link StartRefused}).
 *
 * <p>Two instances starting at once: the check and the insert share one transaction, and the
 * unique username lets only one insert succeed; the other catches the duplicate, checks again,
 * finds the new administrator and carries on. (Instances must be given the same username.)
 */
@Component
@DependsOnDatabaseInitialization
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    /** What a start-up did with the settings. */
    enum Outcome { CREATED, IGNORED, NOT_CONFIGURED }

    private final Accounts accounts;
    private final String username;
    private final String password;

    FirstAdministrator(Accounts accounts, @Value("${samsyn.admin.username:}") String username,
                       @Value("${samsyn.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bootstrap(username, password);
    }

    /** Creates the first administrator if the settings ask for it and none exists; see the class comment. */
    Outcome bootstrap(String configuredUsername, String configuredPassword) {
        String name = configuredUsername == null ? "" : configuredUsername.trim();
        String secret = configuredPassword == null ? "" : configuredPassword;
        boolean configured = !name.isEmpty() || !secret.isEmpty();
        if (accounts.activeNationalAdministratorExists()) {
            if (configured) {
                log.info("An active national administrator exists; SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD "
                        + "are ignored (no account was created or changed). Remove them from the environment.");
                return Outcome.IGNORED;
            }
            return Outcome.NOT_CONFIGURED;
        }
        if (!configured) {
            log.info("No active national administrator exists. Set SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD "
                    + "to create the first one at start-up (demo mode creates demo-admin instead).");
            return Outcome.NOT_CONFIGURED;
        }
        if (name.isEmpty() || secret.isEmpty()) {
            throw new StartRefused("Only one of SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD is set; the first "
                    + "national administrator needs both.", "Set both variables, or neither.");
        }
        try {
            if (accounts.createFirstAdministrator(name, secret)) {
                log.info("Created the first national administrator '{}'; a new password must be chosen at the "
                        + "first sign-in. Remove SAMSYN_ADMIN_PASSWORD from the environment.", name);
                return Outcome.CREATED;
            }
            log.info("An active national administrator exists; SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD "
                    + "are ignored.");
            return Outcome.IGNORED;
        } catch (AccountRejected e) {
            throw refused(e);
        } catch (DuplicateKeyException e) {
            if (accounts.activeNationalAdministratorExists()) {
                log.info("Another instance created the first national administrator at the same moment; "
                        + "SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD are ignored here.");
                return Outcome.IGNORED;
            }
            throw new StartRefused("SAMSYN_ADMIN_USERNAME names an existing account ('" + name + "') that is not an "
                    + "active national administrator.", "Choose another username for the first administrator.");
        }
    }

    private static StartRefused refused(AccountRejected e) {
        if ("username".equals(e.field())) {
            return new StartRefused("SAMSYN_ADMIN_USERNAME breaks the account rules: a username is 3-64 characters "
                    + "of lower-case letters, digits, '.', '_' or '-', starts with a letter and is not only digits.",
                    "Set SAMSYN_ADMIN_USERNAME to a valid username, such as 'admin'.");
        }
        return new StartRefused("SAMSYN_ADMIN_PASSWORD breaks the account password rules: at least "
                + AccountRules.MIN_PASSWORD_LENGTH + " and at most 200 characters, not only spaces.",
                "Set SAMSYN_ADMIN_PASSWORD to a longer password; it must be changed at the first sign-in anyway.");
    }
}
