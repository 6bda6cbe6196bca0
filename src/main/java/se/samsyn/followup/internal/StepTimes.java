package se.samsyn.followup.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The time spent in each named statement or step of one batch of the store step, summed per name
 * in the order first seen, for its DEBUG log (so a profile shows which statement of a batch costs
 * what). Not thread-safe: one per store step, which runs on the import's one thread.
 */
final class StepTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds the time since {@code start} (a {@link System#nanoTime()} reading) to {@code step}. */
    void add(String step, long start) {
        nanos.merge(step, System.nanoTime() - start, Long::sum);
    }

    /** The steps as "name ms" (whole milliseconds) separated by commas, and forgets them for the next batch. */
    String drain() {
        String text = nanos.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000)
                .collect(Collectors.joining(", "));
        nanos.clear();
        return text;
    }
}
