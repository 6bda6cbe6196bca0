package se.samsyn.knowledge;

import java.time.Instant;
import java.util.List;

/** A named, curated list of entries for a theme, owned by an organisational scope. */
public record GuideCollection(long id, String slug, String title, String description, String scopeType,
                              String scopeCode, String createdBy, Instant updatedAt, List<EntrySummary> entries) {
}
