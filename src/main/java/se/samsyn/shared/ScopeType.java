package se.samsyn.shared;

/** The levels of the organisation, from the widest to the narrowest. */
public enum ScopeType {
    NATION, REGION, MUNICIPALITY, UNIT;

    public String messageKey() {
        return "scope.type." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The scope type's code in the API's requests and answers: {@code nation}, {@code region},
     * {@code municipality} or {@code unit}. JSON answers use it; {@link #ofJson} still
     * reads the old upper-case names, so events and documents stored before codes read back.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The scope type with this code ({@code unit}) or name ({@code UNIT}, as clients sent before
     * codes were used), for JSON request bodies; {@link IllegalArgumentException} otherwise.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ScopeType ofJson(String text) {
        return Codes.parse(values(), ScopeType::code, text);
    }
}
