package se.samsyn.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import se.samsyn.shared.Actor;

/**
 * An authentication by a personal API token; its principal is the token owner's actor, its one
 * authority the owner's role. Public for {@link se.samsyn.identity.ApiTokenFilter}, which sets it
 * on the security context.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final ActorPrincipal principal;

    /** An authenticated token for the owner's actor (role and scope as they are now). */
    public TokenAuthentication(Actor actor) {
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
