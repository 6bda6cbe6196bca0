package se.samsyn.followup.internal;

import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;

/** Individual-level data is for the roles that work with clients, and only in their own unit. */
final class FollowupAccess {

    private FollowupAccess() {
    }

    /** The unit whose clients the actor may read and write; refuses everyone else. */
    static String unitOf(Actor actor) {
        if (actor == null || !actor.role().seesIndividuals() || actor.scope().type() != ScopeType.UNIT) {
            throw new AccessDeniedException("Individual-level data is limited to the staff of the unit");
        }
        return actor.scope().code();
    }

    static boolean mayRecord(Actor actor) {
        return actor != null && actor.role().seesIndividuals() && actor.scope().type() == ScopeType.UNIT;
    }
}
