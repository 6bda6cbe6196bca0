package se.samsyn.prevention;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.TestDatabases;

/** {@link PreventiveActivitiesTests} on a real PostgreSQL. */
@ApplicationModuleTest
@org.springframework.context.annotation.Import(PreventiveActivitiesTests.Fixtures.class)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "management.endpoint.health.validate-group-membership=false"})
class PreventiveActivitiesPostgresIntegrationTests extends PreventiveActivitiesTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "prevention-activities");
    }
}
