package se.samsyn.priority;

import java.time.Instant;
import se.samsyn.shared.Scope;

/** A published list that anyone may read. */
public record ListSummary(long processId, String name, Scope scope, PriorityMode mode, int version,
                          Instant publishedAt, int pairs) {
}
