package se.samsyn.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import se.samsyn.shared.Actor;

/** An authentication by a personal API token; its principal is the token owner's actor. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final ActorPrincipal principal;

    TokenAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
        this.principal = new ActorPrincipal(actor);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    record ActorPrincipal(Actor actor) implements Actor.Holder {
        @Override
        public String toString() {
            return actor.username();
        }
    }
}
