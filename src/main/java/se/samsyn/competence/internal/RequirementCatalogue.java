package se.samsyn.competence.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Requirement;
import se.samsyn.competence.RequirementKind;
import se.samsyn.competence.Requirements;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.ScopeType;

/**
 * {@link Requirements} on {@code cpt_requirement}. A national analyst keeps statutory requirements
 * and national goals; the administrator or social director of a municipality keeps its local ones.
 * A saved requirement must state at least one criterion, and a training it names must be a
 * published knowledge-guide entry of type training.
 */
@Service
class RequirementCatalogue implements Requirements {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final RequirementStore store;
    private final Organisation organisation;
    private final GuideTrainings trainings;
    private final AuditTrail audit;
    private final Clock clock;

    RequirementCatalogue(RequirementStore store, Organisation organisation, GuideTrainings trainings, AuditTrail audit,
                         Clock clock) {
        this.store = store;
        this.organisation = organisation;
        this.trainings = trainings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Requirement> catalogue(String municipalityCode) {
        return store.catalogue(municipalityCode);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Requirement> requirement(String code) {
        return code == null ? Optional.empty() : store.find(code);
    }

    @Override
    public List<se.samsyn.competence.Training> trainings() {
        return trainings.all();
    }

    @Override
    public boolean mayKeep(Actor actor, Requirement requirement) {
        if (actor == null) {
            return false;
        }
        if (requirement.kind() != RequirementKind.LOCAL) {
            return actor.role() == Role.NATIONAL_ANALYST;
        }
        return (actor.role() == Role.ADMINISTRATOR || actor.role() == Role.SOCIAL_DIRECTOR)
                && actor.scope().type() == ScopeType.MUNICIPALITY
                && actor.scope().code().equals(requirement.municipalityCode());
    }

    @Override
    @Transactional
    public Requirement save(Actor actor, Requirement r) {
        check(r);
        Optional<Requirement> earlier = store.find(r.code());
        if (!mayKeep(actor, r) || earlier.isPresent() && !mayKeep(actor, earlier.get())) {
            throw new AccessDeniedException("This requirement is kept by someone else");
        }
        store.save(r, clock.instant(), actor.username());
        audit.record(AuditRecord.of("COMPETENCE_REQUIREMENT_" + (earlier.isPresent() ? "CHANGED" : "ADDED"),
                        AuditCategory.ADMINISTRATION).actor(actor).object("competence-requirement", r.code())
                .municipality(r.municipalityCode()).details("requirementKind=" + r.kind().code()).build());
        return store.find(r.code()).orElseThrow();
    }

    private void check(Requirement r) {
        if (!CODE.matcher(r.code()).matches()) {
            throw new CompetenceRejected("code", "competence.error.code");
        }
        if (r.titleSv() == null || r.titleSv().isBlank() || r.titleSv().length() > 300
                || r.titleEn() != null && r.titleEn().length() > 300) {
            throw new CompetenceRejected("titleSv", "competence.error.title");
        }
        if (r.source() == null || r.source().isBlank() || r.source().length() > 500) {
            throw new CompetenceRejected("source", "competence.error.source");
        }
        if ((r.kind() == RequirementKind.LOCAL) != (r.municipalityCode() != null)
                || r.municipalityCode() != null && organisation.municipality(r.municipalityCode()).isEmpty()) {
            throw new CompetenceRejected("municipalityCode", "competence.error.municipality");
        }
        if (r.degrees().isEmpty() && r.components().isEmpty() && r.training() == null && r.minYears() == null
                && r.title() == null) {
            throw new CompetenceRejected("degrees", "competence.error.no-criterion");
        }
        if (r.training() != null && trainings.training(r.training()).isEmpty()) {
            throw new CompetenceRejected("training", "competence.error.training");
        }
        if (r.minYears() != null && (r.minYears().signum() < 0 || r.minYears().compareTo(BigDecimal.valueOf(60)) > 0
                || r.minYears().scale() > 1)) {
            throw new CompetenceRejected("minYears", "competence.error.prior-years");
        }
        if (r.withinMonths() != null && (r.withinMonths() < 1 || r.withinMonths() > 120)) {
            throw new CompetenceRejected("withinMonths", "competence.error.within-months");
        }
    }
}
