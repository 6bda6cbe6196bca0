package se.samsyn.identity.web;

import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/** An account as entered in the form or sent to the API. */
record UserForm(String username, String password, Role role, ScopeType scopeType, String scopeCode, Boolean enabled) {

    /**
     * The scope, or null when the code does not fit the type. Without a type (the page's picker sends
     * only the code) the code's form tells the type: see {@link Scope#ofCode}.
     */
    Scope scope() {
        if (scopeType == null) {
            return Scope.ofCode(scopeCode);
        }
        if (scopeType == ScopeType.NATION) {
            return Scope.nation();
        }
        String code = scopeCode == null ? "" : scopeCode.trim();
        return scopeType != null && Scope.isWellFormed(scopeType, code) ? new Scope(scopeType, code) : null;
    }

    static UserForm empty() {
        return new UserForm("", "", Role.CASE_WORKER, null, "", true);
    }
}
