package se.samsyn.followup;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of an import. {@code status} is {@code imported}, {@code rejected} or {@code valid}
 * (a dry run without errors). Every bad row is counted in {@code errorCount}; the first
 * {@link FollowupImport#MAX_LISTED_ERRORS} are listed.
 */
public record ImportResult(String status, long rows, long imported, long unchanged, List<RowError> errors,
                           long errorCount) {

    /**
     * The audit action for this outcome: {@code IMPORT_} and the status in upper case, for example
     * {@code IMPORT_VALID}. Upper-cased with {@link Locale#ROOT}, so a server whose default locale is
     * Turkish still writes {@code IMPORT_VALID}, not {@code IMPORT_VALİD}.
     */
    public String auditAction() {
        return "IMPORT_" + status.toUpperCase(Locale.ROOT);
    }

    /** A rejected row: its number (the header is row 1 in CSV; the first object is row 1 in JSON). */
    public record RowError(long row, String field, String messageKey) {
    }
}
