package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A degree a staff member holds. {@link #SOCIONOM} satisfies the child-welfare tasks of 3 kap. 3 a § SoL on its own; another degree does when it includes the components the requirement names (HSLF-FS 2017:79). */
public enum Degree {
    /** Socionomexamen. */
    SOCIONOM("socionom"),
    /** A degree in behavioural science (beteendevetare). */
    BEHAVIOURAL_SCIENCE("behavioural-science"),
    /** Psykologexamen. */
    PSYCHOLOGY("psychology"),
    /** Juristexamen. */
    LAW("law"),
    /** Another university degree in social care (social omsorg). */
    SOCIAL_CARE("social-care"),
    /** Sjuksköterskeexamen. */
    NURSING("nursing"),
    /** Any other degree. */
    OTHER("other");

    private final String code;

    Degree(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.degree." + code;
    }

    public static Optional<Degree> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
