package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How far a goal was reached. */
public enum GoalStatus {
    ACHIEVED("achieved"), PARTLY_ACHIEVED("partly-achieved"), NOT_ACHIEVED("not-achieved");

    private final String code;

    GoalStatus(String code) {
        this.code = code;
    }

    /** The code used in import files, the API (requests and answers) and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    public String messageKey() {
        return "goal-status." + code;
    }

    public static Optional<GoalStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
