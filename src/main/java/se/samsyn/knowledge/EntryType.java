package se.samsyn.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
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

    /** The lower-case code used in requests, answers, import files and the database. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The message key of the value's name. */
    public String messageKey() {
        return "guide.type." + code;
    }

    /** The value with this code, in any case and with surrounding blanks; empty for null or an unknown code. */
    public static Optional<EntryType> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
