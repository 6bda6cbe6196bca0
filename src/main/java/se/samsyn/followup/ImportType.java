package se.samsyn.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an import file holds, with its columns in the required order. Needs files may also use
 * the header from before goal status could be imported ({@link #legacyColumns()}).
 */
public enum ImportType {
    EPISODES("episodes", List.of("personnummer", "unit_code", "focus_area", "start_date", "end_date"),
            List.of("focus_area", "start_date")),
    NEEDS("needs", List.of("personnummer", "unit_code", "assessed_on", "life_area", "level", "goal", "goal_status"),
            List.of("personnummer", "unit_code", "assessed_on", "life_area", "level", "goal"),
            List.of("assessed_on", "life_area")),
    INTERVENTIONS("interventions",
            List.of("personnummer", "unit_code", "intervention_code", "start_date", "end_date", "end_reason"),
            List.of("intervention_code", "start_date")),
    MEASUREMENTS("measurements",
            List.of("personnummer", "unit_code", "instrument_code", "measured_on", "time_point", "score"),
            List.of("instrument_code", "time_point", "measured_on"));

    private final String code;
    private final List<String> columns;
    private final List<String> legacyColumns;
    private final List<String> keyColumns;

    ImportType(String code, List<String> columns, List<String> keyColumns) {
        this(code, columns, columns, keyColumns);
    }

    ImportType(String code, List<String> columns, List<String> legacyColumns, List<String> keyColumns) {
        this.code = code;
        this.columns = columns;
        this.legacyColumns = legacyColumns;
        this.keyColumns = keyColumns;
    }

    /**
     * The columns that identify a stored row of this type, besides the client (and so the unit):
     * a row with the same key and other values is a correction of that row.
     */
    public List<String> keyColumns() {
        return keyColumns;
    }

    public String code() {
        return code;
    }

    /** The columns of a file of this type, in the documented order. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The columns an older file of this type may have instead (needs without {@code goal_status});
     * the same as {@link #columns()} for the other types.
     */
    public List<String> legacyColumns() {
        return legacyColumns;
    }

    public String messageKey() {
        return "import.type." + code;
    }

    public static Optional<ImportType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
