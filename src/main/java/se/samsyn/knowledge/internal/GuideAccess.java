package se.samsyn.knowledge.internal;

import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * Who may do what in the guide. Knowledge editors (and national administrators) write entries.
 * Collections are curated by editors for the nation and by regional analysts, the regional
 * support structures, for their own region. Everyone, signed in or not, reads what is published.
 */
final class GuideAccess {

    private GuideAccess() {
    }

    /** Knowledge editors, and administrators for the nation; not null. */
    static boolean mayEdit(Actor actor) {
        return actor != null && (actor.role() == Role.KNOWLEDGE_EDITOR
                || actor.role() == Role.ADMINISTRATOR && actor.scope().type() == ScopeType.NATION);
    }

    /** Editors and regional analysts; not null. */
    static boolean mayCurate(Actor actor) {
        return mayEdit(actor) || actor != null && actor.role() == Role.REGIONAL_ANALYST;
    }

    /** Editors change every collection; a regional analyst only those of the own region. */
    static boolean mayChangeCollection(Actor actor, String scopeType, String scopeCode) {
        return mayEdit(actor) || actor != null && actor.role() == Role.REGIONAL_ANALYST
                && actor.scope().type().name().equals(scopeType) && actor.scope().code().equals(scopeCode);
    }

    static void requireEditor(Actor actor) {
        if (!mayEdit(actor)) {
            throw new AccessDeniedException("The knowledge guide is written by knowledge editors");
        }
    }

    static void requireCurator(Actor actor) {
        if (!mayCurate(actor)) {
            throw new AccessDeniedException("Collections are curated by knowledge editors and regional analysts");
        }
    }
}
