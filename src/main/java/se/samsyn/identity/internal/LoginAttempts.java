package se.samsyn.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.shared.Actor;
import se.samsyn.identity.LoginOutcomes;
import se.samsyn.identity.UserAccount;
import se.samsyn.identity.PasswordChangeFilter;

/**
 * What follows a login attempt: success clears the count of failures; a wrong password counts
 * one more and locks the account after too many in a row. Every outcome is audited. A username
 * that matches no account is audited as "unknown", because what was typed may be anything,
 * even a personal identity number. An account that must choose a new password is sent to the
 * change-password page and its session is marked for {@link PasswordChangeFilter}. The failure
 * count is reserved atomically before each password check ({@link UserRepository#reservePasswordCheck}),
 * so racing attempts get exactly the configured number of checks before the lock; when the
 * password checks are saturated ({@link PasswordChecksBusy}) the attempt is not counted and the
 * login page says "busy, try again" ({@code /login?busy}).
 */
@Component
class LoginAttempts implements LoginOutcomes {

    static final String UNKNOWN_USER = "unknown";

    private final AccountRegister accounts;
    private final UserRepository users;
    private final AuditTrail audit;
    private final LockoutPolicy policy;
    private final TransactionTemplate transactions;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    private final org.springframework.security.crypto.password.PasswordEncoder passwords;
    private final String dummyHash;

    LoginAttempts(AccountRegister accounts, UserRepository users, AuditTrail audit, SecuritySettings settings,
                  TransactionTemplate transactions, org.springframework.security.crypto.password.PasswordEncoder passwords) {
        this.passwords = passwords;
        this.dummyHash = passwords.encode("a dummy password no account has");
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.policy = new LockoutPolicy(settings.maxFailedLogins(), settings.lockoutDuration());
        this.transactions = transactions;
        this.redirect.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        boolean changeRequired = false;
        if (authentication.getPrincipal() instanceof Actor.Holder holder) {
            Actor actor = holder.actor();
            changeRequired = Boolean.TRUE.equals(transactions.execute(tx -> {
                var stored = accounts.stored(actor.username());
                stored.ifPresent(u -> users.clearFailures(u.account().id()));
                audit.record(accounts.placed(AuditRecord.of("LOGIN_SUCCEEDED", AuditCategory.SECURITY).actor(actor)
                        .clientAddress(request.getRemoteAddr()), actor.scope()).build());
                return stored.map(UserRepository.StoredUser::passwordChangeRequired).orElse(false);
            }));
        }
        PasswordChangeFilter.mark(request, changeRequired);
        if (changeRequired) {
            response.sendRedirect(request.getContextPath() + PasswordChangeFilter.CHANGE_PAGE);
            return;
        }
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String typed = request.getParameter("username");
        if (exception instanceof LockedException || exception instanceof DisabledException) {
            // comparable work for every answer: a locked or disabled account costs one hash, as a
            // wrong password and an unknown name do (Spring Security hashes a dummy for those)
            try {
                passwords.matches(String.valueOf(request.getParameter("password")), dummyHash);
            } catch (PasswordChecksBusy busy) {
                // saturated: the answer below is the same either way
            }
        }
        boolean locked = transactions.execute(tx -> recordFailure(typed, exception, request.getRemoteAddr()));
        if (exception instanceof PasswordChecksBusy) {
            // too many password checks at once: try again in a moment (no count spent, nothing locked)
            response.sendRedirect(request.getContextPath() + "/login?busy");
            return;
        }
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }

    /** Returns whether the account is locked after this attempt. */
    private boolean recordFailure(String typed, AuthenticationException exception, String address) {
        var stored = typed == null ? java.util.Optional.<UserRepository.StoredUser>empty() : accounts.stored(typed.trim());
        if (stored.isEmpty()) {
            audit.record(AuditRecord.of("LOGIN_FAILED", AuditCategory.SECURITY).actorName(UNKNOWN_USER)
                    .outcome(AuditOutcome.FAILURE).details("reason=unknown-user").clientAddress(address).build());
            return false;
        }
        UserAccount account = stored.get().account();
        Actor actor = new Actor(account.username(), account.role(), account.scope());
        Instant now = accounts.now();
        if (exception instanceof LockedException) {
            audit.record(accounts.placed(AuditRecord.of("LOGIN_FAILED", AuditCategory.SECURITY).actor(actor)
                    .outcome(AuditOutcome.DENIED).details("reason=locked").clientAddress(address), account.scope()).build());
            return true;
        }
        if (exception instanceof DisabledException) {
            audit.record(accounts.placed(AuditRecord.of("LOGIN_FAILED", AuditCategory.SECURITY).actor(actor)
                    .outcome(AuditOutcome.DENIED).details("reason=disabled").clientAddress(address), account.scope()).build());
            return false;
        }
        if (exception instanceof PasswordChecksBusy) {
            // the reserved check never ran: give it back, so the owner's count is not spent by a flood
            users.refundPasswordCheck(account.id());
            return false;
        }
        // the check was reserved (counted) before the password was checked: the count already includes it
        int failures = stored.get().failedLogins();
        Instant lockUntil = policy.lockAfterFailure(failures, now);
        boolean lockedNow = lockUntil != null && users.lockAtLimit(account.id(), policy.maxFailedLogins(), lockUntil);
        audit.record(accounts.placed(AuditRecord.of("LOGIN_FAILED", AuditCategory.SECURITY).actor(actor)
                .outcome(AuditOutcome.FAILURE).details("reason=bad-credentials; failuresInARow=" + failures)
                .clientAddress(address), account.scope()).build());
        if (lockedNow) {
            audit.record(accounts.placed(AuditRecord.of("ACCOUNT_LOCKED", AuditCategory.SECURITY).actor(actor)
                    .outcome(AuditOutcome.DENIED).details("lockedUntil=" + lockUntil).clientAddress(address),
                    account.scope()).build());
            return true;
        }
        return lockUntil != null;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Actor.Holder holder) {
            Actor actor = holder.actor();
            transactions.executeWithoutResult(tx -> audit.record(accounts.placed(
                    AuditRecord.of("LOGOUT", AuditCategory.SECURITY).actor(actor)
                            .clientAddress(request.getRemoteAddr()), actor.scope()).build()));
        }
    }
}
