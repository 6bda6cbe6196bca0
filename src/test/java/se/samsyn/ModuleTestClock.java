package se.samsyn;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The clock the platform module provides in the running application (the system clock in UTC),
 * for an {@code @ApplicationModuleTest} that starts a module without the platform:
 * {@code @Import(ModuleTestClock.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
