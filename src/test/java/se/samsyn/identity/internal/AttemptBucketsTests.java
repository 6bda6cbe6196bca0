package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The login and token rate limits on a clock of the test's own: 3 attempts a minute per address,
 * 2 per typed name, 2 refused tokens per address (issue 12 point 4).
 */
class AttemptBucketsTests {

    final AtomicLong nanos = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    final AttemptBuckets limits = new AttemptBuckets(
            new SecuritySettings(null, null, null, null, null, 3, 2, 2, Duration.ofMinutes(1), null), clock);

    @Test
    void aTypedNameGetsTwoAttemptsAMinuteWhateverItsCaseOrSpaces() {
        assertThat(limits.login("203.0.113.1", "Anna")).isEmpty();
        assertThat(limits.login("203.0.113.2", "anna")).isEmpty();
        // two a minute is one every 30 seconds
        assertThat(limits.login("203.0.113.3", " ANNA ")).contains(Duration.ofSeconds(30));
        assertThat(limits.login("203.0.113.3", "bo")).isEmpty();
        advance(Duration.ofSeconds(30));
        assertThat(limits.login("203.0.113.4", "anna")).isEmpty();
        assertThat(limits.login("203.0.113.4", "anna")).contains(Duration.ofSeconds(30));
    }

    @Test
    void anAddressGetsThreeAttemptsAMinuteOverAllNames() {
        assertThat(limits.login("198.51.100.7", "a")).isEmpty();
        assertThat(limits.login("198.51.100.7", "b")).isEmpty();
        assertThat(limits.login("198.51.100.7", "c")).isEmpty();
        // three a minute is one every 20 seconds
        assertThat(limits.login("198.51.100.7", "d")).contains(Duration.ofSeconds(20));
        assertThat(limits.login("198.51.100.8", "d")).isEmpty();
        advance(Duration.ofSeconds(20));
        assertThat(limits.login("198.51.100.7", "e")).isEmpty();
        assertThat(limits.login("198.51.100.7", "f")).isPresent();
    }

    @Test
    void anAddressWithTwoRefusedTokensIsRefusedUncheckedUntilOneComesBack() {
        assertThat(limits.tokensRefused("192.0.2.5")).isEmpty();
        limits.tokenRefused("192.0.2.5");
        assertThat(limits.tokensRefused("192.0.2.5")).isEmpty();
        limits.tokenRefused("192.0.2.5");
        assertThat(limits.tokensRefused("192.0.2.5")).isEqualTo(Optional.of(Duration.ofSeconds(30)));
        assertThat(limits.tokensRefused("192.0.2.6")).isEmpty();
        advance(Duration.ofSeconds(30));
        assertThat(limits.tokensRefused("192.0.2.5")).isEmpty();
    }

    @Test
    void namesAreKeyedByTheirFirstHundredCharacters() {
        assertThat(AttemptBuckets.nameKey(" Anna ")).isEqualTo("anna");
        assertThat(AttemptBuckets.nameKey(null)).isEmpty();
        assertThat(AttemptBuckets.nameKey("x".repeat(5000))).hasSize(100);
        assertThat(limits.login("203.0.113.9", "y".repeat(100) + "1")).isEmpty();
        assertThat(limits.login("203.0.113.10", "y".repeat(100) + "2")).isEmpty();
        assertThat(limits.login("203.0.113.11", "y".repeat(100) + "3")).isPresent();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
