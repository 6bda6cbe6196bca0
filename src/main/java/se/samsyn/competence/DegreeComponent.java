package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A part of a degree that a requirement can ask for: HSLF-FS 2017:79 names social work, social law, administrative law and psychology for the child-welfare tasks. Held through a degree or a supplementary course. */
public enum DegreeComponent {
    /** Socialt arbete. */
    SOCIAL_WORK("social-work"),
    /** Socialrätt. */
    SOCIAL_LAW("social-law"),
    /** Förvaltningsrätt. */
    ADMINISTRATIVE_LAW("administrative-law"),
    /** Psykologi. */
    PSYCHOLOGY("psychology");

    private final String code;

    DegreeComponent(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.component." + code;
    }

    public static Optional<DegreeComponent> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
