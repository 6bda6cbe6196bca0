package se.samsyn.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What follows a login attempt, for the web platform's form login and logout: success clears the
 * count of failures; a wrong password counts one more and locks the account after too many in a
 * row (settings {@code samsyn.security.max-failed-logins} and {@code lockout-duration}). Every
 * outcome is audited; a username that matches no account is audited as "unknown". An account that
 * must choose a new password is sent to {@value PasswordChangeFilter#CHANGE_PAGE} and its session
 * is marked for {@link PasswordChangeFilter}.
 */
public interface LoginOutcomes extends AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    /**
     * Answers a login attempt refused by the rate limits ({@link AttemptLimits}) before any
     * password was checked: counted in the audit as a failure for reason {@code rate-limited}, and
     * answered exactly as a wrong password is ({@code /login?error}).
     */
    void onLimitReached(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
