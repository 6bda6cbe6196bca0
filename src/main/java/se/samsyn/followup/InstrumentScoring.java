package se.samsyn.followup;

import java.util.List;
import java.util.Objects;

/**
 * Scores item answers by an instrument's rule: the sum or the mean, times a rescaling factor
 * (WHO-5, for example, multiplies its raw sum by 4 to give a 0–100 scale).
 */
public final class InstrumentScoring {

    public record Item(int number, int min, int max) {

        public Item {
            if (min > max) {
                throw new IllegalArgumentException("An item's minimum cannot exceed its maximum");
            }
        }
    }

    public enum Rule { SUM, MEAN }

    private InstrumentScoring() {
    }

    /**
     * @throws InvalidAnswers when there is not exactly one answer per item, or an answer is missing
     *         or outside its item's range; a score from such answers would look valid but mean nothing
     */
    public static double score(List<Item> items, List<Integer> answers, Rule rule, double multiplier) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(rule, "rule");
        // An instrument without items has no answers to score; treating that as zero would invent a result.
        if (answers == null || items.isEmpty() || answers.size() != items.size()) {
            throw new InvalidAnswers(InvalidAnswers.COUNT, 0);
        }
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            Integer answer = answers.get(i);
            Item item = items.get(i);
            if (answer == null || answer < item.min() || answer > item.max()) {
                throw new InvalidAnswers(InvalidAnswers.RANGE, i + 1);
            }
            sum += answer;
        }
        double raw = rule == Rule.SUM ? sum : sum / items.size();
        return raw * multiplier;
    }
}
