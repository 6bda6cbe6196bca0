package se.samsyn.competence;

/**
 * A training that can close a gap: a published knowledge-guide entry of type training.
 *
 * @param slug  the entry's slug, linking to {@code /guide/entries/{slug}}
 * @param title the entry's title
 */
public record Training(String slug, String title) {
}
