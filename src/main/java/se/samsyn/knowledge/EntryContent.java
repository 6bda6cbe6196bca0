package se.samsyn.knowledge;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The editable content of an entry: what a form, the API and an import row carry. Codes as in
 * {@link Entry}; lists are never null (null becomes empty). Whether the content is valid is decided
 * when it is saved ({@link EntryRejected} with the field and a {@code guide.error.*} key).
 */
public record EntryContent(String slug, String type, String title, String summary, String body,
                           List<String> focusAreas, List<String> targetGroups, String publisher,
                           String evidence, LocalDate validFrom, LocalDate reviewDue, String sourceUrl) {

    public EntryContent {
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }

    /**
     * A URL-friendly slug from a title, for entries and collections: accents dropped, lower case,
     * runs of other characters as one "-", at most 100 characters; "post" when nothing is left.
     * "Återfallsprevention (ÅP)" becomes "aterfallsprevention-ap".
     */
    public static String slugOf(String title) {
        String plain = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }
}
