package se.samsyn.priority.internal;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import se.samsyn.priority.RankStep;

/** Renders the rule's steps as one line, for example "nytta stor → nivå 3; kostnad hög → sänkt till 5". */
public final class Explanations {

    private Explanations() {
    }

    /**
     * @param messages looks up a message key with its arguments in the reader's language
     */
    public static String render(List<RankStep> steps, BiFunction<String, Object[], String> messages) {
        return steps.stream()
                .map(s -> messages.apply(s.messageKey(), new Object[] {
                        s.valueKey() == null ? "" : messages.apply(s.valueKey(), new Object[0]),
                        s.level() == null ? "" : s.level()}))
                .collect(Collectors.joining("; "));
    }
}
