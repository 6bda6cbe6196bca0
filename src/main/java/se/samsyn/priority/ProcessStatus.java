package se.samsyn.priority;

import java.util.Optional;

/** Where a process is in its lifecycle: draft, out for consultation (remiss), or published. */
public enum ProcessStatus {
    DRAFT("draft"),
    CONSULTATION("consultation"),
    PUBLISHED("published");

    private final String code;

    ProcessStatus(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The value for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<ProcessStatus> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), ProcessStatus::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ProcessStatus ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), ProcessStatus::code, code);
    }
}
