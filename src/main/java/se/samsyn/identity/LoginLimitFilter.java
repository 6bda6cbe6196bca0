package se.samsyn.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the login rate limits ({@link AttemptLimits}) to the login form ({@code POST /login})
 * before the password is checked: an attempt over the limit of its client address or typed name
 * costs no password hash and is answered as a wrong password ({@link LoginOutcomes#onLimitReached}).
 * The platform places it after the CSRF check and before the form login.
 */
public class LoginLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final AttemptLimits limits;
    private final LoginOutcomes outcomes;

    /**
     * @param limits   the allowances per client address and per typed name
     * @param outcomes answers and audits a refused attempt
     */
    public LoginLimitFilter(AttemptLimits limits, LoginOutcomes outcomes) {
        this.limits = limits;
        this.outcomes = outcomes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limits.login(request.getRemoteAddr(), request.getParameter("username")).isPresent()) {
            outcomes.onLimitReached(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
