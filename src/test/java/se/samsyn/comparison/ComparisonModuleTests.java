package se.samsyn.comparison;

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

/**
 * The comparison module started with the modules it depends on (and theirs), without identity,
 * priority or demo data: the seeded catalogue is answered through the published API, with the
 * colour shares from the configuration's defaults.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
@Import(ModuleTestClock.class)
class ComparisonModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "comparison_module");
    }

    @Autowired
    Indicators indicators;

    @Autowired
    Comparisons comparisons;

    @Test
    void answersTheSeededCatalogueThroughItsApi() {
        Indicator who5 = indicators.find(null, "S00001").orElseThrow();
        assertThat(who5.direction()).isEqualTo(Direction.HIGHER_BETTER);
        assertThat(who5.template()).isEqualTo(Template.IMPROVED_SHARE);
        assertThat(who5.instrumentCode()).isEqualTo("who5");
        assertThat(who5.published()).isTrue();
        assertThat(indicators.mayManage(null)).isFalse();
        assertThat(comparisons.greenPercent()).isEqualTo(25.0);
        assertThat(comparisons.redPercent()).isEqualTo(25.0);
    }
}
