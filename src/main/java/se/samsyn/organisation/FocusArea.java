package se.samsyn.organisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The focus areas (verksamhetsområden) that units work in and follow-up episodes belong to. */
public enum FocusArea {
    CHILDREN_YOUTH("children-youth"),
    ELDERLY_CARE("elderly-care"),
    VIOLENCE("violence"),
    SUBSTANCE_USE("substance-use"),
    DEMENTIA("dementia"),
    ECONOMIC_ASSISTANCE("economic-assistance"),
    DISABILITY("disability"),
    HOMELESSNESS("homelessness");

    private final String code;

    FocusArea(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "focus-area." + code;
    }

    public static Optional<FocusArea> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.code.equals(c)).findFirst();
    }
}
