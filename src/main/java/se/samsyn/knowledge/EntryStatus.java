package se.samsyn.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an entry is in its workflow; only published entries are public. */
public enum EntryStatus {
    DRAFT, REVIEW, PUBLISHED, ARCHIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "guide.status." + code();
    }

    public static Optional<EntryStatus> fromCode(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(c)).findFirst();
    }
}
