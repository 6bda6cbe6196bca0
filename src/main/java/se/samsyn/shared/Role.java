package se.samsyn.shared;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of product.md. Each role fits only some scope types: a case worker works in a unit,
 * a national analyst in the nation, an administrator in the nation or a municipality.
 */
public enum Role {
    CASE_WORKER(EnumSet.of(ScopeType.UNIT), true),
    UNIT_MANAGER(EnumSet.of(ScopeType.UNIT), true),
    MUNICIPAL_ANALYST(EnumSet.of(ScopeType.MUNICIPALITY), false),
    SOCIAL_DIRECTOR(EnumSet.of(ScopeType.MUNICIPALITY), false),
    REGIONAL_ANALYST(EnumSet.of(ScopeType.REGION), false),
    NATIONAL_ANALYST(EnumSet.of(ScopeType.NATION), false),
    KNOWLEDGE_EDITOR(EnumSet.of(ScopeType.NATION), false),
    ADMINISTRATOR(EnumSet.of(ScopeType.NATION, ScopeType.MUNICIPALITY), false);

    private final Set<ScopeType> allowedScopes;
    private final boolean individualLevel;

    Role(Set<ScopeType> allowedScopes, boolean individualLevel) {
        this.allowedScopes = allowedScopes;
        this.individualLevel = individualLevel;
    }

    public boolean fits(ScopeType scopeType) {
        return allowedScopes.contains(scopeType);
    }

    public Set<ScopeType> allowedScopes() {
        return EnumSet.copyOf(allowedScopes);
    }

    /** Whether the role may see individual-level records (always within its own unit). */
    public boolean seesIndividuals() {
        return individualLevel;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role's code in the API's requests and answers: the name in lower case with hyphens, for
     * example {@code case-worker} for {@link #CASE_WORKER}. JSON answers use it; {@link #ofJson}
     * still reads the old upper-case names, so events and documents stored before codes read back.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return Codes.of(this);
    }

    /**
     * The role with this code ({@code case-worker}) or name ({@code CASE_WORKER}, as clients sent
     * before codes were used), for JSON request bodies; {@link IllegalArgumentException} otherwise.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Role ofJson(String text) {
        return Codes.parse(values(), Role::code, text);
    }
}
