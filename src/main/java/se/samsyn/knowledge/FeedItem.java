package se.samsyn.knowledge;

import java.time.Instant;

/** A change seen in the feed: a published, updated or archived entry. */
public record FeedItem(String slug, String title, String summary, String status, String change, int version,
                       Instant changedAt) {
}
