package se.samsyn.comparison.kolada;

import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/** Official statistics are imported for the whole country, by national analysts and administrators. */
final class KoladaAccess {

    private KoladaAccess() {
    }

    static boolean mayImport(Actor actor) {
        return actor != null && (actor.role() == Role.NATIONAL_ANALYST || actor.role() == Role.ADMINISTRATOR)
                && actor.scope().type() == ScopeType.NATION;
    }

    static void requireImporter(Actor actor) {
        if (!mayImport(actor)) {
            throw new AccessDeniedException("Only national analysts and administrators import official statistics");
        }
    }
}
