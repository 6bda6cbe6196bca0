package se.samsyn.organisation;

import java.util.Set;
import se.samsyn.shared.Actor;

/**
 * Registering and changing units. Only administrators do it, and only within their own scope:
 * a municipality's administrator for that municipality, a national administrator anywhere.
 */
public interface Units {

    /**
     * Registers a unit in a municipality; audited. Refusals: {@code AccessDeniedException} (403)
     * outside the administrator's scope, {@link MunicipalityNotFound} (404), {@link UnitRejected}
     * (422: code format, code taken, blank or too long name, no focus area).
     */
    Unit register(Actor actor, NewUnit unit);

    /**
     * Changes a unit's name, focus areas and whether it is active; audited. {@link UnitNotFound}
     * (404) for an unknown code, otherwise the same refusals as {@link #register}.
     */
    Unit change(Actor actor, String code, String name, Set<FocusArea> focusAreas, boolean active);
}
