package se.samsyn.prevention;

/**
 * The anonymous questionnaire result of an activity, or of a kind nationally. Figures are null when
 * the group has fewer than {@link #MIN_GROUP} answer pairs ({@code suppressed}); the improved count,
 * share and means are null (the pairs shown) when they are 0 % or 100 % of fewer than 2 × {@link #MIN_GROUP} pairs
 * ({@code shareWithheld}: such a share says of every member of a small group whether they improved,
 * an attribute disclosure; ADR 0015).
 *
 * @param instrumentCode the questionnaire
 * @param respondents    answer pairs (always shown: a count alone names no one)
 * @param improved       pairs that improved by at least the minimal difference, or null
 * @param shareImproved  percent improved, or null
 * @param meanBefore     the mean score before, or null
 * @param meanAfter      the mean score after, or null
 * @param suppressed     whether the figures are withheld: the group is under 5, or (a kind nationally)
 *                       an activity counted in it withholds its own result or share
 * @param shareWithheld  whether the improved count and share are withheld because none or all of
 *                       5 to 9 pairs improved (the means go too: the mean change set against the instrument's
 *                       minimal difference would tell whether none or all improved)
 */
public record OutcomeSummary(String instrumentCode, int respondents, Integer improved, Double shareImproved,
                             Double meanBefore, Double meanAfter, boolean suppressed, boolean shareWithheld) {

    /** The smallest group whose answers are reported (the national suppression rule of open comparisons). */
    public static final int MIN_GROUP = 5;

    /** A result whose share is not withheld as an extreme share ({@code shareWithheld} false). */
    public OutcomeSummary(String instrumentCode, int respondents, Integer improved, Double shareImproved,
                          Double meanBefore, Double meanAfter, boolean suppressed) {
        this(instrumentCode, respondents, improved, shareImproved, meanBefore, meanAfter, suppressed, false);
    }

    /**
     * Whether {@code improved} of {@code respondents} is a share to withhold as an attribute
     * disclosure (ADR 0015): 0 % or 100 % of {@link #MIN_GROUP} to 2 × {@link #MIN_GROUP} − 1 pairs.
     * A group under {@link #MIN_GROUP} is withheld whole, so is not counted here.
     */
    public static boolean extreme(int respondents, int improved) {
        return respondents >= MIN_GROUP && respondents < 2 * MIN_GROUP && (improved == 0 || improved == respondents);
    }
}
