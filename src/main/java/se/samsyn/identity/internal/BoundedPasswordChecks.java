package se.samsyn.identity.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that runs at most a fixed number of hashes at once (issue 12 point 4): an
 * Argon2 hash takes 16 MB and tens of milliseconds, so 150 simultaneous logins would otherwise
 * exhaust the heap. A caller waits up to {@code wait} for a turn; after that the check is refused
 * with {@link PasswordChecksBusy}, which the login answers as "busy, try again"
 * ({@code samsyn.security.max-concurrent-password-checks}, {@code samsyn.security.password-check-wait}).
 */
final class BoundedPasswordChecks implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore turns;
    private final long waitMillis;

    BoundedPasswordChecks(PasswordEncoder delegate, int concurrent, java.time.Duration wait) {
        this.delegate = delegate;
        this.turns = new Semaphore(concurrent, true);
        this.waitMillis = wait.toMillis();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            turns.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            turns.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new PasswordChecksBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusy();
        }
    }
}
