package se.samsyn.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of knowledge support the guide holds. */
public enum EntryType {
    METHOD("method"),
    GUIDELINE("guideline"),
    INSTRUMENT("instrument"),
    TRAINING("training"),
    REGULATION("regulation"),
    REPORT("report");

    private final String code;

    EntryType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "guide.type." + code;
    }

    public static Optional<EntryType> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
