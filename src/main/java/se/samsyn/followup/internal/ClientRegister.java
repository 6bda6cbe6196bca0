package se.samsyn.followup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Client;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InvalidPersonalIdentityNumber;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/** {@link ClientRecords} on the {@code fup_*} tables, audited in the same transaction as each read and write. */
@Service
class ClientRegister implements ClientRecords {

    private final FollowupRepository repository;
    private final Catalogue catalogue;
    private final Pseudonymiser pseudonymiser;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClientScope scope;
    private final ChangedClients changed;

    ClientRegister(FollowupRepository repository, Catalogue catalogue, Pseudonymiser pseudonymiser,
                   Organisation organisation, AuditTrail audit, Clock clock, ClientScope scope,
                   ChangedClients changed) {
        this.changed = changed;
        this.repository = repository;
        this.catalogue = catalogue;
        this.pseudonymiser = pseudonymiser;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.scope = scope;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasClients(String unitCode) {
        return !repository.recentClients(unitCode, 1).isEmpty();
    }

    @Override
    @Transactional
    public Lookup lookup(Actor actor, String personalIdentityNumber) {
        Unit unit = unitOf(actor);
        PersonalIdentityNumber number;
        try {
            number = PersonalIdentityNumber.parse(personalIdentityNumber, today());
        } catch (InvalidPersonalIdentityNumber e) {
            throw new FollowupRejected("personnummer", e.messageKey());
        }
        String pseudonym = pseudonymiser.pseudonym(number);
        boolean created = repository.insertClient(unit.municipalityCode(), unit.code(), pseudonym, number.birthYear(),
                number.legalSex().code(), clock.instant());
        long id = repository.clientId(unit.municipalityCode(), unit.code(), pseudonym).orElseThrow();
        audited(actor, unit, id, created ? "CLIENT_CREATED" : "CLIENT_LOOKED_UP",
                created ? AuditCategory.INDIVIDUAL_WRITE : AuditCategory.INDIVIDUAL_READ, null);
        return new Lookup(repository.client(id).orElseThrow(), created);
    }

    @Override
    @Transactional
    public ClientFile file(Actor actor, long clientId) {
        Client client = ownClient(actor, clientId);
        audited(actor, unitOf(actor), clientId, "CLIENT_FILE_READ", AuditCategory.INDIVIDUAL_READ, null);
        return new ClientFile(client, repository.episodes(clientId), repository.needs(clientId),
                repository.interventions(clientId), repository.measurements(clientId));
    }

    @Override
    @Transactional
    public List<Client> recentClients(Actor actor) {
        Unit unit = unitOf(actor);
        List<Client> clients = repository.recentClients(unit.code(), 50);
        audit.record(AuditRecord.of("CLIENT_LIST_READ", AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object("unit", unit.code()).municipality(unit.municipalityCode())
                .county(organisation.countyOf(actor.scope()).orElse(null)).unit(unit.code())
                .details("clients=" + clients.size()).build());
        return clients;
    }

    @Override
    @Transactional
    public boolean addEpisode(Actor actor, long clientId, String focusArea, LocalDate start, LocalDate end) {
        Client client = ownClient(actor, clientId);
        reject(FollowupChecks.focusArea(focusArea));
        reject(FollowupChecks.period("start_date", start, "end_date", end, today()));
        int added = repository.insert(FollowupRepository.INSERT_EPISODE, base(client)
                .addValue("focusArea", focusArea).addValue("startDate", start).addValue("endDate", end));
        audited(actor, unitOf(actor), clientId, "EPISODE_RECORDED", AuditCategory.INDIVIDUAL_WRITE,
                "focusArea=" + focusArea + "; new=" + (added == 1));
        return added == 1;
    }

    @Override
    @Transactional
    public int addNeedAssessment(Actor actor, long clientId, LocalDate assessedOn, Map<LifeArea, Integer> levels,
                                 Map<LifeArea, String> goals) {
        Client client = ownClient(actor, clientId);
        reject(FollowupChecks.period("assessed_on", assessedOn, null, null, today()));
        if (levels.isEmpty()) {
            throw new FollowupRejected("level", "followup.error.no-levels");
        }
        int added = 0;
        for (Map.Entry<LifeArea, Integer> e : levels.entrySet()) {
            reject(FollowupChecks.level(e.getValue()));
            String goal = blankToNull(goals.get(e.getKey()));
            reject(FollowupChecks.goal(goal));
            added += repository.insert(FollowupRepository.INSERT_NEED, base(client).addValue("assessedOn", assessedOn)
                    .addValue("lifeArea", e.getKey().code()).addValue("level", e.getValue()).addValue("goal", goal));
        }
        audited(actor, unitOf(actor), clientId, "NEEDS_ASSESSED", AuditCategory.INDIVIDUAL_WRITE,
                "areas=" + levels.size() + "; new=" + added);
        return added;
    }

    @Override
    @Transactional
    public void setGoalStatus(Actor actor, long clientId, long needId, GoalStatus status) {
        ownClient(actor, clientId);
        if (repository.setGoalStatus(clientId, needId, status.code()) != 1) {
            throw new FollowupRejected("goal", "followup.error.no-goal");
        }
        audited(actor, unitOf(actor), clientId, "GOAL_STATUS_SET", AuditCategory.INDIVIDUAL_WRITE,
                "need=" + needId + "; status=" + status.code());
    }

    @Override
    @Transactional
    public boolean addIntervention(Actor actor, long clientId, String code, LocalDate start, LocalDate end,
                                   EndReason endReason) {
        Client client = ownClient(actor, clientId);
        if (!catalogue.hasIntervention(code)) {
            throw new FollowupRejected("intervention_code", "followup.error.intervention-unknown");
        }
        reject(FollowupChecks.period("start_date", start, "end_date", end, today()));
        if (end != null && endReason == null) {
            throw new FollowupRejected("end_reason", "followup.error.end-reason");
        }
        int added = repository.insert(FollowupRepository.INSERT_INTERVENTION, base(client).addValue("code", code)
                .addValue("startDate", start).addValue("endDate", end)
                .addValue("endReason", endReason == null ? null : endReason.code()));
        audited(actor, unitOf(actor), clientId, "INTERVENTION_RECORDED", AuditCategory.INDIVIDUAL_WRITE,
                "intervention=" + code + "; new=" + (added == 1));
        return added == 1;
    }

    @Override
    @Transactional
    public void endIntervention(Actor actor, long clientId, long interventionId, LocalDate end, EndReason reason) {
        ownClient(actor, clientId);
        if (end == null || reason == null) {
            throw new FollowupRejected("end_reason", "followup.error.end-reason");
        }
        if (repository.endIntervention(clientId, interventionId, end, reason.code()) != 1) {
            throw ClientNotFound.inUnit();
        }
        audited(actor, unitOf(actor), clientId, "INTERVENTION_ENDED", AuditCategory.INDIVIDUAL_WRITE,
                "intervention=" + interventionId + "; reason=" + reason.code());
    }

    @Override
    @Transactional
    public double addMeasurement(Actor actor, long clientId, String instrumentCode, LocalDate measuredOn,
                                 TimePoint timePoint, Double score, List<Integer> answers) {
        return addMeasurement(actor, clientId, instrumentCode, measuredOn, timePoint, score, answers, false);
    }

    @Override
    @Transactional
    public double addMeasurement(Actor actor, long clientId, String instrumentCode, LocalDate measuredOn,
                                 TimePoint timePoint, Double score, List<Integer> answers, boolean confirmed) {
        Client client = ownClient(actor, clientId);
        Instrument instrument = catalogue.instrument(instrumentCode)
                .orElseThrow(() -> new FollowupRejected("instrument_code", "followup.error.instrument-unknown"));
        double value;
        if (answers != null && !answers.isEmpty()) {
            try {
                value = FollowupChecks.scoreOf(answers, instrument);
            } catch (InvalidAnswers e) {
                if (InvalidAnswers.MISSING.equals(e.messageKey())) {
                    throw new ItemsUnanswered(e.items());
                }
                throw new FollowupRejected("answers", e.messageKey());
            }
        } else {
            reject(FollowupChecks.score(score, instrument));
            value = score;
        }
        reject(FollowupChecks.period("measured_on", measuredOn, null, null, today()));
        if (timePoint == null) {
            throw new FollowupRejected("time_point", "followup.error.time-point");
        }
        if (timePoint == TimePoint.BASELINE && !confirmed) {
            baselineConflict(repository.measurements(clientId), instrumentCode, measuredOn).ifPresent(e -> {
                throw e;
            });
        }
        int added = repository.insert(FollowupRepository.INSERT_MEASUREMENT, base(client).addValue("instrument", instrumentCode)
                .addValue("measuredOn", measuredOn).addValue("timePoint", timePoint.code()).addValue("score", value)
                .addValue("answers", answers == null || answers.isEmpty() ? null
                        : String.join(",", answers.stream().map(String::valueOf).toList())));
        if (added == 0) {
            // the same instrument, time point and date is stored (or was removed): never report it saved
            throw new FollowupRejected("measured_on", "followup.error.measurement-exists");
        }
        audited(actor, unitOf(actor), clientId, "MEASUREMENT_RECORDED", AuditCategory.INDIVIDUAL_WRITE,
                "instrument=" + instrumentCode + "; timePoint=" + timePoint.code()
                        + (confirmed && timePoint == TimePoint.BASELINE ? "; confirmed=true" : ""));
        return value;
    }

    /**
     * The reason a new baseline on {@code measuredOn} needs confirmation, given the client's
     * measurements: an existing baseline for the instrument first, else the earliest follow-up
     * (any other time point) dated before it.
     */
    static java.util.Optional<BaselineNeedsConfirmation> baselineConflict(List<Measurement> existing,
                                                                         String instrumentCode, LocalDate measuredOn) {
        return BaselineRule.conflict(existing.stream().map(m -> new BaselineRule.Measured(m.instrumentCode(),
                m.timePoint().code(), m.measuredOn())).toList(), instrumentCode, measuredOn);
    }

    private Client ownClient(Actor actor, long clientId) {
        return scope.ownClient(actor, clientId);
    }

    private Unit unitOf(Actor actor) {
        return scope.unitOf(actor);
    }

    private void audited(Actor actor, Unit unit, long clientId, String action, AuditCategory category, String details) {
        audit.record(AuditRecord.of(action, category).actor(actor).object("client", String.valueOf(clientId))
                .municipality(unit.municipalityCode())
                .county(organisation.countyOf(se.samsyn.shared.Scope.municipality(unit.municipalityCode())).orElse(null))
                .unit(unit.code()).details(details).build());
        if (category == AuditCategory.INDIVIDUAL_WRITE) {
            changed.announce(unit.municipalityCode(), List.of(clientId));
        }
    }

    private static MapSqlParameterSource base(Client client) {
        return new MapSqlParameterSource().addValue("municipality", client.municipalityCode())
                .addValue("client", client.id()).addValue("unit", client.unitCode());
    }

    private static void reject(FollowupChecks.Problem problem) {
        if (problem != null) {
            throw new FollowupRejected(problem.field(), problem.messageKey());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private LocalDate today() {
        return SwedishTime.today(clock);
    }
}
