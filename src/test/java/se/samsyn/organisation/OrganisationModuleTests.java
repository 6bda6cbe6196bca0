package se.samsyn.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.ModuleTestClock;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Scope;

/**
 * The organisation module started on its own with its direct dependencies (audit, cluster):
 * the shipped reference data is loaded at start-up and answered through the published API.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
@Import(ModuleTestClock.class)
class OrganisationModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "organisation_module");
    }

    @Autowired
    Organisation organisation;

    @Test
    void answersFromTheShippedReferenceData() {
        assertThat(organisation.municipalities()).hasSize(290);
        assertThat(organisation.municipality("1280")).map(Municipality::name).contains("Malmö");
        assertThat(organisation.countyOf(Scope.municipality("1280"))).contains("12");
        assertThat(organisation.covers(Scope.region("12"), Scope.municipality("1280"))).isTrue();
    }
}
