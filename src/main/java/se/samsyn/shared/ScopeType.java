package se.samsyn.shared;

/** The levels of the organisation, from the widest to the narrowest. */
public enum ScopeType {
    NATION, REGION, MUNICIPALITY, UNIT;

    public String messageKey() {
        return "scope.type." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
