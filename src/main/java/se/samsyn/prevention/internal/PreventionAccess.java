package se.samsyn.prevention.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import se.samsyn.organisation.Organisation;
import se.samsyn.prevention.Activity;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * Who may do what with preventive work (ADR 14). The data are counts and anonymous scores, never
 * persons, so reading is wide: a unit's staff see their unit's activities; analysts, directors and
 * administrators those of the municipalities their scope covers. Recording is the unit's: its
 * manager and case workers. The catalogue is kept nationally: national analysts and national
 * administrators. Knowledge editors have no part in it.
 */
@Component
class PreventionAccess {

    private final Organisation organisation;

    PreventionAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Whether the actor sees the activity (and its reach and anonymous results). */
    boolean maySee(Actor actor, Activity activity) {
        if (actor == null || actor.role() == Role.KNOWLEDGE_EDITOR) {
            return false;
        }
        if (actor.scope().type() == ScopeType.UNIT) {
            return actor.scope().code().equals(activity.unitCode());
        }
        return organisation.covers(actor.scope(), Scope.municipality(activity.municipalityCode()));
    }

    /** Whether the actor sees the municipality's aggregates (the balance page). */
    boolean maySeeMunicipality(Actor actor, String municipalityCode) {
        if (actor == null || actor.role() == Role.KNOWLEDGE_EDITOR || !Scope.isWellFormed(ScopeType.MUNICIPALITY, municipalityCode)) {
            return false;
        }
        if (actor.scope().type() == ScopeType.UNIT) {
            return organisation.unit(actor.scope().code()).map(u -> u.municipalityCode().equals(municipalityCode))
                    .orElse(false);
        }
        return organisation.covers(actor.scope(), Scope.municipality(municipalityCode));
    }

    /** Whether the actor records for the activity's unit: its manager or case worker. */
    static boolean mayRecord(Actor actor, String unitCode) {
        return actor != null && (actor.role() == Role.UNIT_MANAGER || actor.role() == Role.CASE_WORKER)
                && actor.scope().type() == ScopeType.UNIT && actor.scope().code().equals(unitCode);
    }

    /** The units the actor records for. */
    List<String> recordingUnits(Actor actor) {
        if (actor == null || !(actor.role() == Role.UNIT_MANAGER || actor.role() == Role.CASE_WORKER)
                || actor.scope().type() != ScopeType.UNIT) {
            return List.of();
        }
        return organisation.unit(actor.scope().code()).filter(u -> u.active()).map(u -> List.of(u.code())).orElse(List.of());
    }

    /** Whether the actor keeps the national catalogue. */
    static boolean mayKeepCatalogue(Actor actor) {
        return actor != null && actor.scope().type() == ScopeType.NATION
                && (actor.role() == Role.NATIONAL_ANALYST || actor.role() == Role.ADMINISTRATOR);
    }

    Organisation organisation() {
        return organisation;
    }
}
