package se.samsyn.knowledge;

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

    public String code() {
        return code;
    }

    public String messageKey() {
        return "guide.target." + code;
    }

    public static Optional<TargetGroup> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
