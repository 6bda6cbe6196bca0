package se.samsyn.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records the knowledge guide hands out and takes in. Codes are the lower-case ones of the enums. */
public final class GuideRecords {

    private GuideRecords() {
    }

    /** The editable content of an entry: what a form, the API and an import row carry. */
    public record EntryContent(String slug, String type, String title, String summary, String body,
                               List<String> focusAreas, List<String> targetGroups, String publisher,
                               String evidence, LocalDate validFrom, LocalDate reviewDue, String sourceUrl) {

        public EntryContent {
            focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
            targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        }
    }

    /** An entry as stored, with its workflow status and current version number. */
    public record Entry(long id, String slug, String type, String title, String summary, String body,
                        List<String> focusAreas, List<String> targetGroups, String publisher, String evidence,
                        LocalDate validFrom, LocalDate reviewDue, String sourceUrl, String status, int version,
                        Instant updatedAt, String updatedBy, Instant publishedAt) {

        public EntryStatus entryStatus() {
            return EntryStatus.fromCode(status).orElseThrow();
        }

        public EntryType entryType() {
            return EntryType.fromCode(type).orElseThrow();
        }

        public boolean isPublished() {
            return EntryStatus.PUBLISHED.code().equals(status);
        }

        public EntryContent content() {
            return new EntryContent(slug, type, title, summary, body, focusAreas, targetGroups, publisher, evidence,
                    validFrom, reviewDue, sourceUrl);
        }
    }

    /** One saved version of an entry. {@code change} is created, edited, submitted, published, returned, archived or restored. */
    public record EntryVersion(int version, String status, String change, Instant changedAt, String changedBy) {
    }

    /** A short form of an entry for lists. */
    public record EntrySummary(String slug, String type, String title, String summary, String publisher,
                               String status) {
    }

    /** A named, curated list of entries for a theme, owned by an organisational scope. */
    public record GuideCollection(long id, String slug, String title, String description, String scopeType,
                                  String scopeCode, String createdBy, Instant updatedAt, List<EntrySummary> entries) {
    }

    /** A change seen in the feed: a published, updated or archived entry. */
    public record FeedItem(String slug, String title, String summary, String status, String change, int version,
                           Instant changedAt) {
    }

    /** A search: free text and the chosen facet values per dimension (all optional). */
    public record SearchRequest(String text, Map<String, List<String>> filters, int offset, int limit) {

        public SearchRequest {
            text = text == null ? "" : text.strip();
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            // deep paging would make Lucene collect offset + limit hits; nobody pages that far
            offset = Math.min(Math.max(0, offset), 10_000);
            limit = limit <= 0 ? 20 : Math.min(limit, 100);
        }

        public static SearchRequest of(String text) {
            return new SearchRequest(text, Map.of(), 0, 20);
        }
    }

    /**
     * One hit. {@code titleHighlight} and {@code highlight} (a passage of the body or summary) are
     * HTML-escaped text in which matched words are wrapped in {@code <mark>}, or null without a match.
     */
    public record Hit(String slug, String type, String title, String titleHighlight, String summary, String publisher, String evidence,
                      List<String> focusAreas, List<String> targetGroups, String highlight, float score) {
    }

    /** A facet value with the number of hits it would give. {@code selected} when it filters the search. */
    public record FacetValue(String value, int count, boolean selected) {
    }

    public record SearchResult(String text, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                               int offset, int limit) {
    }

    public record Suggestion(String slug, String title, String type) {
    }

    /**
     * A row-level problem in an import; rows count from 1, the header excluded; the message
     * arguments as text (for example the earlier row with the same slug).
     */
    public record RowError(long row, String field, String messageKey, List<String> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A problem whose message takes no arguments. */
        public RowError(long row, String field, String messageKey) {
            this(row, field, messageKey, List.of());
        }
    }

    /** The outcome of an import: {@code imported}, {@code rejected} or {@code valid} (a dry run that would import). */
    public record ImportOutcome(String status, int rows, int created, int updated, int unchanged,
                                List<RowError> errors) {
    }
}
