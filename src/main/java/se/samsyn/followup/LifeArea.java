package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The eleven life areas of IBIC: the ICF activity-and-participation chapters d1–d9 and two more. */
public enum LifeArea {
    D1("d1"), D2("d2"), D3("d3"), D4("d4"), D5("d5"), D6("d6"), D7("d7"), D8("d8"), D9("d9"),
    SECURITY("security"), RELATIVE_SUPPORT("relative-support");

    private final String code;

    LifeArea(String code) {
        this.code = code;
    }

    /** The code used in import files, the API (requests and answers) and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "life-area." + code;
    }

    public static Optional<LifeArea> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
