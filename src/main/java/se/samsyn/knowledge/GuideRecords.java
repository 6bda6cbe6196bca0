package se.samsyn.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry and its content, and an import's outcome: the records the guide's entries and its bulk
 * import share. Codes are the lower-case ones of the enums. The search, collection, feed and
 * version records are top-level types of this package.
 */
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
