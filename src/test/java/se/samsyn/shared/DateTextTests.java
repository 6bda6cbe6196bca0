package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A well-shaped date that names no day is an invalid date, not a format error. */
class DateTextTests {

    @Test
    void aWellShapedDayThatDoesNotExistIsAnInvalidDate() {
        assertThat(DateText.problemKey("2026-13-01", "x.format")).isEqualTo("form.error.date-invalid");
        assertThat(DateText.problemKey(" 2026-02-30 ", "x.format")).isEqualTo("form.error.date-invalid");
    }

    @Test
    void anythingElseKeepsTheCallersFormatMessage() {
        assertThat(DateText.problemKey("2026-1-01", "x.format")).isEqualTo("x.format");
        assertThat(DateText.problemKey("1 mars 2026", "x.format")).isEqualTo("x.format");
        assertThat(DateText.problemKey(null, "x.format")).isEqualTo("x.format");
    }
}
