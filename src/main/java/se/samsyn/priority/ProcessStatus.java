package se.samsyn.priority;

import java.util.Arrays;
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
        return Arrays.stream(values()).filter(v -> v.code.equals(code) || v.name().equals(code)).findFirst();
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ProcessStatus ofJson(String code) {
        for (ProcessStatus v : values()) {
            if (v.code().equals(code) || v.name().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown code " + code);
    }
}
