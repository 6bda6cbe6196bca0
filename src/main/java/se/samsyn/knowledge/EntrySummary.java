package se.samsyn.knowledge;

/** A short form of an entry for lists. */
public record EntrySummary(String slug, String type, String title, String summary, String publisher,
                           String status) {
}
