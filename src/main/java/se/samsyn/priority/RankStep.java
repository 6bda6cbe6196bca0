package se.samsyn.priority;

/**
 * One step of the rule that moved (or fixed) the recommendation, as a code and arguments so that
 * it can be shown in any language: message {@code priority.step.<code>} with the label of
 * {@code valueKey} as {0} and {@code level} as {1}.
 */
public record RankStep(String code, String valueKey, Integer level) {

    /** The message key of the step's text: {@code priority.step.<code>}. */
    public String messageKey() {
        return "priority.step." + code;
    }
}
