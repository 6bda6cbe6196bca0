package se.samsyn.knowledge;

/** An entry or a collection of the knowledge guide was created, changed, archived or deleted. */
public record GuideChanged(String slug, String change) {
}
