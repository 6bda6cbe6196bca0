package se.samsyn.identity.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * After a number of failed logins in a row the account is locked for a while.
 *
 * @param maxFailedLogins failures in a row that lock the account, at least 1
 * @param lockDuration    how long the lock lasts
 */
record LockoutPolicy(int maxFailedLogins, Duration lockDuration) {

    public LockoutPolicy {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        }
    }

    /** When the account should be locked until after this failure, or null if it stays open. */
    public Instant lockAfterFailure(int failuresInARow, Instant now) {
        return failuresInARow >= maxFailedLogins ? now.plus(lockDuration) : null;
    }
}
