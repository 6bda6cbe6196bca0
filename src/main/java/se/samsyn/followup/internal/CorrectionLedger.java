package se.samsyn.followup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.Client;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.internal.CorrectableEntries.Kind;
import se.samsyn.followup.internal.CorrectableEntries.StoredEntry;
import se.samsyn.followup.internal.CorrectableEntries.StoredEpisode;
import se.samsyn.followup.internal.CorrectableEntries.StoredIntervention;
import se.samsyn.followup.internal.CorrectableEntries.StoredMeasurement;
import se.samsyn.followup.internal.CorrectableEntries.StoredNeed;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;

import static se.samsyn.followup.internal.CorrectableEntries.plain;

/**
 * {@link EntryCorrections} on the {@code fup_*} tables: checks a correction with {@link FollowupChecks},
 * updates the stored entry through {@link CorrectableEntries} and keeps each changed field in
 * {@link FollowupHistory}. Every method runs in one transaction: the change, its history rows and
 * its audit record are kept together or not at all.
 */
@Service
@Transactional
class CorrectionLedger implements EntryCorrections {

    private final CorrectableEntries entries;
    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClientScope scope;
    private final ChangedClients changed;
    private final Catalogue catalogue;

    CorrectionLedger(CorrectableEntries entries, FollowupRepository repository, FollowupHistory history,
                     Organisation organisation, AuditTrail audit, Clock clock, ClientScope scope,
                     ChangedClients changed, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.entries = entries;
        this.repository = repository;
        this.history = history;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
        this.scope = scope;
    }

    @Override
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
        return correct(actor, client, Kind.EPISODE, e, source, List.of(
                Edit.of("start_date", e.startDate(), newStart), Edit.of("end_date", e.endDate(), newEnd)));
    }

    @Override
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
        return correct(actor, client, Kind.INTERVENTION, i, source, List.of(
                Edit.of("start_date", i.startDate(), newStart), Edit.of("end_date", i.endDate(), newEnd),
                Edit.of("end_reason", i.endReason(), newReason)));
    }

    @Override
    public int correctNeed(Actor actor, long clientId, long needId, Integer level, String goal, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredNeed n = entries.need(clientId, needId).orElseThrow(ClientNotFound::inUnit);
        int newLevel = level == null ? n.level() : level;
        String newGoal = goal == null || goal.isBlank() ? n.goal() : goal.strip();
        reject(FollowupChecks.level(newLevel));
        reject(FollowupChecks.goal(newGoal));
        return correct(actor, client, Kind.NEED, n, source, List.of(
                Edit.of("level", n.level(), newLevel), Edit.of("goal", n.goal(), newGoal)));
    }

    @Override
    public int correctMeasurement(Actor actor, long clientId, long measurementId, Double score, ChangeSource source) {
        Client client = ownClient(actor, clientId);
        StoredMeasurement m = entries.measurement(clientId, measurementId).orElseThrow(ClientNotFound::inUnit);
        Instrument instrument = catalogue.instrument(m.instrumentCode()).orElseThrow();
        reject(FollowupChecks.score(score, instrument));
        List<Edit> edits = new ArrayList<>();
        boolean differs = !plain(m.score()).equals(plain(score));
        if (differs && m.answers() != null) {
            // kept first, so the score's change is listed above it (the history is newest first);
            // the item answers no longer give the score, so they are cleared
            edits.add(Edit.of("answers", m.answers(), null));
        }
        edits.add(new Edit("score", plain(m.score()), plain(score), score));
        return correct(actor, client, Kind.MEASUREMENT, m, source, edits);
    }

    @Override
    public void removeNeed(Actor actor, long clientId, long needId, String reason, ChangeSource source) {
        remove(actor, clientId, needId, reason, source, Kind.NEED, entries::need);
    }

    @Override
    public void removeMeasurement(Actor actor, long clientId, long measurementId, String reason, ChangeSource source) {
        remove(actor, clientId, measurementId, reason, source, Kind.MEASUREMENT, entries::measurement);
    }

    @Override
    public void removeEpisode(Actor actor, long clientId, long episodeId, String reason, ChangeSource source) {
        remove(actor, clientId, episodeId, reason, source, Kind.EPISODE, entries::episode);
    }

    @Override
    public void removeIntervention(Actor actor, long clientId, long interventionId, String reason, ChangeSource source) {
        remove(actor, clientId, interventionId, reason, source, Kind.INTERVENTION, entries::intervention);
    }

    /**
     * One column a correction may set: the stored and the new value as the history keeps them (text),
     * and the new value as the column takes it.
     */
    private record Edit(String column, String before, String after, Object value) {
        static Edit of(String column, Object before, Object after) {
            return new Edit(column, before == null ? null : before.toString(), after == null ? null : after.toString(),
                    after);
        }
    }

    /** Finds a client's stored entry of one kind, locked, unless removed. */
    private interface Finder {
        Optional<? extends StoredEntry> find(long clientId, long id);
    }

    /**
     * The one path of every correction: keeps the edits whose value changes, updates those columns,
     * records each as a history row ({@code <what>}, field = column) and audits
     * {@code <AUDIT>_CORRECTED} with the changed fields, also when nothing changed.
     *
     * @return how many fields changed
     */
    private int correct(Actor actor, Client client, Kind kind, StoredEntry stored, ChangeSource source,
                        List<Edit> edits) {
        List<FollowupHistory.Change> changes = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Edit edit : edits) {
            if (!Objects.equals(edit.before(), edit.after())) {
                changes.add(new FollowupHistory.Change(stored.municipality(), kind.what, stored.id(), client.id(),
                        edit.column(), edit.before(), edit.after()));
                values.put(edit.column(), edit.value());
            }
        }
        if (!changes.isEmpty()) {
            entries.update(kind, stored.id(), values);
            history.record(changes, actor.username(), clock.instant(), source, null);
        }
        audited(actor, client, kind.audit + "_CORRECTED", kind.what + "=" + stored.id() + "; source=" + source.code()
                + "; fields=" + String.join(",", changes.stream().map(FollowupHistory.Change::field).toList()));
        return changes.size();
    }

    /**
     * The one path of every removal: checks the reason, marks the entry removed, keeps what it was
     * and why as a {@code removed} history row, and audits {@code <AUDIT>_REMOVED}.
     */
    private void remove(Actor actor, long clientId, long id, String reason, ChangeSource source, Kind kind,
                        Finder finder) {
        Client client = ownClient(actor, clientId);
        String why = reason(reason);
        StoredEntry stored = finder.find(clientId, id).orElseThrow(ClientNotFound::inUnit);
        entries.markRemoved(kind, id, clock.instant());
        history.record(List.of(new FollowupHistory.Change(stored.municipality(), kind.what, id, clientId, "removed",
                stored.removedText(), null)), actor.username(), clock.instant(), source, why);
        audited(actor, client, kind.audit + "_REMOVED", kind.what + "=" + id + "; source=" + source.code());
    }

    @Override
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
        changed.announce(unit.municipalityCode(), List.of(client.id()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm")));
    }
}
