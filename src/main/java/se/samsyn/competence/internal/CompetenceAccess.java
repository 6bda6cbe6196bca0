package se.samsyn.competence.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.StaffNotFound;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * Who may see what of the competence data (ADR 12). Names: the unit's manager (role unit manager,
 * scope that unit) and the administrator of the unit's municipality (role administrator, scope
 * that municipality). Aggregates of a municipality: the analysts, directors and administrators
 * whose scope covers it, and the managers of its units for their own unit. A refused look-up of
 * names is audited as {@code COMPETENCE_ACCESS_DENIED} in a transaction of its own and answered
 * as not found.
 */
@Component
class CompetenceAccess {

    private final Organisation organisation;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    CompetenceAccess(Organisation organisation, AuditTrail audit, PlatformTransactionManager transactions) {
        this.organisation = organisation;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the actor sees the unit's staff by name. */
    static boolean maySeeNames(Actor actor, Unit unit) {
        if (actor == null || unit == null) {
            return false;
        }
        return actor.role() == Role.UNIT_MANAGER && actor.scope().type() == ScopeType.UNIT
                && actor.scope().code().equals(unit.code())
                || actor.role() == Role.ADMINISTRATOR && actor.scope().type() == ScopeType.MUNICIPALITY
                && actor.scope().code().equals(unit.municipalityCode());
    }

    /** Whether the actor sees aggregates of the municipality (counts and shares, never names). */
    boolean maySeeAggregates(Actor actor, String municipalityCode) {
        if (actor == null || actor.role() == Role.CASE_WORKER || actor.role() == Role.KNOWLEDGE_EDITOR) {
            return false;
        }
        if (actor.scope().type() == ScopeType.UNIT) {
            return false;
        }
        return organisation.covers(actor.scope(), Scope.municipality(municipalityCode));
    }

    /** The unit, when the actor may see its staff by name; {@link StaffNotFound}, audited, otherwise. */
    Unit names(Actor actor, String unitCode) {
        Unit unit = Scope.isWellFormed(ScopeType.UNIT, unitCode) ? organisation.unit(unitCode).orElse(null) : null;
        if (!maySeeNames(actor, unit)) {
            throw refused(actor, "staff-register", unitCode, unit);
        }
        return unit;
    }

    /**
     * Audits a refused look-up as {@code COMPETENCE_ACCESS_DENIED} in a transaction of its own (so the
     * caller's rollback keeps it) and returns the {@link StaffNotFound} to throw.
     *
     * @param unit the unit concerned, or null when unknown
     */
    StaffNotFound refused(Actor actor, String objectType, String objectId, Unit unit) {
        separately.executeWithoutResult(tx -> audit.record(AuditRecord.of("COMPETENCE_ACCESS_DENIED",
                        AuditCategory.INDIVIDUAL_READ).actor(actor).outcome(AuditOutcome.DENIED)
                .object(objectType, objectId)
                .municipality(unit == null ? null : unit.municipalityCode())
                .unit(unit == null ? null : unit.code()).build()));
        return new StaffNotFound();
    }

    /** The actor's unit when it is a unit manager's, for the start page. */
    java.util.Optional<Unit> ownUnit(Actor actor) {
        return actor != null && actor.scope().type() == ScopeType.UNIT
                ? organisation.unit(actor.scope().code()) : java.util.Optional.empty();
    }

    Organisation organisation() {
        return organisation;
    }
}
