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

    /**
     * The municipalities within a scope, read from the cached list, are the ones the scope covers
     * (the way they were found before: one county lookup per municipality), for every region, the
     * nation, a municipality and a unit; Skåne (12) has 33 municipalities.
     */
    @Test
    void municipalitiesWithinAScopeAreTheOnesItCovers() {
        java.util.List<Scope> scopes = new java.util.ArrayList<>(organisation.counties().stream()
                .map(c -> Scope.region(c.code())).toList());
        scopes.addAll(java.util.List.of(Scope.nation(), Scope.municipality("1280"), Scope.unit("1280-X")));
        for (Scope scope : scopes) {
            assertThat(organisation.municipalitiesWithin(scope)).as(scope.toString())
                    .isEqualTo(organisation.municipalities().stream()
                            .filter(m -> organisation.covers(scope, Scope.municipality(m.code()))).toList());
        }
        assertThat(organisation.municipalitiesWithin(Scope.region("12"))).hasSize(33)
                .extracting(Municipality::name).contains("Malmö", "Lund");
        assertThat(organisation.municipalitiesWithin(Scope.nation())).hasSize(290);
    }
}
