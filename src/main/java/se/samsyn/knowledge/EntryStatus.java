package se.samsyn.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an entry is in its workflow; only published entries are public. The lifecycle:
 *
 * <pre>
 * draft --submit--> review --publish--> published --archive--> archived
 *   ^                 |                                          |
 *   +----return-------+                                          |
 *   +-------------------------restore---------------------------+
 * </pre>
 *
 * A published entry may still be corrected: the correction is saved as a new version and stays
 * published, and the feed announces it. Archived entries are read-only until restored to draft.
 * Only entries that are not public now (drafts and archived entries) may be deleted. The rule is the
 * guide's own editorial workflow (see the README, "Knowledge guide").
 */
public enum EntryStatus {
    DRAFT, REVIEW, PUBLISHED, ARCHIVED;

    /** The lower-case code used in requests, answers, import files and the database. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of the status's name, {@code guide.status.<code>}. */
    public String messageKey() {
        return "guide.status." + code();
    }

    /** The statuses an entry in this status may move to, in workflow order; never empty. */
    public List<EntryStatus> nextStatuses() {
        return switch (this) {
            case DRAFT -> List.of(REVIEW);
            case REVIEW -> List.of(DRAFT, PUBLISHED);
            case PUBLISHED -> List.of(ARCHIVED);
            case ARCHIVED -> List.of(DRAFT);
        };
    }

    /** Whether an entry in this status may move to {@code to}; false for null and for staying put. */
    public boolean mayMoveTo(EntryStatus to) {
        return to != null && nextStatuses().contains(to);
    }

    /**
     * The word for the change from this status to {@code to}, as kept in the version history and
     * shown in the feed: submitted, published, archived, returned (review to draft) or restored
     * (archived to draft).
     */
    public String changeName(EntryStatus to) {
        return switch (to) {
            case REVIEW -> "submitted";
            case PUBLISHED -> "published";
            case ARCHIVED -> "archived";
            case DRAFT -> this == ARCHIVED ? "restored" : "returned";
        };
    }

    /** Whether the content of an entry in this status may be changed: every status but archived. */
    public boolean mayEditContent() {
        return this != ARCHIVED;
    }

    /** Only entries that are not public now may be deleted: drafts and archived entries. */
    public boolean mayDelete() {
        return this == DRAFT || this == ARCHIVED;
    }

    /** The status with this code, in any case and with surrounding blanks; empty for null or an unknown code. */
    public static Optional<EntryStatus> fromCode(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(c)).findFirst();
    }
}
