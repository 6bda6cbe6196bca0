package se.samsyn.followup;

import java.util.List;
import java.util.Locale;

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
     * The audit action for this outcome: {@code IMPORT_} and the status in upper case, for example
     * {@code IMPORT_VALID}. Upper-cased with {@link Locale#ROOT}, so a server whose default locale is
     * Turkish still writes {@code IMPORT_VALID}, not {@code IMPORT_VALİD}.
     */
    public String auditAction() {
        return "IMPORT_" + status.toUpperCase(Locale.ROOT);
    }

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
