package se.samsyn.prevention;

/**
 * The anonymous questionnaire result of an activity, or of a kind nationally. Figures are null when
 * the group has fewer than {@link #MIN_GROUP} answer pairs ({@code suppressed}).
 *
 * @param instrumentCode the questionnaire
 * @param respondents    answer pairs (always shown: a count alone names no one)
 * @param improved       pairs that improved by at least the minimal difference, or null
 * @param shareImproved  percent improved, or null
 * @param meanBefore     the mean score before, or null
 * @param meanAfter      the mean score after, or null
 * @param suppressed     whether the figures are withheld: the group is under 5, or (a kind nationally)
 *                       an activity counted in it withholds its own result
 */
public record OutcomeSummary(String instrumentCode, int respondents, Integer improved, Double shareImproved,
                             Double meanBefore, Double meanAfter, boolean suppressed) {

    /** The smallest group whose answers are reported (the national suppression rule of open comparisons). */
    public static final int MIN_GROUP = 5;
}
