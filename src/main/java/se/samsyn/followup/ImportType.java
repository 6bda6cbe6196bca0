package se.samsyn.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an import file holds, with its columns in the required order. */
public enum ImportType {
    EPISODES("episodes", List.of("personnummer", "unit_code", "focus_area", "start_date", "end_date")),
    NEEDS("needs", List.of("personnummer", "unit_code", "assessed_on", "life_area", "level", "goal")),
    INTERVENTIONS("interventions",
            List.of("personnummer", "unit_code", "intervention_code", "start_date", "end_date", "end_reason")),
    MEASUREMENTS("measurements",
            List.of("personnummer", "unit_code", "instrument_code", "measured_on", "time_point", "score"));

    private final String code;
    private final List<String> columns;

    ImportType(String code, List<String> columns) {
        this.code = code;
        this.columns = columns;
    }

    public String code() {
        return code;
    }

    public List<String> columns() {
        return columns;
    }

    public String messageKey() {
        return "import.type." + code;
    }

    public static Optional<ImportType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
