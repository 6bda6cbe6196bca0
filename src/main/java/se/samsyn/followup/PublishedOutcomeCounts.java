package se.samsyn.followup;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import se.samsyn.shared.Scope;

/**
 * The published n of one row of the stored calendar-year outcome reports of one instrument and
 * year (ADR 0015), for the nation, every region and every municipality with a client that year:
 * protected aggregates as a reader outside the owning unit sees them, not individual data.
 *
 * @param countedAt when the stored reports' counts were read (the reports' "as of")
 * @param n         per scope ({@link Scope#nation()}, {@link Scope#region}, {@link Scope#municipality})
 *                  the n of the row by sex (T, K, M): a count of clients, null where the report
 *                  hides it; a scope without a client that year, or without the row, is absent
 */
public record PublishedOutcomeCounts(Instant countedAt, Map<Scope, Map<String, Integer>> n) {

    /** Copies {@code n} (its null values kept) and makes it unmodifiable. */
    public PublishedOutcomeCounts {
        Map<Scope, Map<String, Integer>> copy = new LinkedHashMap<>();
        n.forEach((scope, bySex) -> copy.put(scope, Collections.unmodifiableMap(new LinkedHashMap<>(bySex))));
        n = Collections.unmodifiableMap(copy);
    }
}
