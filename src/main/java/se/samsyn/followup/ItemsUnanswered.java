package se.samsyn.followup;

import java.util.List;

/**
 * A measurement whose instrument items were not all answered. Nothing is stored: an unanswered
 * item is never read as the lowest answer. {@link #items()} names every unanswered item by its
 * 1-based number; the message key {@code followup.answers.missing} takes them as "2, 4". Answered
 * 422 with the problem properties {@code field} "answers", {@code code} "items-unanswered" and
 * {@code items} [2, 4].
 */
public class ItemsUnanswered extends FollowupRejected {

    private static final long serialVersionUID = 1L;

    /** The problem code of this refusal in the API. */
    public static final String CODE = "items-unanswered";

    /** The message key: items left unanswered, {0} their numbers. */
    public static final String MESSAGE_KEY = "followup.answers.missing";

    private final List<Integer> items;

    /** @param items the unanswered items' 1-based numbers, ascending, at least one */
    public ItemsUnanswered(List<Integer> items) {
        super("answers", MESSAGE_KEY);
        this.items = List.copyOf(items);
        property("code", CODE);
        property("items", this.items);
    }

    /** The unanswered items' numbers, ascending, at least one. */
    public List<Integer> items() {
        return items;
    }

    /** The item numbers as the message shows them, for example "2, 4". */
    public String itemList() {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }

    /** One argument: {@link #itemList()}. */
    @Override
    public Object[] messageArguments() {
        return new Object[] {itemList()};
    }
}
