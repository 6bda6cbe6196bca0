package se.samsyn.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * One application with the demo data (MockMvc, H2 database {@code demo_pages}), shared by the page
 * tests that leave the demo's data as they found it: {@link EnglishPagesIntegrationTests},
 * {@link NamesNotCodesIntegrationTests}, {@link PlacePickersIntegrationTests} and
 * {@link FiniteNumbersIntegrationTests}. They read pages and API answers; what they post is refused
 * (a user with an unknown scope, 422) or a failed login (an audit row and a failed-login count of
 * demo-lund, whom none of them signs in as). A test class that extends this class and adds no
 * configuration of its own reuses the cached context, so the demo is loaded once for all of them
 * instead of once each (about 30 s per start on a 2-core machine).
 *
 * <p>A test that changes data others read (users, units, imports, follow-up facts) needs a
 * database of its own instead ({@link TestDatabases#h2}).
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
abstract class DemoPagesApplication {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_pages");
    }
}
