package se.samsyn.followup;

import java.util.List;

/**
 * A measurement whose instrument items were not all answered. Nothing is stored: an unanswered
 * item is never read as the lowest answer. {@link #items()} names every unanswered item by its
 * 1-based number; the message key {@code followup.answers.missing} takes them as "2, 4".
 */
public class ItemsUnanswered extends FollowupRejected {

    private static final long serialVersionUID = 1L;

    private final List<Integer> items;

    public ItemsUnanswered(List<Integer> items) {
        super("answers", InvalidAnswers.MISSING);
        this.items = List.copyOf(items);
        property("code", "items-unanswered");
        property("items", this.items);
    }

    /** The message's one argument: the item list, for example "2, 4". */
    @Override
    public Object[] messageArguments() {
        return new Object[] {itemList()};
    }

    /** The unanswered items' numbers, ascending, at least one. */
    public List<Integer> items() {
        return items;
    }

    /** The item numbers as the message shows them, for example "2, 4". */
    public String itemList() {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }
}
