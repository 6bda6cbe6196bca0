package se.samsyn.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login lockout, password-check, rate and token limits ({@code samsyn.security.*}): failures in a
 * row before a lock (5), the lock's duration (15m), the longest token validity (365d), password
 * hashes run at once (4) and how long a login waits for a turn (5s) before it is answered "busy".
 * The rate limits ({@link AttemptBuckets}) allow {@code logins-per-address} login attempts (30) from
 * one client address and {@code logins-per-account} (10) for one typed account name per
 * {@code limit-period} (1m), and {@code rejected-tokens-per-address} (30) refused API tokens from one
 * address in the same period; {@code limit-tracked} (100,000) is the most addresses or names kept
 * in memory for each limit.
 */
@ConfigurationProperties("samsyn.security")
record SecuritySettings(Integer maxFailedLogins, Duration lockoutDuration, Duration tokenMaxValidity,
                        Integer maxConcurrentPasswordChecks, Duration passwordCheckWait,
                        Integer loginsPerAddress, Integer loginsPerAccount, Integer rejectedTokensPerAddress,
                        Duration limitPeriod, Integer limitTracked) {

    public SecuritySettings {
        maxConcurrentPasswordChecks = maxConcurrentPasswordChecks == null ? 4 : maxConcurrentPasswordChecks;
        passwordCheckWait = passwordCheckWait == null ? Duration.ofSeconds(5) : passwordCheckWait;
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        tokenMaxValidity = tokenMaxValidity == null ? Duration.ofDays(365) : tokenMaxValidity;
        loginsPerAddress = loginsPerAddress == null ? 30 : loginsPerAddress;
        loginsPerAccount = loginsPerAccount == null ? 10 : loginsPerAccount;
        rejectedTokensPerAddress = rejectedTokensPerAddress == null ? 30 : rejectedTokensPerAddress;
        limitPeriod = limitPeriod == null ? Duration.ofMinutes(1) : limitPeriod;
        limitTracked = limitTracked == null ? 100_000 : limitTracked;
    }
}
