package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How a person is employed: the agency share among the workforce indicators counts {@link #AGENCY}. */
public enum EmploymentForm {
    /** Tillsvidareanställd. */
    PERMANENT("permanent"),
    /** Visstidsanställd. */
    TEMPORARY("temporary"),
    /** Hired through a staffing agency (inhyrd konsult). */
    AGENCY("agency");

    private final String code;

    EmploymentForm(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.employment." + code;
    }

    public static Optional<EmploymentForm> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
