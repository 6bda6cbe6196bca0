package se.samsyn.trials.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialStatus;

/**
 * Who may do what with trials (ADR 13).
 * <ul>
 *   <li>Set up: unit managers, municipal analysts, social-services directors, regional and national
 *       analysts, administrators. Trial units must lie within the actor's scope; comparison units
 *       too, except that a unit manager may choose comparison units in its own municipality.</li>
 *   <li>Manage (change, start, decide): a set-up role whose scope is or covers the trial's owner
 *       scope.</li>
 *   <li>Record minutes and ratings: case workers and unit managers of a trial unit, while running.</li>
 *   <li>See figures: those who manage it, national analysts, and those whose scope is or covers a
 *       participating unit (not knowledge editors).</li>
 *   <li>Own unit (figures not suppressed): an actor whose scope is that unit.</li>
 * </ul>
 */
@Component
class TrialAccess {

    static final Set<Role> SET_UP = EnumSet.of(Role.UNIT_MANAGER, Role.MUNICIPAL_ANALYST, Role.SOCIAL_DIRECTOR,
            Role.REGIONAL_ANALYST, Role.NATIONAL_ANALYST, Role.ADMINISTRATOR);

    private final Organisation organisation;

    TrialAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    boolean maySetUp(Actor actor) {
        return actor != null && SET_UP.contains(actor.role());
    }

    /** Whether the participant may be in a plan the actor sets up. */
    boolean mayInclude(Actor actor, Participant participant) {
        if (!maySetUp(actor)) {
            return false;
        }
        Scope unit = Scope.unit(participant.unitCode());
        if (covers(actor.scope(), unit)) {
            return true;
        }
        return participant.role() == ParticipantRole.COMPARISON && actor.scope().type() == ScopeType.UNIT
                && organisation.municipalityOf(actor.scope()).map(m -> m.equals(participant.municipalityCode()))
                .orElse(false);
    }

    boolean mayManage(Actor actor, Trial trial) {
        return maySetUp(actor) && covers(actor.scope(), trial.owner());
    }

    boolean mayRecord(Actor actor, Trial trial) {
        return actor != null && trial.status() == TrialStatus.RUNNING
                && (actor.role() == Role.CASE_WORKER || actor.role() == Role.UNIT_MANAGER)
                && actor.scope().type() == ScopeType.UNIT
                && trial.plan().trialUnits().stream().anyMatch(p -> p.unitCode().equals(actor.scope().code()));
    }

    boolean maySeeFigures(Actor actor, Trial trial) {
        if (actor == null || actor.role() == Role.KNOWLEDGE_EDITOR) {
            return false;
        }
        return mayManage(actor, trial) || actor.role() == Role.NATIONAL_ANALYST
                || trial.plan().participants().stream().anyMatch(p -> covers(actor.scope(), Scope.unit(p.unitCode())));
    }

    static boolean own(Actor actor, String unitCode) {
        return actor != null && actor.scope().type() == ScopeType.UNIT && actor.scope().code().equals(unitCode);
    }

    /** Whether the actor may see a unit's or municipality's improvement chart. */
    boolean maySeeScope(Actor actor, Scope scope) {
        if (actor == null || actor.role() == Role.KNOWLEDGE_EDITOR) {
            return false;
        }
        return covers(actor.scope(), scope);
    }

    boolean mayAnnotate(Actor actor, Scope scope) {
        return maySetUp(actor) && covers(actor.scope(), scope);
    }

    Optional<Unit> unit(String code) {
        return Scope.isWellFormed(ScopeType.UNIT, code) ? organisation.unit(code) : Optional.empty();
    }

    Organisation organisation() {
        return organisation;
    }

    private boolean covers(Scope outer, Scope inner) {
        return outer.equals(inner) || organisation.covers(outer, inner);
    }
}
