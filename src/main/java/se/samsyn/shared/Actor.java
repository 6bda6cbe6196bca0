package se.samsyn.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person or integration acting: a signed-in user or the holder of an API token. */
public record Actor(String username, Role role, Scope scope) implements java.io.Serializable {

    /** Implemented by the authentication principals that carry an actor. */
    public interface Holder {
        Actor actor();
    }

    /** The actor of the current request, if anyone is signed in. */
    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getPrincipal() instanceof Holder holder
                ? Optional.ofNullable(holder.actor())
                : Optional.empty();
    }

    /** The name written to the audit trail for work done without a person, such as start-up loads. */
    public static final String SYSTEM = "system";
}
