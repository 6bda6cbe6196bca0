package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a correction of a stored follow-up record came from, as kept in {@code fup_history.source}. */
public enum ChangeSource {
    /** A re-imported row with the same key and other values. */
    IMPORT("import"),
    /** The client page. */
    PAGE("page"),
    /** The follow-up API. */
    API("api");

    private final String code;

    ChangeSource(String code) {
        this.code = code;
    }

    /** The code stored in the history: {@code import}, {@code page} or {@code api}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The message key of the source's name, {@code followup.history.source.<code>}. */
    public String messageKey() {
        return "followup.history.source." + code;
    }
}
