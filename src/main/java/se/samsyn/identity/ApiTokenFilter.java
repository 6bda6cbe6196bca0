package se.samsyn.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samsyn.shared.ProblemWriter;
import se.samsyn.identity.internal.TokenAuthentication;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A request with a
 * bearer header that is not a live token is answered 401 at once, as problem details; a live
 * token whose owner must change their password first is answered 403 "password change required".
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemWriter problems;

    /**
     * @param tokens   the live tokens
     * @param problems writes the 401 ({@code error.api.token-invalid}) and 403
     *                 ({@code error.api.password-change-required}) answers in the caller's language
     */
    public ApiTokenFilter(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.TokenOwner> owner = tokens.owner(header.substring(7).trim(), request.getRemoteAddr());
        if (owner.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.api.token-invalid");
            return;
        }
        if (owner.get().passwordChangeRequired()) {
            problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, PasswordChangeFilter.REQUIRED);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(owner.get().actor()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
