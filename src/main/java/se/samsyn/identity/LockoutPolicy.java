package se.samsyn.identity;

import java.time.Duration;
import java.time.Instant;

/** After a number of failed logins in a row the account is locked for a while. */
record LockoutPolicy(int maxFailedLogins, Duration lockDuration) {

    LockoutPolicy {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        }
    }

    /** When the account should be locked until after this failure, or null if it stays open. */
    Instant lockAfterFailure(int failuresInARow, Instant now) {
        return failuresInARow >= maxFailedLogins ? now.plus(lockDuration) : null;
    }
}
