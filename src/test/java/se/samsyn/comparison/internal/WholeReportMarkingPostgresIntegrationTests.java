package se.samsyn.comparison.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
                "samsyn.comparison.refresh-delay=1000d", "samsyn.followup.outcome-protection-delay=1000d"})
class WholeReportMarkingPostgresIntegrationTests extends WholeReportMarkingTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "whole_report_marking");
    }
}
