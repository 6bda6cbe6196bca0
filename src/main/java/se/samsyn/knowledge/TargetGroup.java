package se.samsyn.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whom an entry is about or for. */
public enum TargetGroup {
    CHILDREN("children"),
    YOUNG_PEOPLE("young-people"),
    PARENTS("parents"),
    ADULTS("adults"),
    OLDER_PEOPLE("older-people"),
    RELATIVES("relatives"),
    STAFF("staff"),
    MANAGERS("managers");

    private final String code;

    TargetGroup(String code) {
        this.code = code;
    }

    /** The lower-case code used in requests, answers, import files and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The message key of the value's name. */
    public String messageKey() {
        return "guide.target." + code;
    }

    /** The value with this code, in any case and with surrounding blanks; empty for null or an unknown code. */
    public static Optional<TargetGroup> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
