package se.samsyn.priority.internal;

import java.util.EnumSet;
import java.util.Set;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * Who may run a priority-setting process (ADR 0007):
 * <ul>
 *   <li>a national analyst, processes of the nation;</li>
 *   <li>a regional analyst, processes of their own region and of the municipalities within it;</li>
 *   <li>a social director or municipal analyst, processes of their own municipality.</li>
 * </ul>
 * Anyone signed in whose scope lies within a process's scope, or contains it, may read its drafts
 * and consultation versions; published lists are public. Resource scenarios belong to a
 * municipality, and are run by its social director and municipal analysts.
 */
final class PriorityAccess {

    static final Set<Role> GROUP_ROLES = EnumSet.of(Role.NATIONAL_ANALYST, Role.REGIONAL_ANALYST,
            Role.SOCIAL_DIRECTOR, Role.MUNICIPAL_ANALYST);
    static final Set<Role> SCENARIO_ROLES = EnumSet.of(Role.SOCIAL_DIRECTOR, Role.MUNICIPAL_ANALYST);

    private PriorityAccess() {
    }

    static boolean mayEdit(Actor actor, Scope processScope, Organisation organisation) {
        if (actor == null || !GROUP_ROLES.contains(actor.role())) {
            return false;
        }
        return switch (actor.role()) {
            case NATIONAL_ANALYST -> processScope.type() == ScopeType.NATION;
            case REGIONAL_ANALYST -> (processScope.type() == ScopeType.REGION
                    || processScope.type() == ScopeType.MUNICIPALITY) && organisation.covers(actor.scope(), processScope);
            case SOCIAL_DIRECTOR, MUNICIPAL_ANALYST -> processScope.equals(actor.scope());
            default -> false;
        };
    }

    static boolean mayRead(Actor actor, Scope processScope, Organisation organisation) {
        return actor != null && (organisation.covers(processScope, actor.scope())
                || organisation.covers(actor.scope(), processScope));
    }

    /** The scopes in which the actor may start a process: their own scope, if their role runs processes. */
    static boolean mayCreateAny(Actor actor) {
        return actor != null && GROUP_ROLES.contains(actor.role());
    }

    static boolean mayRunScenario(Actor actor, String municipalityCode) {
        return actor != null && SCENARIO_ROLES.contains(actor.role())
                && actor.scope().equals(Scope.municipality(municipalityCode));
    }
}
