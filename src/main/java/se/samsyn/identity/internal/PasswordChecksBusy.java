package se.samsyn.identity.internal;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * No password check could start in time: {@link BoundedPasswordChecks} already runs its maximum
 * number of Argon2 hashes at once. The login page then says "busy, try again"; the attempt is
 * not counted against the account.
 */
class PasswordChecksBusy extends AuthenticationServiceException {

    PasswordChecksBusy() {
        super("Too many password checks at once");
    }
}
