package se.samsyn.followup;

import java.util.List;

/**
 * The outcome of an import. {@code status} is {@code imported}, {@code rejected} or {@code valid}
 * (a dry run without errors). Every bad row is counted in {@code errorCount}; the first
 * {@link FollowupImport#MAX_LISTED_ERRORS} are listed.
 */
public record ImportResult(String status, long rows, long imported, long unchanged, List<RowError> errors,
                           long errorCount) {

    /** A rejected row: its number (the header is row 1 in CSV; the first object is row 1 in JSON). */
    public record RowError(long row, String field, String messageKey) {
    }
}
