package se.samsyn.knowledge;

import java.util.List;

/**
 * The outcome of an import of entries: {@code status} is {@code imported}, {@code rejected} or
 * {@code valid} (a dry run that would import); {@code rows} counts the rows read, and
 * {@code created}, {@code updated} and {@code unchanged} what was (or, in a dry run, would be)
 * done with them; {@code errors} is empty unless rejected.
 */
public record ImportOutcome(String status, int rows, int created, int updated, int unchanged,
                            List<ImportOutcome.RowError> errors) {

    /**
     * A row-level problem in an import; rows count from 1, the header excluded, and row 0 is the
     * file as a whole; {@code field} names the field at fault ({@code file} for the whole file);
     * {@code messageKey} is a {@code guide.*} or {@code import.error.*} key whose arguments are
     * {@code args}, as text (for example the earlier row with the same slug).
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
}
