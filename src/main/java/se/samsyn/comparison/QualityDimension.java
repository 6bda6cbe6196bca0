package se.samsyn.comparison;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The six quality dimensions of a quality indicator (kunskapsbaserad, säker, ...). */
public enum QualityDimension {
    KNOWLEDGE_BASED("knowledge-based"), SAFE("safe"), PERSON_CENTRED("person-centred"), EFFICIENT("efficient"),
    EQUAL("equal"), ACCESSIBLE("accessible");

    private final String code;

    QualityDimension(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers (JSON) and the database, for example {@code efficient}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<QualityDimension> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
