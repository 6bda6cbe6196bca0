package se.samsyn.identity;

import java.time.Instant;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** An account as shown to administrators. The password hash never leaves the module. */
public record UserAccount(long id, String username, Role role, Scope scope, boolean enabled, Instant lockedUntil,
                          Instant createdAt, String createdBy) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
