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
 * one more and locks the account after too many in a row. A wrong password, an unknown name, a
 * locked or disabled account and an attempt over the rate limits ({@link AttemptBuckets}) all get
 * the same answer ({@code /login?error}, "wrong username or password, or the account is
 * temporarily locked"), and all but the last cost one password hash (a dummy one where no real
 * check runs). Successes, logouts and locks are audited row by row; failures from one client
 * address are audited once per window and then counted ({@link RepeatedRejections}:
 * LOGIN_FAILED, later LOGIN_FAILED_REPEATED with the count by reason). A username that matches no
 * account is audited as "unknown", because what was typed may be anything, even a personal
 * identity number. An account that must choose a new password is sent to the
 * change-password page and its session is marked for {@link PasswordChangeFilter}. The failure
 * count is reserved atomically before each password check ({@link UserRepository#reservePasswordCheck}),
 * so racing attempts get exactly the configured number of checks before the lock; when the
 * password checks are saturated ({@link PasswordChecksBusy}) the attempt is not counted and the
 * login page says "busy, try again" ({@code /login?busy}).
 */
@Component
class LoginAttempts implements LoginOutcomes {

    static final String UNKNOWN_USER = "unknown";
    static final String LOGIN_FAILED = "LOGIN_FAILED";

    private final AccountRegister accounts;
    private final UserRepository users;
    private final AuditTrail audit;
    private final LockoutPolicy policy;
    private final RepeatedRejections repeated;
    private final TransactionTemplate transactions;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    private final org.springframework.security.crypto.password.PasswordEncoder passwords;
    private final String dummyHash;

    LoginAttempts(AccountRegister accounts, UserRepository users, AuditTrail audit, SecuritySettings settings,
                  TransactionTemplate transactions, org.springframework.security.crypto.password.PasswordEncoder passwords,
                  RepeatedRejections repeated) {
        this.repeated = repeated;
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
        transactions.executeWithoutResult(tx -> recordFailure(typed, exception, request.getRemoteAddr()));
        if (exception instanceof PasswordChecksBusy) {
            // too many password checks at once: try again in a moment (no count spent, nothing locked)
            response.sendRedirect(request.getContextPath() + "/login?busy");
            return;
        }
        // one answer for a wrong password, an unknown name, a locked and a disabled account
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void onLimitReached(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        if (repeated.firstInWindow(LOGIN_FAILED, address, "rate-limited")) {
            transactions.executeWithoutResult(tx -> audit.record(AuditRecord.of(LOGIN_FAILED, AuditCategory.SECURITY)
                    .actorName(UNKNOWN_USER).outcome(AuditOutcome.DENIED).details("reason=rate-limited")
                    .clientAddress(address).build()));
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private void recordFailure(String typed, AuthenticationException exception, String address) {
        var stored = typed == null ? java.util.Optional.<UserRepository.StoredUser>empty() : accounts.stored(typed.trim());
        if (stored.isEmpty()) {
            if (repeated.firstInWindow(LOGIN_FAILED, address, "unknown-user")) {
                audit.record(AuditRecord.of(LOGIN_FAILED, AuditCategory.SECURITY).actorName(UNKNOWN_USER)
                        .outcome(AuditOutcome.FAILURE).details("reason=unknown-user").clientAddress(address).build());
            }
            return;
        }
        UserAccount account = stored.get().account();
        Actor actor = new Actor(account.username(), account.role(), account.scope());
        Instant now = accounts.now();
        if (exception instanceof LockedException) {
            failed(actor, AuditOutcome.DENIED, "locked", "", address);
            return;
        }
        if (exception instanceof DisabledException) {
            failed(actor, AuditOutcome.DENIED, "disabled", "", address);
            return;
        }
        if (exception instanceof PasswordChecksBusy) {
            // the reserved check never ran: give it back, so the owner's count is not spent by a flood
            users.refundPasswordCheck(account.id());
            return;
        }
        // the check was reserved (counted) before the password was checked: the count already includes it
        int failures = stored.get().failedLogins();
        Instant lockUntil = policy.lockAfterFailure(failures, now);
        boolean lockedNow = lockUntil != null && users.lockAtLimit(account.id(), policy.maxFailedLogins(), lockUntil);
        failed(actor, AuditOutcome.FAILURE, "bad-credentials", "; failuresInARow=" + failures, address);
        if (lockedNow) {
            // a lock is always written on its own row: it changes what the owner can do
            audit.record(accounts.placed(AuditRecord.of("ACCOUNT_LOCKED", AuditCategory.SECURITY).actor(actor)
                    .outcome(AuditOutcome.DENIED).details("lockedUntil=" + lockUntil).clientAddress(address),
                    account.scope()).build());
        }
    }

    /** Audits a failure of a known account, unless the address already had one in this window (then it is counted). */
    private void failed(Actor actor, AuditOutcome outcome, String reason, String more, String address) {
        if (repeated.firstInWindow(LOGIN_FAILED, address, reason)) {
            audit.record(accounts.placed(AuditRecord.of(LOGIN_FAILED, AuditCategory.SECURITY).actor(actor)
                    .outcome(outcome).details("reason=" + reason + more).clientAddress(address), actor.scope()).build());
        }
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
