package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one number and date format: exact strings, with the no-break space written out as \u00a0. */
class SwedishNumbersTests {

    @Test
    void countsHaveNoDecimalsAndGroupThousandsBySpace() {
        assertThat(SwedishNumbers.count(4693.0)).isEqualTo("4\u00a0693");
        assertThat(SwedishNumbers.count(357377)).isEqualTo("357\u00a0377");
        assertThat(SwedishNumbers.count(10765475L)).isEqualTo("10\u00a0765\u00a0475");
        assertThat(SwedishNumbers.count(999)).isEqualTo("999");
        assertThat(SwedishNumbers.count(0)).isEqualTo("0");
        assertThat(SwedishNumbers.count(1000)).isEqualTo("1\u00a0000");
        assertThat(SwedishNumbers.count(2.5)).isEqualTo("3");
        assertThat(SwedishNumbers.count(-12345)).isEqualTo("-12\u00a0345");
        assertThat(SwedishNumbers.count(null)).isEqualTo("-");
    }

    @Test
    void decimalsUseACommaAndKeepTheGrouping() {
        assertThat(SwedishNumbers.decimal(10765475.4, 1)).isEqualTo("10\u00a0765\u00a0475,4");
        assertThat(SwedishNumbers.decimal(4.05, 1)).isEqualTo("4,1");
        assertThat(SwedishNumbers.decimal(-0.04, 1)).isEqualTo("0,0");
        assertThat(SwedishNumbers.decimal(-1234.56, 2)).isEqualTo("-1\u00a0234,56");
        assertThat(SwedishNumbers.decimal(new BigDecimal("0.5"), 0)).isEqualTo("1");
        assertThat(SwedishNumbers.decimal(Double.NaN, 1)).isEqualTo("-");
        assertThat(SwedishNumbers.decimal(Double.POSITIVE_INFINITY, 1)).isEqualTo("-");
        assertThatThrownBy(() -> SwedishNumbers.decimal(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuredValuesShowTwoDecimalsBelowTenAndOneAbove() {
        assertThat(SwedishNumbers.value(4.123)).isEqualTo("4,12");
        assertThat(SwedishNumbers.value(-9.999)).isEqualTo("-10,00");
        assertThat(SwedishNumbers.value(10)).isEqualTo("10,0");
        assertThat(SwedishNumbers.value(12345.67)).isEqualTo("12\u00a0345,7");
        assertThat(SwedishNumbers.value(null)).isEqualTo("-");
    }

    @Test
    void countsAndKronorInAnIndicatorAreWhole() {
        assertThat(SwedishNumbers.measured(4693.0, "count")).isEqualTo("4\u00a0693");
        assertThat(SwedishNumbers.measured(10765475.4, "sek")).isEqualTo("10\u00a0765\u00a0475");
        assertThat(SwedishNumbers.measured(41.25, "percent")).isEqualTo("41,3");
        assertThat(SwedishNumbers.measured(null, "count")).isEqualTo("-");
    }

    @Test
    void percentAndDates() {
        assertThat(SwedishNumbers.percent(4.06)).isEqualTo("4,1\u00a0%");
        assertThat(SwedishNumbers.percent(null)).isEqualTo("-");
        assertThat(SwedishNumbers.date(LocalDate.of(2026, 1, 3))).isEqualTo("2026-01-03");
        assertThat(SwedishNumbers.date(null)).isEqualTo("-");
    }
}
