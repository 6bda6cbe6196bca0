package se.samsyn.trials.internal;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.TestDatabases;

/** {@link TrialsTests} on H2 in PostgreSQL mode; the trials module started on its own (the module test). */
@ApplicationModuleTest
@org.springframework.context.annotation.Import(TrialsTests.Fixtures.class)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "management.endpoint.health.validate-group-membership=false"})
class TrialsH2IntegrationTests extends TrialsTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "trials");
    }
}
