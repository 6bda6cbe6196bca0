package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTests {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));

    @Test
    void staysOpenForFewerFailuresThanTheMaximum() {
        for (int failures = 1; failures <= 4; failures++) {
            assertThat(policy.lockAfterFailure(failures, NOW)).as("after %d failures", failures).isNull();
        }
    }

    @Test
    void locksForTheLockDurationAtTheMaximum() {
        assertThat(policy.lockAfterFailure(5, NOW)).isEqualTo(Instant.parse("2025-03-01T10:30:30Z"));
    }

    @Test
    void keepsLockingBeyondTheMaximum() {
        assertThat(policy.lockAfterFailure(6, NOW)).isEqualTo(Instant.parse("2025-03-01T10:30:30Z"));
    }

    @Test
    void rejectsAMaximumBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(15)));
        assertThatIllegalArgumentException().isThrownBy(() -> new LockoutPolicy(-1, Duration.ofMinutes(15)));
    }
}
