package se.samsyn.followup;

import java.util.List;

/**
 * The outcome of an import. {@code status} is {@code imported}, {@code rejected} or {@code valid}
 * (a dry run without errors). {@code imported} counts new rows, {@code updated} rows whose key was
 * stored with other values (corrected, the earlier values kept in the history), {@code unchanged}
 * rows stored already with the same values; a dry run counts what would be new, updated and
 * unchanged. Every bad row is counted in {@code errorCount}; the first
 * {@link FollowupImport#MAX_LISTED_ERRORS} are listed.
 */
public record ImportResult(String status, long rows, long imported, long updated, long unchanged,
                           List<RowError> errors, long errorCount) {

    /**
     * A rejected row: its number (the header is row 1 in CSV; the first object is row 1 in JSON;
     * 0 for the file as a whole), the column or null, the message key and the message's arguments
     * as text (for example the other row with the same key).
     */
    public record RowError(long row, String field, String messageKey, List<String> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A row error whose message takes no arguments. */
        public RowError(long row, String field, String messageKey) {
            this(row, field, messageKey, List.of());
        }
    }
}
