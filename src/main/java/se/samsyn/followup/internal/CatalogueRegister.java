package se.samsyn.followup.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;

/** {@link Catalogue} on {@code fup_intervention_type} and {@code fup_instrument}. */
@Service
class CatalogueRegister implements Catalogue {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private final FollowupRepository repository;
    private final AuditTrail audit;

    CatalogueRegister(FollowupRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InterventionType> interventions() {
        return repository.interventionTypes();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasIntervention(String code) {
        return code != null && repository.interventionTypeExists(code);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Instrument> instruments() {
        return repository.instruments();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instrument> instrument(String code) {
        return repository.instruments().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    @Override
    @Transactional
    public InterventionType addIntervention(Actor actor, InterventionType type) {
        requireNationalAnalyst(actor);
        if (type.code() == null || !CODE.matcher(type.code()).matches()) {
            throw new FollowupRejected("code", "followup.error.code-format");
        }
        if (repository.interventionTypeExists(type.code())) {
            throw new FollowupRejected("code", "followup.error.code-taken");
        }
        if (type.nameSv() == null || type.nameSv().isBlank() || type.nameSv().length() > 200) {
            throw new FollowupRejected("nameSv", "followup.error.name");
        }
        if (type.focusAreas().isEmpty() || type.focusAreas().stream().anyMatch(a -> FocusArea.fromCode(a).isEmpty())) {
            throw new FollowupRejected("focusAreas", "followup.error.focus-area");
        }
        String nameEn = type.nameEn() == null || type.nameEn().isBlank() ? type.nameSv() : type.nameEn();
        InterventionType stored = new InterventionType(type.code(), type.nameSv().trim(), nameEn.trim(),
                type.focusAreas(), type.guideEntry(), true);
        repository.insertInterventionType(stored);
        audit.record(AuditRecord.of("INTERVENTION_TYPE_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("intervention-type", type.code()).build());
        return stored;
    }

    @Override
    @Transactional
    public Instrument addInstrument(Actor actor, Instrument instrument) {
        requireNationalAnalyst(actor);
        if (instrument.code() == null || !CODE.matcher(instrument.code()).matches()) {
            throw new FollowupRejected("code", "followup.error.code-format");
        }
        if (repository.instrumentExists(instrument.code())) {
            throw new FollowupRejected("code", "followup.error.code-taken");
        }
        if (instrument.nameSv() == null || instrument.nameSv().isBlank()) {
            throw new FollowupRejected("nameSv", "followup.error.name");
        }
        if (instrument.scoreMin() >= instrument.scoreMax() || instrument.minimalImportantDifference() <= 0
                || instrument.multiplier() <= 0) {
            throw new FollowupRejected("scoreMax", "followup.error.instrument-range");
        }
        if (instrument.items().stream().anyMatch(i -> i.min() >= i.max())) {
            throw new FollowupRejected("items", "followup.error.item-range");
        }
        repository.insertInstrument(instrument);
        audit.record(AuditRecord.of("INSTRUMENT_CREATED", AuditCategory.ADMINISTRATION).actor(actor)
                .object("instrument", instrument.code()).build());
        return instrument;
    }

    private static void requireNationalAnalyst(Actor actor) {
        if (actor == null || actor.role() != Role.NATIONAL_ANALYST) {
            throw new AccessDeniedException("The catalogue is kept by national analysts");
        }
    }
}
