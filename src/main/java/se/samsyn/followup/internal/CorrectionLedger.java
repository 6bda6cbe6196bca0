package se.samsyn.followup.internal;

import se.samsyn.followup.Instrument;
import se.samsyn.followup.Client;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.internal.CorrectableEntries.StoredEpisode;
import se.samsyn.followup.internal.CorrectableEntries.StoredIntervention;
import se.samsyn.followup.internal.CorrectableEntries.StoredMeasurement;
import se.samsyn.followup.internal.CorrectableEntries.StoredNeed;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;

/**
 * {@link EntryCorrections} on the {@code fup_*} tables: checks a correction with {@link FollowupChecks},
 * updates the stored entry through {@link CorrectableEntries} and keeps each changed field in
 * {@link FollowupHistory}.
 */
@Service
class CorrectionLedger implements EntryCorrections {

    private final CorrectableEntries entries;
    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClientScope scope;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Catalogue catalogue;

    CorrectionLedger(CorrectableEntries entries, FollowupRepository repository, FollowupHistory history,
                     Organisation organisation, AuditTrail audit, Clock clock, ClientScope scope,
                     org.springframework.context.ApplicationEventPublisher events, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.entries = entries;
        this.repository = repository;
        this.history = history;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.scope = scope;
    }

    @Override
    @Transactional
    public int correctEpisode(Actor actor, long clientId, long episodeId, LocalDate start, LocalDate end,
                              ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredEpisode e = entries.episode(clientId, episodeId).orElseThrow(ClientNotFound::inUnit);
        LocalDate newStart = start == null ? e.startDate() : start;
        LocalDate newEnd = end == null ? e.endDate() : end;
        reject(FollowupChecks.period("start_date", newStart, "end_date", newEnd, today()));
        if (!newStart.equals(e.startDate()) && entries.episodeKeyTaken(clientId, episodeId, e.focusArea(), newStart)) {
            throw new FollowupRejected("start_date", "followup.error.entry-exists");
        }
        List<FollowupHistory.Change> changes = new ArrayList<>();
        change(changes, e.municipality(), "episode", episodeId, clientId, "start_date", e.startDate(), newStart);
        change(changes, e.municipality(), "episode", episodeId, clientId, "end_date", e.endDate(), newEnd);
        if (!changes.isEmpty()) {
            entries.updateEpisode(episodeId, newStart, newEnd);
            history.record(changes, actor.username(), clock.instant(), source, null);
        }
        audited(actor, client, "EPISODE_CORRECTED", "episode=" + episodeId + "; source=" + source.code()
                + "; fields=" + fields(changes));
        return changes.size();
    }

    @Override
    @Transactional
    public int correctIntervention(Actor actor, long clientId, long interventionId, LocalDate start, LocalDate end,
                                   EndReason endReason, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredIntervention i = entries.intervention(clientId, interventionId).orElseThrow(ClientNotFound::inUnit);
        LocalDate newStart = start == null ? i.startDate() : start;
        LocalDate newEnd = end == null ? i.endDate() : end;
        String newReason = endReason == null ? i.endReason() : endReason.code();
        reject(FollowupChecks.period("start_date", newStart, "end_date", newEnd, today()));
        if (newEnd != null && newReason == null) {
            throw new FollowupRejected("end_reason", "followup.error.end-reason");
        }
        if (newEnd == null && newReason != null) {
            throw new FollowupRejected("end_date", "followup.error.end-date-for-reason");
        }
        if (!newStart.equals(i.startDate())
                && entries.interventionKeyTaken(clientId, interventionId, i.code(), newStart)) {
            throw new FollowupRejected("start_date", "followup.error.entry-exists");
        }
        List<FollowupHistory.Change> changes = new ArrayList<>();
        change(changes, i.municipality(), "intervention", interventionId, clientId, "start_date", i.startDate(), newStart);
        change(changes, i.municipality(), "intervention", interventionId, clientId, "end_date", i.endDate(), newEnd);
        change(changes, i.municipality(), "intervention", interventionId, clientId, "end_reason", i.endReason(), newReason);
        if (!changes.isEmpty()) {
            entries.updateIntervention(interventionId, newStart, newEnd, newReason);
            history.record(changes, actor.username(), clock.instant(), source, null);
        }
        audited(actor, client, "INTERVENTION_CORRECTED", "intervention=" + interventionId + "; source="
                + source.code() + "; fields=" + fields(changes));
        return changes.size();
    }

