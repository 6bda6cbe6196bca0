package se.samsyn.priority;

import java.util.Optional;

/**
 * Which criteria the rule weighs. In social services there is no legal ground for prioritising
 * by severity, so the rule starts from benefit; municipal health care starts from severity.
 */
public enum PriorityMode {
    SOCIAL_SERVICES("social-services"),
    HEALTH_CARE("health-care");

    private final String code;

    PriorityMode(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys: {@code social-services} or {@code health-care}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The mode for a code (or, as stored before codes were used, the constant's name); empty for anything else. */
    public static Optional<PriorityMode> fromCode(String code) {
        return se.samsyn.shared.Codes.find(values(), PriorityMode::code, code);
    }

    /**
     * Reads a code in JSON, or the constant's name as published versions stored before codes were
     * used; refuses anything else with {@link IllegalArgumentException}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static PriorityMode ofJson(String code) {
        return se.samsyn.shared.Codes.parse(values(), PriorityMode::code, code);
    }
}
