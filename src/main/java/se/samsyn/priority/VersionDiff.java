package se.samsyn.priority;

import java.util.List;

/**
 * What changed between two published versions of a list: the process's own fields, and pairs
 * added, removed or changed, field by field. A value is either plain text or, when {@code coded},
 * a message key to show in the reader's language.
 */
public record VersionDiff(int fromVersion, int toVersion, List<FieldChange> processChanges, List<PairChange> pairs) {

    /** How a pair changed between the versions. */
    public enum Kind {
        ADDED, REMOVED, CHANGED;

        /** The lower-case code in the API: the name with hyphens, for example {@code changed}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return se.samsyn.shared.Codes.of(this);
        }

        /** Reads a code, or the constant's name as stored before codes were used. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind ofJson(String code) {
            return se.samsyn.shared.Codes.parse(values(), Kind::code, code);
        }
    }

    /** One changed field: its name (for example {@code benefit}) and the values before and after. */
    public record FieldChange(String field, String before, String after, boolean coded) {
    }

    /** A pair added, removed or changed; {@code fields} lists the changes of a changed pair. */
    public record PairChange(Kind kind, long pairId, String condition, String intervention, List<FieldChange> fields) {
    }

    /** Whether nothing changed. */
    public boolean empty() {
        return processChanges.isEmpty() && pairs.isEmpty();
    }
}
