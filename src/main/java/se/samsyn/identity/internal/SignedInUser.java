package se.samsyn.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import se.samsyn.shared.Actor;

/**
 * The principal of a form-login session. Sessions live in the database (Spring Session JDBC), so
 * the principal is serialised there; the password hash is left out of that copy.
 */
record SignedInUser(Actor actor, String passwordHash, boolean enabled, Instant lockedUntil, Instant checkedAt)
        implements UserDetails, Actor.Holder {

    /** Serialises a copy without the password hash, so no hash is stored in the session table. */
    @java.io.Serial
    private Object writeReplace() {
        return new SignedInUser(actor, null, enabled, lockedUntil, checkedAt);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(checkedAt);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.username() + "]";
    }
}
