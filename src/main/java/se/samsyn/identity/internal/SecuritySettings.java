package se.samsyn.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login lockout, password-check and token limits ({@code samsyn.security.*}): failures in a row
 * before a lock (5), the lock's duration (15m), the longest token validity (365d), password hashes
 * run at once (4) and how long a login waits for a turn (5s) before it is answered "busy".
 */
@ConfigurationProperties("samsyn.security")
record SecuritySettings(Integer maxFailedLogins, Duration lockoutDuration, Duration tokenMaxValidity,
                        Integer maxConcurrentPasswordChecks, Duration passwordCheckWait) {

    public SecuritySettings {
        maxConcurrentPasswordChecks = maxConcurrentPasswordChecks == null ? 4 : maxConcurrentPasswordChecks;
        passwordCheckWait = passwordCheckWait == null ? Duration.ofSeconds(5) : passwordCheckWait;
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        tokenMaxValidity = tokenMaxValidity == null ? Duration.ofDays(365) : tokenMaxValidity;
    }
}
