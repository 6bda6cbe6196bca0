package se.samsyn.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samsyn.shared.ProblemWriter;

/**
 * While a signed-in person must choose a new password, every page sends them to
 * {@value #CHANGE_PAGE}, except that page itself, logout, static assets and error pages; API
 * calls in such a session get 403 problem details "password change required". Sign-in marks the
 * session ({@link LoginOutcomes}) when the account's flag is set, and a successful change clears
 * the mark. Bearer tokens of such an account are refused by {@link ApiTokenFilter} with the same 403.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {

    /** The change-password page. */
    public static final String CHANGE_PAGE = "/account/password";

    /** The session attribute that marks a session whose password change is pending. */
    static final String PENDING = PasswordChangeFilter.class.getName() + ".pending";

    /** The message key of the 403 detail that says the password must be changed first. */
    static final String REQUIRED = "error.api.password-change-required";

    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/images/", "/webjars/", "/error");
    private static final List<String> OPEN_PATHS = List.of(CHANGE_PAGE, "/logout", "/favicon.ico", "/login");

    private final ProblemWriter problems;

    /** @param problems writes the 403 answer ({@value #REQUIRED}) in the caller's language */
    public PasswordChangeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(PENDING) == null || open(path(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (path(request).startsWith("/api/")) {
            problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, REQUIRED);
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }

    /**
     * Marks the current session as one whose password change is pending (creating the session
     * if needed), or removes the mark after a successful change.
     */
    public static void mark(HttpServletRequest request, boolean pending) {
        if (pending) {
            request.getSession(true).setAttribute(PENDING, Boolean.TRUE);
        } else {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(PENDING);
            }
        }
    }

    private static boolean open(String path) {
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
