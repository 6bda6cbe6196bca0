package se.samsyn.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The CSRF tokens, kept in the session as Spring Security keeps them, except that a changing request
 * (POST, PUT, PATCH, DELETE) without a session never gets a new session for a new token.
 *
 * <p>Such a request cannot carry a valid token (no session holds one), so the CSRF filter refuses it
 * with 403 anyway; Spring Security's session repository would first generate a token and keep it in a
 * new session, so every anonymous token-less {@code POST /logout} or stale login form made a session
 * row (issue 12 point 5: anonymous requests create no session; a flood of them costs the attacker,
 * not the session table). A page read (GET, HEAD, OPTIONS, TRACE) that renders a form, such as the
 * login page, still gets its session and token, and a request with a session behaves as before.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    /** Keeps the token in the session, but makes no session for it on a changing request without one. */
    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && !READS.contains(request.getMethod())) {
            return; // refused by the CSRF filter in a moment; nothing to keep
        }
        sessions.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }
}
