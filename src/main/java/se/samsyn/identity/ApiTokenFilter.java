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
 * A client address that has had too many tokens refused in a short time ({@link AttemptLimits}) is
 * answered 429 with {@code Retry-After} (whole seconds) before its token is even looked up.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AttemptLimits limits;
    private final ProblemWriter problems;

    /**
     * @param tokens   the live tokens
     * @param limits   the allowance of refused tokens per client address
     * @param problems writes the 401 ({@code error.api.token-invalid}), 403
     *                 ({@code error.api.password-change-required}) and 429 ({@code error.api.too-many-attempts})
     *                 answers in the caller's language
     */
    public ApiTokenFilter(ApiTokens tokens, AttemptLimits limits, ProblemWriter problems) {
        this.tokens = tokens;
        this.limits = limits;
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
        Optional<java.time.Duration> wait = limits.tokensRefused(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
            problems.write(request, response, 429, "error.api.too-many-attempts");
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
