package se.samsyn.knowledge;

/** A title suggestion while typing: the entry's slug, title and type code. */
public record Suggestion(String slug, String title, String type) {
}
