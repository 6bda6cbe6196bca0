package se.samsyn.followup;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Ending, correcting and removing a client's episodes, needs, interventions and measurements, on
 * the client page and through the API. Only the staff of the client's unit may do so (anyone else gets
 * {@link ClientNotFound}, audited as a denied access). Every changed field is kept in the history
 * ({@code fup_history}) with its old and new value, who, when, from where and, for a removal, the
 * required reason; every change and every read of the history is audited in the same transaction.
 * A removed entry is marked, not deleted: the client page and the reports leave it out.
 *
 * <p>Values left null are kept as stored: a correction names only what changes. Rules: the start
 * is not in the future and the end not before the start; an ended intervention has an end reason;
 * a changed start may not give the client two entries with the same key (episode: focus area and
 * start; intervention: code and start).
 */
public interface EntryCorrections {

    /** The longest removal reason kept, in characters. */
    int MAX_REASON = 500;

    /**
     * Corrects an episode's start and sets or corrects its end.
     *
     * @param start the new start, or null to keep it
     * @param end   the end, or null to keep it
     * @return how many fields changed (0 when the values were already stored)
     * @throws ClientNotFound   when the client or episode is not in the actor's unit, or was removed
     * @throws FollowupRejected with the field and message key when a rule is broken
     */
    int correctEpisode(Actor actor, long clientId, long episodeId, LocalDate start, LocalDate end,
                       ChangeSource source);

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
    int correctIntervention(Actor actor, long clientId, long interventionId, LocalDate start, LocalDate end,
                            EndReason endReason, ChangeSource source);

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
    int correctNeed(Actor actor, long clientId, long needId, Integer level, String goal, ChangeSource source);

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
    int correctMeasurement(Actor actor, long clientId, long measurementId, Double score, ChangeSource source);

    /**
     * Removes a wrongly entered need: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or need is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
    void removeNeed(Actor actor, long clientId, long needId, String reason, ChangeSource source);

    /**
     * Removes a wrongly entered measurement: marks it removed, keeps what it was and why in the
     * history. Reports and the fact views leave it out from the next read.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or measurement is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
    void removeMeasurement(Actor actor, long clientId, long measurementId, String reason, ChangeSource source);

    /**
     * Removes a wrongly entered episode: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or episode is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
    void removeEpisode(Actor actor, long clientId, long episodeId, String reason, ChangeSource source);

    /**
     * Removes a wrongly entered intervention: marks it removed, keeps what it was and why in the history.
     *
     * @param reason why, 1–{@value #MAX_REASON} characters, required
     * @throws ClientNotFound   when the client or intervention is not in the actor's unit, or was removed
     * @throws FollowupRejected {@code followup.error.removal-reason} without a reason
     */
    void removeIntervention(Actor actor, long clientId, long interventionId, String reason, ChangeSource source);

    /**
     * The client's kept corrections and removals, newest first, from imports, the page and the API.
     * An audited read.
     *
     * @throws ClientNotFound when the client is not in the actor's unit
     */
    List<HistoryEntry> history(Actor actor, long clientId);
}
