package se.samsyn.competence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A protected professional title (skyddad yrkestitel) a requirement can ask for; undersköterska is protected since 1 July 2023 and given by Socialstyrelsen. */
public enum ProtectedTitle {
    /** Undersköterska. */
    UNDERSKOTERSKA("underskoterska");

    private final String code;

    ProtectedTitle(String code) {
        this.code = code;
    }

    /** The code in the API, the database and the import. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "competence.title." + code;
    }

    public static Optional<ProtectedTitle> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
