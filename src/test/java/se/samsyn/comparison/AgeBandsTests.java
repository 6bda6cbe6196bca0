package se.samsyn.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgeBandsTests {

    @Test
    void bandsAreParsedInTheirOwnOrderAndGiveTheirAgeRange() {
        assertThat(AgeBands.parse(" 80+, 65-79 ")).containsExactly("65-79", "80+");
        assertThat(AgeBands.range(AgeBands.parse("65-79,80+"))).containsExactly(65, 150);
        assertThat(AgeBands.range(AgeBands.parse("20-64"))).containsExactly(20, 64);
        assertThat(AgeBands.parse("")).isEqualTo(AgeBands.ALL);
        assertThat(AgeBands.range(AgeBands.ALL)).containsExactly(0, 150);
    }

    @Test
    void anUnknownBandIsRefused() {
        assertThatThrownBy(() -> AgeBands.parse("18-64")).isInstanceOf(IllegalArgumentException.class);
    }
}
