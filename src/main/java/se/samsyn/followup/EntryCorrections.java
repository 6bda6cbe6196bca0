package se.samsyn.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.CorrectableEntries.StoredEpisode;
import se.samsyn.followup.CorrectableEntries.StoredIntervention;
import se.samsyn.followup.CorrectableEntries.StoredMeasurement;
import se.samsyn.followup.CorrectableEntries.StoredNeed;
import se.samsyn.followup.FollowupRecords.Client;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;

/**
 * Ending, correcting and removing a client's episodes, needs, interventions and measurements, on
 * the client page and through the API. Only the staff of the client's unit may do so (anyone else gets
 * {@link ClientNotFound}, audited as a denied access). Every changed field is kept in the history
 * ({@code fup_history}) with its old and new value, who, when, from where and, for a removal, the
 * required reason; every change and every read of the history is audited in the same transaction.
 * A removed entry is marked, not deleted: the client page and the reports leave it out.
 *
 * <p>Values left null are kept as stored: a correction names only what changes. Rules: the start
 * is not in the future and the end not before the start ({@link FollowupChecks#period}); an ended
 * intervention has an end reason; a changed start may not give the client two entries with the
 * same key (episode: focus area and start; intervention: code and start).
 */
@Service
public class EntryCorrections {

    /** The longest removal reason kept, in characters. */
    public static final int MAX_REASON = 500;

    private final CorrectableEntries entries;
    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Catalogue catalogue;

    EntryCorrections(CorrectableEntries entries, FollowupRepository repository, FollowupHistory history,
                     Organisation organisation, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
                     org.springframework.context.ApplicationEventPublisher events, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.entries = entries;
        this.repository = repository;
        this.history = history;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Corrects an episode's start and sets or corrects its end.
     *
     * @param start the new start, or null to keep it
     * @param end   the end, or null to keep it
     * @return how many fields changed (0 when the values were already stored)
     * @throws ClientNotFound   when the client or episode is not in the actor's unit, or was removed
     * @throws FollowupRejected with the field and message key when a rule is broken
     */
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

    /**
     * Corrects an intervention's start and sets or corrects its end and end reason.
     *
     * @param start     the new start, or null to keep it
     * @param end       the end, or null to keep it
     * @param endReason the end reason, or null to keep it; required once the intervention has an end
     * @return how many fields changed
     * @throws ClientNotFound   when the client or intervention is not in the actor's unit, or was removed
     * @throws FollowupRejected with the field and message key when a rule is broken
     */
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

    /**
     * Corrects a wrongly entered need: its level and goal on that assessment date. The goal's
     * status is kept; an empty goal keeps the stored one.
     *
     * @param level the level 0–4, or null to keep it
     * @param goal  the goal, at most 100 characters, or null or blank to keep it
     * @return how many fields changed
     * @throws ClientNotFound   when the client or need is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.level} or {@code followup.error.goal}
     */
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

    /**
     * Corrects a wrongly entered score. The score is checked against the instrument's scale; a
     * measurement scored from item answers no longer is, so its answers are cleared (kept in the
     * history). Reports and the fact views show the new score from the next read.
     *
     * @param score the score in the instrument's units (for example 0–100 for WHO-5), required
     * @return how many fields changed (0 when the score was stored already)
     * @throws ClientNotFound   when the client or measurement is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.score-missing} or {@code followup.error.score-range}
     */
    @Transactional
    public int correctMeasurement(Actor actor, long clientId, long measurementId, Double score, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredMeasurement m = entries.measurement(clientId, measurementId).orElseThrow(ClientNotFound::inUnit);
        FollowupRecords.Instrument instrument = catalogue.instrument(m.instrumentCode()).orElseThrow();
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

    /**
     * Removes a wrongly entered need: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or need is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
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

    /**
     * Removes a wrongly entered measurement: marks it removed, keeps what it was and why in the
     * history. Reports and the fact views leave it out from the next read.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or measurement is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
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

    /**
     * Removes a wrongly entered episode: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or episode is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
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

    /**
     * Removes a wrongly entered intervention: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or intervention is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
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

    /**
     * The client's kept corrections and removals, newest first, from imports, the page and the API.
     * An audited read.
     *
     * @throws ClientNotFound when the client is not in the actor's unit
     */
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
        Unit unit = unitOf(actor);
        Client client = repository.client(clientId).orElse(null);
        if (client == null || !client.unitCode().equals(unit.code())) {
            separately.executeWithoutResult(tx -> audit.record(AuditRecord.of("CLIENT_ACCESS_DENIED",
                            AuditCategory.INDIVIDUAL_READ).actor(actor).outcome(AuditOutcome.DENIED)
                    .object("client", String.valueOf(clientId)).municipality(unit.municipalityCode())
                    .unit(unit.code()).build()));
            throw ClientNotFound.inUnit();
        }
        return client;
    }

    private Unit unitOf(Actor actor) {
        String code = FollowupAccess.unitOf(actor);
        return organisation.unit(code).orElseThrow(() ->
                new org.springframework.security.access.AccessDeniedException("The unit no longer exists"));
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
