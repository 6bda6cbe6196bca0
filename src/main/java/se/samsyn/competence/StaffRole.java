package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A staff member's role, which decides the role-bound requirements and the introduction programme. */
public enum StaffRole {
    /** Socialsekreterare, for example in child and youth welfare. */
    SOCIAL_WORKER("social-worker"),
    /** Undersköterska (a protected title since 1 July 2023). */
    ASSISTANT_NURSE("assistant-nurse"),
    /** Vårdbiträde. */
    CARE_ASSISTANT("care-assistant"),
    /** Biståndshandläggare in elderly care and disability. */
    CASE_OFFICER("case-officer"),
    /** Enhetschef or another manager. */
    MANAGER("manager"),
    /** Any other profession. */
    OTHER("other");

    private final String code;

    StaffRole(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.role." + code;
    }

    public static Optional<StaffRole> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
