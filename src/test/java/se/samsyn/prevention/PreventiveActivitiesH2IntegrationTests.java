package se.samsyn.prevention;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.TestDatabases;

/** {@link PreventiveActivitiesTests} on H2 in PostgreSQL mode. */
@ApplicationModuleTest
@org.springframework.context.annotation.Import(PreventiveActivitiesTests.Fixtures.class)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "management.endpoint.health.validate-group-membership=false"})
class PreventiveActivitiesH2IntegrationTests extends PreventiveActivitiesTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "prevention-activities");
    }
}
