package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.internal.BaselineRule.Measured;
import se.samsyn.followup.internal.BaselineRule.Row;

/** The baseline-confirmation rule on small fixtures, without a database. */
class BaselineRuleTests {

    private static Measured who5(String timePoint, String on) {
        return new Measured("who5", timePoint, LocalDate.parse(on));
    }

    private static String describe(BaselineNeedsConfirmation c) {
        return c.reason() + " " + c.existingOn() + " " + c.measuredOn();
    }

    @Test
    void aFirstBaselineBeforeEveryFollowUpNeedsNoConfirmation() {
        assertThat(BaselineRule.conflict(List.of(), "who5", LocalDate.of(2025, 1, 1))).isEmpty();
        assertThat(BaselineRule.conflict(List.of(who5("followup-6m", "2025-07-01"),
                new Measured("audit", "baseline", LocalDate.of(2024, 1, 1))), "who5", LocalDate.of(2025, 1, 1)))
                .as("a later follow-up and another instrument's baseline do not count").isEmpty();
        assertThat(BaselineRule.conflict(List.of(who5("baseline", "2025-01-01")), "who5", LocalDate.of(2025, 1, 1)))
                .as("the same baseline again is the same entry, not a second").isEmpty();
    }

    @Test
    void aSecondBaselineNamesTheEarliestExistingOne() {
        assertThat(BaselineRule.conflict(List.of(who5("baseline", "2025-03-01"), who5("baseline", "2025-02-01"),
                who5("followup-6m", "2025-01-01")), "who5", LocalDate.of(2025, 5, 1)).map(BaselineRuleTests::describe))
                .contains("SECOND_BASELINE 2025-02-01 2025-05-01");
    }

    @Test
    void aBaselineAfterAFollowUpNamesTheEarliestFollowUp() {
        assertThat(BaselineRule.conflict(List.of(who5("end", "2025-04-01"), who5("followup-6m", "2025-03-01"),
                who5("followup-12m", "2025-09-01")), "who5", LocalDate.of(2025, 5, 1)).map(BaselineRuleTests::describe))
                .contains("AFTER_FOLLOWUP 2025-03-01 2025-05-01");
    }

    @Test
    void confirmWordsAreYesOrNoInSwedishOrEnglishAndAnythingElseIsAProblem() {
        for (String yes : List.of("ja", "JA", " yes ", "True", "1")) {
            assertThat(BaselineRule.confirmed(yes)).as(yes).isTrue();
            assertThat(BaselineRule.confirmation(yes)).as(yes).isNull();
        }
        for (String no : List.of("", "nej", "No", "false", "0")) {
            assertThat(BaselineRule.confirmed(no)).as(no).isFalse();
            assertThat(BaselineRule.confirmation(no)).as(no).isNull();
        }
        assertThat(BaselineRule.confirmed(null)).isFalse();
        assertThat(BaselineRule.confirmation("kanske"))
                .isEqualTo(new FollowupChecks.Problem("confirm", "import.error.confirm"));
        assertThat(BaselineRule.columns(List.of("a", "b"))).containsExactly("a", "b", "confirm");
    }

    @Test
    void inAFileTheFirstBaselineStandsAndLaterOnesOrLateOnesNeedConfirmation() {
        List<Row> rows = List.of(
                new Row(2, 1, who5("baseline", "2025-01-10"), false),
                new Row(3, 1, who5("baseline", "2025-02-10"), false),
                new Row(4, 2, who5("followup-6m", "2025-03-01"), false),
                new Row(5, 2, who5("baseline", "2025-04-01"), false),
                new Row(6, 3, who5("baseline", "2025-04-01"), true),
                new Row(7, 4, who5("baseline", "2025-06-01"), false));
        Map<Long, List<Measured>> stored = Map.of(3L, List.of(who5("baseline", "2025-01-01")),
                4L, List.of(who5("baseline", "2025-05-01")));
        Map<Long, BaselineNeedsConfirmation> problems = BaselineRule.unconfirmed(rows, stored);
        assertThat(problems.keySet()).containsExactly(3L, 5L, 7L);
        assertThat(describe(problems.get(3L))).isEqualTo("SECOND_BASELINE 2025-01-10 2025-02-10");
        assertThat(describe(problems.get(5L))).isEqualTo("AFTER_FOLLOWUP 2025-03-01 2025-04-01");
        assertThat(describe(problems.get(7L))).isEqualTo("SECOND_BASELINE 2025-05-01 2025-06-01");
        assertThat(BaselineRule.importKey(problems.get(5L))).isEqualTo("import.error.baseline-after-followup");
        assertThat(BaselineRule.importKey(problems.get(3L))).isEqualTo("import.error.baseline-second");
    }
}