    @Override
    @Transactional
    public int correctNeed(Actor actor, long clientId, long needId, Integer level, String goal, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredNeed n = entries.need(clientId, needId).orElseThrow(ClientNotFound::inUnit);
        int newLevel = level == null ? n.level() : level;
        String newGoal = goal == null || goal.isBlank() ? n.goal() : goal.strip();
        reject(FollowupChecks.level(newLevel));
        reject(FollowupChecks.goal(newGoal));
        List<FollowupHistory.Change> changes = new ArrayList<>();
        change(changes, n.municipality(), "need", needId, clientId, "level", n.level(), newLevel);
        change(changes, n.municipality(), "need", needId, clientId, "goal", n.goal(), newGoal);
        if (!changes.isEmpty()) {
            entries.updateNeed(needId, newLevel, newGoal);
            history.record(changes, actor.username(), clock.instant(), source, null);
        }
        audited(actor, client, "NEED_CORRECTED", "need=" + needId + "; source=" + source.code()
                + "; fields=" + fields(changes));
        return changes.size();
    }

    @Override
    @Transactional
    public int correctMeasurement(Actor actor, long clientId, long measurementId, Double score, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredMeasurement m = entries.measurement(clientId, measurementId).orElseThrow(ClientNotFound::inUnit);
        Instrument instrument = catalogue.instrument(m.instrumentCode()).orElseThrow();
        reject(FollowupChecks.score(score, instrument));
        List<FollowupHistory.Change> changes = new ArrayList<>();
        boolean differs = !plain(m.score()).equals(plain(score));
        if (differs && m.answers() != null) {
            // kept first, so the score's change is listed above it (the history is newest first)
            change(changes, m.municipality(), "measurement", measurementId, clientId, "answers", m.answers(), null);
        }
        change(changes, m.municipality(), "measurement", measurementId, clientId, "score", plain(m.score()),
                plain(score));
        if (!changes.isEmpty()) {
            entries.updateMeasurementScore(measurementId, score);
            history.record(changes, actor.username(), clock.instant(), source, null);
        }
        audited(actor, client, "MEASUREMENT_CORRECTED", "measurement=" + measurementId + "; source=" + source.code()
                + "; fields=" + fields(changes));
        return changes.size();
    }

    @Override
    @Transactional
    public void removeNeed(Actor actor, long clientId, long needId, String reason, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        String why = reason(reason);
        StoredNeed n = entries.need(clientId, needId).orElseThrow(ClientNotFound::inUnit);
        entries.markRemoved("fup_need", needId, clock.instant());
        history.record(List.of(new FollowupHistory.Change(n.municipality(), "need", needId, clientId, "removed",
                n.lifeArea() + " " + n.assessedOn() + ": " + n.level() + (n.goal() == null ? "" : " (" + n.goal() + ")"),
                null)), actor.username(), clock.instant(), source, why);
        audited(actor, client, "NEED_REMOVED", "need=" + needId + "; source=" + source.code());
    }

    @Override
    @Transactional
    public void removeMeasurement(Actor actor, long clientId, long measurementId, String reason, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        String why = reason(reason);
        StoredMeasurement m = entries.measurement(clientId, measurementId).orElseThrow(ClientNotFound::inUnit);
        entries.markRemoved("fup_measurement", measurementId, clock.instant());
        history.record(List.of(new FollowupHistory.Change(m.municipality(), "measurement", measurementId, clientId,
                "removed", m.instrumentCode() + " " + m.timePoint() + " " + m.measuredOn() + ": " + plain(m.score()),
                null)), actor.username(), clock.instant(), source, why);
        audited(actor, client, "MEASUREMENT_REMOVED", "measurement=" + measurementId + "; source=" + source.code());
    }

