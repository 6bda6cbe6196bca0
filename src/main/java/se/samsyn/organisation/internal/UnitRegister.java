package se.samsyn.organisation.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.organisation.UnitNotFound;
import se.samsyn.organisation.UnitRejected;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Registering and changing units. Only administrators do it, and only within their own scope:
 * a municipality's administrator for that municipality, a national administrator anywhere. A new
 * unit's code starts with its municipality's four-digit code and a hyphen ({@code 1280-IFO-BU}), so
 * an administrator cannot make a code that claims another municipality (issue 12 point 7); the
 * municipality itself must lie within the administrator's scope.
 */
@Service
class UnitRegister implements Units {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,39}");

    private final OrganisationRepository repository;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;

    UnitRegister(OrganisationRepository repository, Organisation organisation, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Unit register(Actor actor, NewUnit unit) {
        String municipality = unit.municipalityCode() == null ? "" : unit.municipalityCode().trim();
        requireAdministratorOf(actor, municipality);
        String code = unit.code() == null ? "" : unit.code().trim();
        if (!CODE.matcher(code).matches()) {
            throw new UnitRejected("code", "unit.error.code-format");
        }
        if (!code.startsWith(municipality + "-")) {
            throw new UnitRejected("code", "unit.error.code-prefix");
        }
        if (repository.unitCodeTaken(code)) {
            throw new UnitRejected("code", "unit.error.code-taken");
        }
        String name = validName(unit.name());
        Set<FocusArea> areas = validAreas(unit.focusAreas());
        repository.insertUnit(municipality, code, name, areas, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        audit.record(AuditRecord.of("UNIT_CREATED", AuditCategory.ADMINISTRATION)
                .actor(actor)
                .object("unit", code)
                .municipality(municipality)
                .county(repository.countyOfMunicipality(municipality).orElse(null))
                .unit(code)
                .details("name=" + name + "; focusAreas=" + codes(areas))
                .build());
        return repository.unit(code).orElseThrow();
    }

    @Override
    @Transactional
    public Unit change(Actor actor, String code, String name, Set<FocusArea> focusAreas, boolean active) {
        Unit existing = repository.unit(code).orElseThrow(() -> UnitNotFound.forCode(code));
        requireAdministratorOf(actor, existing.municipalityCode());
        String validName = validName(name);
        Set<FocusArea> areas = validAreas(focusAreas);
        repository.updateUnit(existing.municipalityCode(), code, validName, areas, active);
        audit.record(AuditRecord.of("UNIT_CHANGED", AuditCategory.ADMINISTRATION)
                .actor(actor)
                .object("unit", code)
                .municipality(existing.municipalityCode())
                .county(repository.countyOfMunicipality(existing.municipalityCode()).orElse(null))
                .unit(code)
                .details("name=" + validName + "; focusAreas=" + codes(areas) + "; active=" + active)
                .build());
        return repository.unit(code).orElseThrow();
    }

    private void requireAdministratorOf(Actor actor, String municipalityCode) {
        if (actor == null || actor.role() != Role.ADMINISTRATOR) {
            throw new AccessDeniedException("Only administrators manage units");
        }
        if (!Scope.isWellFormed(se.samsyn.shared.ScopeType.MUNICIPALITY, municipalityCode)
                || !repository.municipalityExists(municipalityCode)) {
            throw new UnitRejected("municipalityCode", "unit.error.municipality-unknown");
        }
        if (!organisation.covers(actor.scope(), Scope.municipality(municipalityCode))) {
            throw new AccessDeniedException("Municipality outside the administrator's scope");
        }
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 200) {
            throw new UnitRejected("name", "unit.error.name");
        }
        return n;
    }

    private static Set<FocusArea> validAreas(Set<FocusArea> areas) {
        if (areas == null || areas.isEmpty()) {
            throw new UnitRejected("focusAreas", "unit.error.focus-areas");
        }
        return areas;
    }

    private static String codes(Set<FocusArea> areas) {
        return areas.stream().map(FocusArea::code).sorted().collect(Collectors.joining(","));
    }
}
