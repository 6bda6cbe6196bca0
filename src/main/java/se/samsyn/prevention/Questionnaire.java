package se.samsyn.prevention;

import java.util.List;

/**
 * An anonymous instrument: WHO-5 (built in) or a short one a national analyst defines. A score is
 * the sum of the item answers times {@code scoreFactor}; a pair of answers is "improved" when the
 * change in the better direction is at least {@code minimalDifference} score points.
 *
 * @param code              lower-case code, for example {@code who-5}
 * @param nameSv            the Swedish name
 * @param nameEn            the English name
 * @param items             how many items (1-20)
 * @param itemMin           the lowest answer of an item
 * @param itemMax           the highest answer of an item
 * @param scoreFactor       the factor from raw sum to score (WHO-5: 4, giving 0-100)
 * @param higherIsBetter    whether a higher score is better
 * @param minimalDifference the smallest change that counts as improvement, in score points
 * @param builtIn           whether it ships with Samsyn (and cannot be changed)
 */
public record Questionnaire(String code, String nameSv, String nameEn, int items, int itemMin, int itemMax,
                            double scoreFactor, boolean higherIsBetter, double minimalDifference, boolean builtIn) {

    /**
     * The score of one answer sheet.
     *
     * @throws PreventionRejected {@code answers} with {@code prevention.error.answers} when the number of
     *         answers or a value is outside the instrument
     */
    public double score(List<Integer> answers, String field) {
        if (answers == null || answers.size() != items || answers.stream().anyMatch(a -> a == null || a < itemMin || a > itemMax)) {
            throw new PreventionRejected(field, "prevention.error.answers");
        }
        return answers.stream().mapToInt(Integer::intValue).sum() * scoreFactor;
    }

    /** Whether the change from {@code before} to {@code after} counts as an improvement. */
    public boolean improved(double before, double after) {
        return (after - before) * (higherIsBetter ? 1 : -1) >= minimalDifference;
    }

    /** The name in the language asked for ({@code en} gives English, everything else Swedish). */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameSv;
    }
}
