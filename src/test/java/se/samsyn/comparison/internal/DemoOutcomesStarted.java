package se.samsyn.comparison.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.organisation.Organisation;

/**
 * The demo application as started, on an H2 database of its own, shared by the attacks that read
 * the stored outcome indicators and reports together ({@link DemoIndicatorReportDisclosureIntegrationTests},
 * {@link DemoWholeReportAttackTests}): one Spring context and one demo start for both. The gathered
 * refresh is held off (a delay of 1,000 days), so what the attacks read is what they refresh
 * themselves; both refresh the stored reports and then the computed indicators first, and neither
 * writes anything else, so their order does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data",
                "samsyn.comparison.refresh-delay=1000d"})
abstract class DemoOutcomesStarted {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_outcomes");
    }

    @Autowired
    ComparisonRepository repository;

    @Autowired
    OutcomeReports reports;

    @Autowired
    Organisation organisation;

    @Autowired
    PublishedOutcomes published;

    @Autowired
    ResultRefresh refresh;
}
