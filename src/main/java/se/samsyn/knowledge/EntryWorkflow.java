package se.samsyn.knowledge;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.samsyn.knowledge.GuideRecords.EntryContent;
import se.samsyn.knowledge.GuideRecords.RowError;
import se.samsyn.organisation.FocusArea;

/**
 * The rules of an entry's life, without Spring: which status changes are allowed, what content is
 * valid, and when an entry may be deleted.
 *
 * <pre>
 * draft --submit--> review --publish--> published --archive--> archived
 *   ^                 |                                          |
 *   +----return-------+                                          |
 *   +-------------------------restore---------------------------+
 * </pre>
 *
 * A published entry may still be corrected: the correction is saved as a new version and stays
 * published, and the feed announces it. Archived entries are read-only until restored to draft.
 */
public final class EntryWorkflow {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Map<EntryStatus, Set<EntryStatus>> ALLOWED = Map.of(
            EntryStatus.DRAFT, Set.of(EntryStatus.REVIEW),
            EntryStatus.REVIEW, Set.of(EntryStatus.DRAFT, EntryStatus.PUBLISHED),
            EntryStatus.PUBLISHED, Set.of(EntryStatus.ARCHIVED),
            EntryStatus.ARCHIVED, Set.of(EntryStatus.DRAFT));

    private EntryWorkflow() {
    }

    public static boolean allows(EntryStatus from, EntryStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses an entry in this status may move to, in workflow order. */
    public static List<EntryStatus> nextStatuses(EntryStatus from) {
        return java.util.Arrays.stream(EntryStatus.values()).filter(to -> allows(from, to)).toList();
    }

    /** The word for a change, as kept in the version history and shown in the feed. */
    public static String changeName(EntryStatus from, EntryStatus to) {
        return switch (to) {
            case REVIEW -> "submitted";
            case PUBLISHED -> "published";
            case ARCHIVED -> "archived";
            case DRAFT -> from == EntryStatus.ARCHIVED ? "restored" : "returned";
        };
    }

    public static boolean mayEditContent(EntryStatus status) {
        return status != EntryStatus.ARCHIVED;
    }

    /** Only entries that are not public now may be deleted: drafts and archived entries. */
    public static boolean mayDelete(EntryStatus status) {
        return status == EntryStatus.DRAFT || status == EntryStatus.ARCHIVED;
    }

    /** Every problem with the content, as field and message key; empty when the content is valid. */
    public static List<RowError> problems(EntryContent c) {
        List<RowError> errors = new ArrayList<>();
        if (c.slug() == null || c.slug().length() > 100 || !SLUG.matcher(c.slug()).matches()) {
            errors.add(new RowError(0, "slug", "guide.error.slug"));
        }
        if (EntryType.fromCode(c.type()).isEmpty()) {
            errors.add(new RowError(0, "type", "guide.error.type"));
        }
        if (blank(c.title()) || c.title().strip().length() > 200) {
            errors.add(new RowError(0, "title", "guide.error.title"));
        }
        if (blank(c.summary()) || c.summary().strip().length() > 1000) {
            errors.add(new RowError(0, "summary", "guide.error.summary"));
        }
        if (c.body() != null && c.body().length() > 20000) {
            errors.add(new RowError(0, "body", "guide.error.body"));
        }
        if (c.focusAreas().stream().anyMatch(a -> FocusArea.fromCode(a).isEmpty())) {
            errors.add(new RowError(0, "focusAreas", "guide.error.focus-area"));
        }
        if (c.targetGroups().stream().anyMatch(g -> TargetGroup.fromCode(g).isEmpty())) {
            errors.add(new RowError(0, "targetGroups", "guide.error.target-group"));
        }
        if (blank(c.publisher()) || c.publisher().strip().length() > 100) {
            errors.add(new RowError(0, "publisher", "guide.error.publisher"));
        }
        if (!blank(c.evidence()) && EvidenceLevel.fromCode(c.evidence()).isEmpty()) {
            errors.add(new RowError(0, "evidence", "guide.error.evidence"));
        }
        if (c.validFrom() != null && c.reviewDue() != null && !c.reviewDue().isAfter(c.validFrom())) {
            errors.add(new RowError(0, "reviewDue", "guide.error.review-due"));
        }
        if (!blank(c.sourceUrl()) && !isWebAddress(c.sourceUrl())) {
            errors.add(new RowError(0, "sourceUrl", "guide.error.source-url"));
        }
        return errors;
    }

    /** The content with whitespace trimmed, codes normalised and duplicates removed. */
    public static EntryContent normalised(EntryContent c) {
        return new EntryContent(c.slug() == null ? null : c.slug().strip(),
                c.type() == null ? null : c.type().strip().toLowerCase(Locale.ROOT),
                strip(c.title()), strip(c.summary()), c.body() == null ? "" : c.body().replace("\r\n", "\n"),
                codes(c.focusAreas()), codes(c.targetGroups()), strip(c.publisher()),
                blank(c.evidence()) ? null : c.evidence().strip().toLowerCase(Locale.ROOT),
                c.validFrom(), c.reviewDue(), blank(c.sourceUrl()) ? null : c.sourceUrl().strip());
    }

    /** A URL-friendly slug from a title: "Återfallsprevention (ÅP)" becomes "aterfallsprevention-ap". */
    public static String slugOf(String title) {
        String plain = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            return value.length() <= 500 && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static List<String> codes(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
