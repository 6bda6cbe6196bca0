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

    static Scope of(Actor actor, ScopeType level, String code) {
        if (level == null) {
            return actor.scope();
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
