package se.samsyn.comparison.internal;

import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * Who may do what: anyone may read published indicators (their results are suppressed for
 * everyone); signed-in staff also see unpublished ones; national analysts (and administrators at
 * national level) define indicators, import statistics, refresh and keep peer groups.
 */
final class ComparisonAccess {

    private ComparisonAccess() {
    }

    static boolean mayManage(Actor actor) {
        return actor != null && actor.scope().type() == ScopeType.NATION
                && (actor.role() == Role.NATIONAL_ANALYST || actor.role() == Role.ADMINISTRATOR);
    }

    static void requireManage(Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedException("Only national analysts manage indicators");
        }
    }

    static boolean seesUnpublished(Actor actor) {
        return actor != null;
    }
}
