package se.samsyn.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organisational scope: the nation ("0000", as in Kolada), a region by its two-digit county
 * code, a municipality by its four-digit SCB code, or a unit by its unit code.
 */
public record Scope(ScopeType type, String code) implements java.io.Serializable {

    public static final String NATION_CODE = "0000";
    private static final Pattern REGION = Pattern.compile("\\d{2}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,39}");

    public Scope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        boolean valid = switch (type) {
            case NATION -> NATION_CODE.equals(code);
            case REGION -> REGION.matcher(code).matches();
            case MUNICIPALITY -> MUNICIPALITY.matcher(code).matches();
            case UNIT -> UNIT.matcher(code).matches();
        };
        if (!valid) {
            throw new InvalidScope(type, code);
        }
    }

    public static Scope nation() {
        return new Scope(ScopeType.NATION, NATION_CODE);
    }

    public static Scope region(String countyCode) {
        return new Scope(ScopeType.REGION, countyCode);
    }

    public static Scope municipality(String municipalityCode) {
        return new Scope(ScopeType.MUNICIPALITY, municipalityCode);
    }

    public static Scope unit(String unitCode) {
        return new Scope(ScopeType.UNIT, unitCode);
    }

    /**
     * The scope a bare code names, as a place picker sends it: "0000" the nation, two digits a region,
     * four digits a municipality, anything else of a unit code's form a unit; null for a blank code or
     * one of no scope's form. Whether the scope exists is the organisation's question.
     */
    public static Scope ofCode(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return null;
        }
        ScopeType type = NATION_CODE.equals(c) ? ScopeType.NATION
                : REGION.matcher(c).matches() ? ScopeType.REGION
                : MUNICIPALITY.matcher(c).matches() ? ScopeType.MUNICIPALITY : ScopeType.UNIT;
        return isWellFormed(type, c) ? new Scope(type, c) : null;
    }

    /** True when a code of this form could name a scope of that type. */
    public static boolean isWellFormed(ScopeType type, String code) {
        try {
            new Scope(type, code);
            return true;
        } catch (InvalidScope | NullPointerException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + code;
    }

    /** A scope whose code does not fit its type. */
    public static final class InvalidScope extends RuntimeException {
        InvalidScope(ScopeType type, String code) {
            super("Invalid " + type + " scope code");
        }
    }
}
