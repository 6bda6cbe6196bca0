package se.samsyn.competence;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.TestDatabases;

/** {@link StaffRegisterTests} on a real PostgreSQL. */
@ApplicationModuleTest
@org.springframework.context.annotation.Import(StaffRegisterTests.Fixtures.class)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "management.endpoint.health.validate-group-membership=false"})
class StaffRegisterPostgresIntegrationTests extends StaffRegisterTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "competence-staff");
    }
}
