package se.samsyn.followup;

import java.util.Arrays;
import java.util.Optional;

/** How far a goal was reached. */
public enum GoalStatus {
    ACHIEVED("achieved"), PARTLY_ACHIEVED("partly-achieved"), NOT_ACHIEVED("not-achieved");

    private final String code;

    GoalStatus(String code) {
        this.code = code;
    }

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
