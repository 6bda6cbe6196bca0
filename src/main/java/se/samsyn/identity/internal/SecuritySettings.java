package se.samsyn.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login lockout and token limits ({@code samsyn.security.*}). */
@ConfigurationProperties("samsyn.security")
record SecuritySettings(Integer maxFailedLogins, Duration lockoutDuration, Duration tokenMaxValidity) {

    public SecuritySettings {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        tokenMaxValidity = tokenMaxValidity == null ? Duration.ofDays(365) : tokenMaxValidity;
    }
}
