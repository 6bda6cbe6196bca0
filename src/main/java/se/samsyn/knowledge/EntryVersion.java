package se.samsyn.knowledge;

import java.time.Instant;

/** One saved version of an entry. {@code change} is created, edited, submitted, published, returned, archived or restored. */
public record EntryVersion(int version, String status, String change, Instant changedAt, String changedBy) {
}
