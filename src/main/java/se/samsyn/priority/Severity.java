package se.samsyn.priority;

import java.util.Arrays;
import java.util.Optional;

/** Severity of the condition (svårighetsgrad), from the most severe; health-care mode only. */
public enum Severity {
    MYCKET_STOR("mycket-stor"),
    STOR("stor"),
    MATTLIG("mattlig"),
    LITEN("liten");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    /** The code used in forms, the API and message keys. */
    public String code() {
        return code;
    }

    public static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code) || v.name().equals(code)).findFirst();
    }
}
