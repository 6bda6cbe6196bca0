package se.samsyn.followup.internal;

import java.util.List;
import se.samsyn.followup.ItemsUnanswered;

/**
 * Item answers that do not fit the instrument they were given for: the wrong number of answers
 * ({@link #COUNT}), items left unanswered ({@link #MISSING}, every such item named), or an answer
 * outside its item's scale ({@link #RANGE}, the first such item named).
 */
class InvalidAnswers extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Message key: the wrong number of answers. */
    public static final String COUNT = "followup.answers.count";
    /** Message key: items left unanswered, {0} their numbers. */
    public static final String MISSING = ItemsUnanswered.MESSAGE_KEY;
    /** Message key: an answer outside its item's scale, {0} the item. */
    public static final String RANGE = "followup.answers.range";

    private final String messageKey;
    private final List<Integer> items;

    InvalidAnswers(String messageKey, List<Integer> items) {
        super(items.isEmpty() ? messageKey : messageKey + " (items " + items + ")");
        this.messageKey = messageKey;
        this.items = List.copyOf(items);
    }

    InvalidAnswers(String messageKey, int item) {
        this(messageKey, item == 0 ? List.of() : List.of(item));
    }

    /** Why the answers were refused: {@link #COUNT}, {@link #MISSING} or {@link #RANGE}. */
    public String messageKey() {
        return messageKey;
    }

    /** The 1-based position of the first wrong or unanswered item, or 0 when the number of answers was wrong. */
    public int item() {
        return items.isEmpty() ? 0 : items.get(0);
    }

    /** The 1-based positions of every unanswered item (for {@link #MISSING}), or the one wrong item; empty for COUNT. */
    public List<Integer> items() {
        return items;
    }
}
