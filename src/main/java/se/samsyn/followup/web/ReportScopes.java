package se.samsyn.followup.web;

import java.util.Arrays;
import java.util.List;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/** The report scope a request asks for, defaulting to the caller's own. */
final class ReportScopes {

    private ReportScopes() {
    }

    /**
     * The scope asked for: the caller's own without level and code; a bare code (the page's picker
     * sends only the code) read by its form ({@link Scope#ofCode}), null when it has no scope's form;
     * a level with a code that does not fit it, the caller's own.
     */
    static Scope of(Actor actor, ScopeType level, String code) {
        if (level == null) {
            return code == null || code.isBlank() ? actor.scope() : Scope.ofCode(code);
        }
        if (level == ScopeType.NATION) {
            return Scope.nation();
        }
        String c = code == null ? "" : code.trim();
        return Scope.isWellFormed(level, c) ? new Scope(level, c) : actor.scope();
    }

    /** The levels at or below the caller's own. */
    static List<ScopeType> levelsFor(Actor actor) {
        return Arrays.stream(ScopeType.values()).filter(t -> t.ordinal() >= actor.scope().type().ordinal()).toList();
    }
}
