package se.samsyn.knowledge.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.EvidenceLevel;
import se.samsyn.knowledge.ImportOutcome.RowError;
import se.samsyn.knowledge.TargetGroup;
import se.samsyn.organisation.FocusArea;

/**
 * What content an entry may have, without Spring: the same rules for the form, the API and an
 * import row. The status lifecycle is on {@link se.samsyn.knowledge.EntryStatus}.
 */
final class EntryContentRules {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private EntryContentRules() {
    }

    /** Every problem with the content, as field and message key (row 0); empty when the content is valid. */
    static List<RowError> problems(EntryContent c) {
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
    static EntryContent normalised(EntryContent c) {
        return new EntryContent(c.slug() == null ? null : c.slug().strip(),
                c.type() == null ? null : c.type().strip().toLowerCase(Locale.ROOT),
                strip(c.title()), strip(c.summary()), c.body() == null ? "" : c.body().replace("\r\n", "\n"),
                codes(c.focusAreas()), codes(c.targetGroups()), strip(c.publisher()),
                blank(c.evidence()) ? null : c.evidence().strip().toLowerCase(Locale.ROOT),
                c.validFrom(), c.reviewDue(), blank(c.sourceUrl()) ? null : c.sourceUrl().strip());
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
