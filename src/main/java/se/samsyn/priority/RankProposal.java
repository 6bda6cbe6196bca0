package se.samsyn.priority;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The rule's proposed recommendation with every step that moved it, in order. */
public record RankProposal(Recommendation recommendation, List<RankStep> steps) {

    /** Keeps an unmodifiable copy of the steps. */
    public RankProposal {
        steps = List.copyOf(steps);
    }

    /**
     * The steps as one line in the reader's language, for example "nytta stor → nivå 3; kostnad hög
     * → sänkt till 5": each step's message {@code priority.step.<code>} with the label of its value
     * as {0} and its level as {1}, joined by "; ".
     *
     * @param messages looks up a message key with its arguments in the reader's language
     */
    public String explanation(BiFunction<String, Object[], String> messages) {
        return steps.stream()
                .map(s -> messages.apply(s.messageKey(), new Object[] {
                        s.valueKey() == null ? "" : messages.apply(s.valueKey(), new Object[0]),
                        s.level() == null ? "" : s.level()}))
                .collect(Collectors.joining("; "));
    }
}
