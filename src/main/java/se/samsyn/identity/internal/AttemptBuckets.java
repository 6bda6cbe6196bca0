package se.samsyn.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samsyn.identity.AttemptLimits;

/**
 * The {@link AttemptLimits} as Bucket4j token buckets, one per client address and one per typed
 * account name for logins, one per client address for refused API tokens. Each bucket holds the
 * period's allowance and refills it evenly over {@code samsyn.security.limit-period} (greedy
 * refill: with 30 a minute, one attempt comes back every 2 seconds). The buckets sit in Caffeine
 * caches of at most {@code samsyn.security.limit-tracked} entries each, dropped one period after
 * their last use (by then they would be full again, so dropping them forgets nothing), so a flood
 * of addresses or names cannot grow memory. Names are keyed by their first 100 characters.
 */
@Component
class AttemptBuckets implements AttemptLimits {

    /** Typed names are keyed by at most this many characters, to bound a key's size. */
    static final int NAME_KEY_LENGTH = 100;

    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> names;
    private final Cache<String, Bucket> tokenAddresses;
    private final SecuritySettings settings;
    private final TimeMeter time;

    @Autowired
    AttemptBuckets(SecuritySettings settings) {
        this(settings, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With a clock of one's own (tests). */
    AttemptBuckets(SecuritySettings settings, TimeMeter time) {
        this.settings = settings;
        this.time = time;
        this.addresses = cache(settings);
        this.names = cache(settings);
        this.tokenAddresses = cache(settings);
    }

    private static Cache<String, Bucket> cache(SecuritySettings settings) {
        return Caffeine.newBuilder().maximumSize(settings.limitTracked())
                .expireAfterAccess(settings.limitPeriod()).build();
    }

    @Override
    public Optional<Duration> login(String clientAddress, String typedName) {
        ConsumptionProbe byAddress = bucket(addresses, addressKey(clientAddress), settings.loginsPerAddress())
                .tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return Optional.of(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byName = bucket(names, nameKey(typedName), settings.loginsPerAccount())
                .tryConsumeAndReturnRemaining(1);
        if (!byName.isConsumed()) {
            return Optional.of(Duration.ofNanos(byName.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Duration> tokensRefused(String clientAddress) {
        Bucket bucket = tokenAddresses.getIfPresent(addressKey(clientAddress));
        if (bucket == null) {
            return Optional.empty();
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Takes one refused token from the address's allowance ({@link TokenRegister} calls it for each refusal). */
    void tokenRefused(String clientAddress) {
        bucket(tokenAddresses, addressKey(clientAddress), settings.rejectedTokensPerAddress()).tryConsume(1);
    }

    private Bucket bucket(Cache<String, Bucket> cache, String key, int perPeriod) {
        return cache.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perPeriod).refillGreedy(perPeriod, settings.limitPeriod()))
                .withCustomTimePrecision(time)
                .build());
    }

    private static String addressKey(String clientAddress) {
        return clientAddress == null ? "-" : clientAddress;
    }

    static String nameKey(String typedName) {
        String name = typedName == null ? "" : typedName.trim().toLowerCase(Locale.ROOT);
        return name.length() > NAME_KEY_LENGTH ? name.substring(0, NAME_KEY_LENGTH) : name;
    }
}
