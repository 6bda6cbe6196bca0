package se.samsyn.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samsyn.shared.Actor;

/**
 * Checks a signed-in session's rights on every request (issue 12 point 2): the account is read
 * again ({@link Accounts#currentRights}), and when it is disabled, gone, its unit deactivated, or
 * its role or scope differs from the one the session was signed in with, the session is
 * invalidated, the end is audited (SESSION_ENDED), and the request goes on as anonymous. The
 * security chain then answers it as for anyone not signed in: a page leads to the login page, an
 * API call gets 401 problem details in the caller's language. API-token requests are not touched
 * here; {@link ApiTokenFilter} reads the owner on every request already.
 */
public class SessionRightsFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    public SessionRightsFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof Actor.Holder holder) {
            Actor signedIn = holder.actor();
            Optional<Actor> now = accounts.currentRights(signedIn.username());
            if (now.isEmpty() || !now.get().equals(signedIn)) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                accounts.sessionEnded(signedIn, request.getRemoteAddr());
                SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
                anonymous.setAuthentication(new AnonymousAuthenticationToken("rights-changed", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
                SecurityContextHolder.setContext(anonymous);
            }
        }
        chain.doFilter(request, response);
    }
}
