package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Why an intervention ended. */
public enum EndReason {
    COMPLETED("completed"), INTERRUPTED_BY_CLIENT("interrupted-by-client"),
    INTERRUPTED_BY_SERVICE("interrupted-by-service"), MOVED("moved");

    private final String code;

    EndReason(String code) {
        this.code = code;
    }

    /** The code used in import files, the API (requests and answers) and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "end-reason." + code;
    }

    public static Optional<EndReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
