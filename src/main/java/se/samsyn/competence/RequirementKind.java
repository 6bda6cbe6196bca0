package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a competence requirement comes from, and so whether it is law. Statutory requirements are
 * legal requirements; national goals and a municipality's local requirements are recommendations
 * (a local requirement binds the municipality's own staff by its decision, not by law).
 */
public enum RequirementKind {
    /** Required by law or a binding regulation (föreskrift). */
    STATUTORY("statutory", true),
    /** A national competence goal or recommendation, for example Socialstyrelsen's. */
    NATIONAL_GOAL("national-goal", false),
    /** A municipality's own requirement, for example "BBIC training within 6 months". */
    LOCAL("local", false);

    private final String code;
    private final boolean legal;

    RequirementKind(String code, boolean legal) {
        this.code = code;
        this.legal = legal;
    }

    /** The code in the API (requests and answers), the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    /** True for a legal requirement, false for a recommendation. */
    public boolean legal() {
        return legal;
    }

    public String messageKey() {
        return "competence.kind." + code;
    }

    public static Optional<RequirementKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