    /** A score as kept in the history: a plain decimal without trailing zeros (40, 62.5). */
    private static String plain(Double score) {
        return score == null ? null : java.math.BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }

    @Override
    @Transactional
    public void removeEpisode(Actor actor, long clientId, long episodeId, String reason, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        String why = reason(reason);
        StoredEpisode e = entries.episode(clientId, episodeId).orElseThrow(ClientNotFound::inUnit);
        entries.markRemoved("fup_episode", episodeId, clock.instant());
        history.record(List.of(new FollowupHistory.Change(e.municipality(), "episode", episodeId, clientId, "removed",
                e.focusArea() + " " + e.startDate() + "–" + (e.endDate() == null ? "" : e.endDate()), null)),
                actor.username(), clock.instant(), source, why);
        audited(actor, client, "EPISODE_REMOVED", "episode=" + episodeId + "; source=" + source.code());
    }

    @Override
    @Transactional
    public void removeIntervention(Actor actor, long clientId, long interventionId, String reason, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        String why = reason(reason);
        StoredIntervention i = entries.intervention(clientId, interventionId).orElseThrow(ClientNotFound::inUnit);
        entries.markRemoved("fup_intervention", interventionId, clock.instant());
        history.record(List.of(new FollowupHistory.Change(i.municipality(), "intervention", interventionId, clientId,
                "removed", i.code() + " " + i.startDate() + "–" + (i.endDate() == null ? "" : i.endDate()), null)),
                actor.username(), clock.instant(), source, why);
        audited(actor, client, "INTERVENTION_REMOVED", "intervention=" + interventionId + "; source=" + source.code());
    }

    @Override
    @Transactional
    public List<HistoryEntry> history(Actor actor, long clientId) {
        Client client = ownClient(actor, clientId);
        List<HistoryEntry> entries = history.forClient(clientId);
        Unit unit = unitOf(actor);
        audit.record(AuditRecord.of("CLIENT_HISTORY_READ", AuditCategory.INDIVIDUAL_READ).actor(actor)
                .object("client", String.valueOf(client.id())).municipality(unit.municipalityCode())
                .county(organisation.countyOf(Scope.municipality(unit.municipalityCode())).orElse(null))
                .unit(unit.code()).details("entries=" + entries.size()).build());
        return entries;
    }

    private static void change(List<FollowupHistory.Change> changes, String municipality, String table, long id,
                               long client, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FollowupHistory.Change(municipality, table, id, client, field,
                    before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    private static String fields(List<FollowupHistory.Change> changes) {
        return String.join(",", changes.stream().map(FollowupHistory.Change::field).toList());
    }

    private static void reject(FollowupChecks.Problem problem) {
        if (problem != null) {
            throw new FollowupRejected(problem.field(), problem.messageKey());
        }
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new FollowupRejected("reason", "followup.error.removal-reason");
        }
        return why;
    }

    private Client ownClient(Actor actor, long clientId) {
        return scope.ownClient(actor, clientId);
    }

    private Unit unitOf(Actor actor) {
        return scope.unitOf(actor);
    }

    private void audited(Actor actor, Client client, String action, String details) {
        Unit unit = unitOf(actor);
        audit.record(AuditRecord.of(action, AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .object("client", String.valueOf(client.id())).municipality(unit.municipalityCode())
                .county(organisation.countyOf(Scope.municipality(unit.municipalityCode())).orElse(null))
                .unit(unit.code()).details(details).build());
        events.publishEvent(new FollowupDataChanged(unit.municipalityCode()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm")));
    }
}
