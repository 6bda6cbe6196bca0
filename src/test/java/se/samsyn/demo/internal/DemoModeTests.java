package se.samsyn.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoModeTests {

    private static final String H2 = "jdbc:h2:file:./data/x";
    private static final String POSTGRES = "jdbc:postgresql://db.example.se:5432/samsyn";

    @Test
    void autoIsOnForEmbeddedH2() {
        assertThat(new DemoMode("auto", H2).enabled()).isTrue();
    }

    @Test
    void autoIsOffForPostgres() {
        assertThat(new DemoMode("auto", POSTGRES).enabled()).isFalse();
    }

    @Test
    void missingOrBlankSettingMeansAuto() {
        assertThat(new DemoMode(null, H2).enabled()).isTrue();
        assertThat(new DemoMode(" ", H2).enabled()).isTrue();
        assertThat(new DemoMode(null, POSTGRES).enabled()).isFalse();
        assertThat(new DemoMode("auto", null).enabled()).isFalse();
    }

    @Test
    void trueForcesDemoModeOnForPostgres() {
        assertThat(new DemoMode("true", POSTGRES).enabled()).isTrue();
        assertThat(new DemoMode(" TRUE ", POSTGRES).enabled()).isTrue();
    }

    @Test
    void falseTurnsDemoModeOffForH2() {
        assertThat(new DemoMode("false", H2).enabled()).isFalse();
    }
}
