package se.samsyn.identity.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed, owned by identity, which stores and checks them (the platform's login
 * chain uses the same bean): Argon2id for new hashes; the {@code {argon2}} or {@code {bcrypt}}
 * prefix in each stored hash lets the algorithm change later (Spring Security's
 * DelegatingPasswordEncoder).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashes {

    /** At most {@code samsyn.security.max-concurrent-password-checks} hashes run at once ({@link BoundedPasswordChecks}). */
    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new BoundedPasswordChecks(new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder())), settings.maxConcurrentPasswordChecks(),
                settings.passwordCheckWait());
    }
}
