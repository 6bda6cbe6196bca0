package se.samsyn.priority;

import java.util.Arrays;
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

    public String code() {
        return code;
    }

    public static Optional<PriorityMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code) || m.name().equals(code)).findFirst();
    }
}
