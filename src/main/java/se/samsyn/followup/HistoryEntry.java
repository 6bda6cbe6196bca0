package se.samsyn.followup;

import java.time.Instant;

/**
 * One kept change of a stored follow-up record: which record ({@code table} is {@code episode},
 * {@code need}, {@code intervention} or {@code measurement}, with its id), which field, the value
 * before and after as text (dates ISO, numbers plain; null for none), who changed it, when, from
 * where, and why (required for a removal, whose field is {@code removed}).
 */
public record HistoryEntry(String table, long rowId, String field, String oldValue, String newValue, String changedBy,
                           Instant changedAt, ChangeSource source, String reason) {

    /** The message key of the record type's name, {@code followup.history.table.<table>}. */
    public String tableKey() {
        return "followup.history.table." + table;
    }

    /** The message key of the field's name, {@code followup.history.field.<field>}. */
    public String fieldKey() {
        return "followup.history.field." + field;
    }
}
