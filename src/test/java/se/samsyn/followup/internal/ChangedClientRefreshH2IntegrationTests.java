package se.samsyn.followup.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/** The gathered refresh is held off ({@code refresh-delay}), so the tests decide when the stored rows are refreshed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "samsyn.comparison.refresh-delay=1000d",
                "samsyn.followup.outcome-protection-delay=1000d"})
class ChangedClientRefreshH2IntegrationTests extends ChangedClientRefreshTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "changed_clients");
    }
}
