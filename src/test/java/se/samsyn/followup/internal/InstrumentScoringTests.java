package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.internal.InstrumentScoring.Item;

class InstrumentScoringTests {

    /** WHO-5: five items answered 0–5, raw sum times 4 gives 0–100. */
    private static final List<Item> WHO5 = List.of(
            new Item(1, 0, 5), new Item(2, 0, 5), new Item(3, 0, 5), new Item(4, 0, 5), new Item(5, 0, 5));

    private static double who5(Integer... answers) {
        return InstrumentScoring.score(WHO5, Arrays.asList(answers), ScoringRule.SUM, 4);
    }

    private static InvalidAnswers rejectionOf(Executable scoring) {
        InvalidAnswers rejection = catchThrowableOfType(InvalidAnswers.class, scoring::execute);
        assertThat(rejection).isNotNull();
        return rejection;
    }

    @Test
    void scoresWho5AsFourTimesTheSum() {
        assertThat(who5(5, 4, 3, 3, 2)).isEqualTo(68.0);
    }

    @Test
    void scoresTheBestWho5AsAHundred() {
        assertThat(who5(5, 5, 5, 5, 5)).isEqualTo(100.0);
    }

    @Test
    void scoresTheWorstWho5AsZero() {
        assertThat(who5(0, 0, 0, 0, 0)).isEqualTo(0.0);
    }

    @Test
    void scoresTheMeanTimesTheMultiplier() {
        List<Item> items = List.of(new Item(1, 1, 4), new Item(2, 1, 4), new Item(3, 1, 4), new Item(4, 1, 4));

        assertThat(InstrumentScoring.score(items, List.of(1, 2, 4, 3), ScoringRule.MEAN, 1)).isEqualTo(2.5);
        assertThat(InstrumentScoring.score(items, List.of(1, 2, 4, 3), ScoringRule.MEAN, 10)).isEqualTo(25.0);
        assertThat(InstrumentScoring.score(items, List.of(4, 4, 4, 3), ScoringRule.MEAN, 1)).isEqualTo(3.75);
    }

    @Test
    void scoresTheSumWithoutRescalingWhenTheMultiplierIsOne() {
        assertThat(InstrumentScoring.score(WHO5, List.of(5, 4, 3, 3, 2), ScoringRule.SUM, 1)).isEqualTo(17.0);
    }

    @Test
    void acceptsAnswersAtBothEndsOfEachItemsOwnRange() {
        List<Item> items = List.of(new Item(1, 1, 3), new Item(2, -2, 2), new Item(3, 0, 10));

        assertThat(InstrumentScoring.score(items, List.of(1, -2, 10), ScoringRule.SUM, 1)).isEqualTo(9.0);
        assertThat(InstrumentScoring.score(items, List.of(3, 2, 0), ScoringRule.SUM, 1)).isEqualTo(5.0);
    }

    @Test
    void namesTheItemsATooShortListLeavesUnanswered() {
        InvalidAnswers rejection = rejectionOf(() -> who5(5, 4, 3));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.missing");
        assertThat(rejection.items()).containsExactly(4, 5);
    }

    @Test
    void rejectsTooManyAnswers() {
        InvalidAnswers rejection = rejectionOf(() -> who5(5, 4, 3, 3, 2, 1));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.count");
        assertThat(rejection.item()).isZero();
    }

    @Test
    void rejectsMissingAnswers() {
        assertThat(rejectionOf(() -> InstrumentScoring.score(WHO5, List.of(), ScoringRule.SUM, 4)).messageKey())
                .isEqualTo("followup.answers.count");
        assertThat(rejectionOf(() -> InstrumentScoring.score(WHO5, null, ScoringRule.SUM, 4)).messageKey())
                .isEqualTo("followup.answers.count");
    }

    @Test
    void rejectsScoringAnInstrumentWithoutItems() {
        InvalidAnswers rejection = rejectionOf(() -> InstrumentScoring.score(List.of(), List.of(), ScoringRule.MEAN, 1));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.count");
        assertThat(rejection.item()).isZero();
    }

    @Test
    void rejectsAnAnswerAboveItsRangeAndNamesTheItem() {
        InvalidAnswers rejection = rejectionOf(() -> who5(5, 4, 6, 3, 2));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.range");
        assertThat(rejection.item()).isEqualTo(3);
    }

    @Test
    void rejectsAnAnswerBelowItsRangeAndNamesTheItem() {
        InvalidAnswers rejection = rejectionOf(() -> who5(5, 4, 3, 3, -1));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.range");
        assertThat(rejection.item()).isEqualTo(5);
    }

    @Test
    void namesTheFirstItemOutOfRange() {
        assertThat(rejectionOf(() -> who5(9, 4, 3, 3, 9)).item()).isEqualTo(1);
    }

    @Test
    void rejectsAnUnansweredItem() {
        InvalidAnswers rejection = rejectionOf(() -> who5(5, null, 3, 3, 2));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.missing");
        assertThat(rejection.items()).containsExactly(2);
    }

    @Test
    void namesEveryUnansweredItemBeforeLookingAtRanges() {
        InvalidAnswers rejection = rejectionOf(() -> who5(null, 9, null, 3, null));

        assertThat(rejection.messageKey()).isEqualTo("followup.answers.missing");
        assertThat(rejection.items()).containsExactly(1, 3, 5);
    }

    @Test
    void anUntouchedFormIsNeverScored() {
        InvalidAnswers rejection = rejectionOf(() -> who5(null, null, null, null, null));

        assertThat(rejection.items()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void checksEachAnswerAgainstItsOwnItem() {
        List<Item> items = List.of(new Item(1, 0, 5), new Item(2, 1, 3));

        assertThat(rejectionOf(() -> InstrumentScoring.score(items, List.of(5, 5), ScoringRule.SUM, 1)).item()).isEqualTo(2);
        assertThat(rejectionOf(() -> InstrumentScoring.score(items, List.of(0, 0), ScoringRule.SUM, 1)).item()).isEqualTo(2);
    }

    @Test
    void rejectsAnItemWhoseMinimumExceedsItsMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Item(1, 5, 0));
    }
}
