package se.samsyn.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an import file holds, with its columns in the required order. Needs files may also use
 * the header from before goal status could be imported ({@link #legacyColumns()}).
 */
public enum ImportType {
    EPISODES("episodes", List.of("personnummer", "unit_code", "focus_area", "start_date", "end_date")),
    NEEDS("needs", List.of("personnummer", "unit_code", "assessed_on", "life_area", "level", "goal", "goal_status"),
            List.of("personnummer", "unit_code", "assessed_on", "life_area", "level", "goal")),
    INTERVENTIONS("interventions",
            List.of("personnummer", "unit_code", "intervention_code", "start_date", "end_date", "end_reason")),
    MEASUREMENTS("measurements",
            List.of("personnummer", "unit_code", "instrument_code", "measured_on", "time_point", "score"));

    private final String code;
    private final List<String> columns;
    private final List<String> legacyColumns;

    ImportType(String code, List<String> columns) {
        this(code, columns, columns);
    }

    ImportType(String code, List<String> columns, List<String> legacyColumns) {
        this.code = code;
        this.columns = columns;
        this.legacyColumns = legacyColumns;
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
