package se.samsyn.followup.internal;

import java.util.List;
import java.util.Objects;
import se.samsyn.followup.ScoringRule;

/**
 * Scores item answers by an instrument's rule: the sum or the mean, times a rescaling factor
 * (WHO-5, for example, multiplies its raw sum by 4 to give a 0–100 scale).
 */
final class InstrumentScoring {

    public record Item(int number, int min, int max) {

        public Item {
            if (min > max) {
                throw new IllegalArgumentException("An item's minimum cannot exceed its maximum");
            }
        }
    }

    private InstrumentScoring() {
    }

    /**
     * Scores one answer per item, in item order; an unanswered item is {@code null} (or absent at the
     * end of a shorter list). No answer is ever assumed: an untouched form must not become a score.
     *
     * @return the raw sum (or mean) of the answers times {@code multiplier}, in the instrument's units
     * @throws InvalidAnswers {@code followup.answers.count} when no answers were given, the instrument
     *         has no items, or there are more answers than items; {@code followup.answers.missing}
     *         naming every unanswered item; {@code followup.answers.range} naming the first answer
     *         outside its item's scale. A score from such answers would look valid but mean nothing.
     */
    public static double score(List<Item> items, List<Integer> answers, ScoringRule rule, double multiplier) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(rule, "rule");
        // An instrument without items has no answers to score; treating that as zero would invent a result.
        if (answers == null || answers.isEmpty() || items.isEmpty() || answers.size() > items.size()) {
            throw new InvalidAnswers(InvalidAnswers.COUNT, 0);
        }
        List<Integer> unanswered = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i >= answers.size() || answers.get(i) == null) {
                unanswered.add(i + 1);
            }
        }
        if (!unanswered.isEmpty()) {
            throw new InvalidAnswers(InvalidAnswers.MISSING, unanswered);
        }
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            int answer = answers.get(i);
            Item item = items.get(i);
            if (answer < item.min() || answer > item.max()) {
                throw new InvalidAnswers(InvalidAnswers.RANGE, i + 1);
            }
            sum += answer;
        }
        double raw = rule == ScoringRule.SUM ? sum : sum / items.size();
        return raw * multiplier;
    }
}
