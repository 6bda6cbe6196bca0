package se.samsyn.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.samsyn.shared.Actor;

/**
 * A unit's client records: find or create a client from a personal identity number, read the
 * client's file, and record episodes, needs, interventions and measurements. Only the staff of
 * the client's unit may do so (anyone else gets {@code AccessDeniedException}, 403, or, for a client
 * of another unit, {@link ClientNotFound}, audited as a denied access), and every read and write is
 * audited in the same transaction. Broken rules are {@link FollowupRejected} (422) with the field
 * and message key.
 */
public interface ClientRecords {

    /** A client found or created by a look-up. */
    record Lookup(Client client, boolean created) {
    }

    /** Whether a unit has any clients; a count, not individual data, so it is not audited. */
    boolean hasClients(String unitCode);

    /**
     * Finds the client of the actor's unit with this personal identity number (10 or 12 digits,
     * with or without separator), creating it when there is none; the number itself is never stored.
     *
     * @throws FollowupRejected {@code personnummer} with the number's message key when it is invalid
     */
    Lookup lookup(Actor actor, String personalIdentityNumber);

    /** Everything recorded about one client of the actor's unit, removed entries left out; an audited read. */
    ClientFile file(Actor actor, long clientId);

    /** The latest clients of the actor's unit, at most 50, newest first; an audited read. */
    List<Client> recentClients(Actor actor);

    /**
     * Records an episode of a focus area; answers whether it was new (the same focus area and start
     * are stored once).
     */
    boolean addEpisode(Actor actor, long clientId, String focusArea, LocalDate start, LocalDate end);

    /** Records one dated needs assessment: a level 0–4 and an optional goal per life area. */
    int addNeedAssessment(Actor actor, long clientId, LocalDate assessedOn, Map<LifeArea, Integer> levels,
                          Map<LifeArea, String> goals);

    /** Sets the status of a need's goal. */
    void setGoalStatus(Actor actor, long clientId, long needId, GoalStatus status);

    /**
     * Records an intervention from the catalogue; answers whether it was new (the same code and start
     * are stored once). An ended intervention needs an end reason.
     */
    boolean addIntervention(Actor actor, long clientId, String code, LocalDate start, LocalDate end,
                            EndReason endReason);

    /** Ends an ongoing intervention on {@code end} for {@code reason}, both required. */
    void endIntervention(Actor actor, long clientId, long interventionId, LocalDate end, EndReason reason);

    /**
     * Records a measurement as {@link #addMeasurement(Actor, long, String, LocalDate, TimePoint, Double, List, boolean)}
     * does, without confirming a second or late baseline.
     */
    double addMeasurement(Actor actor, long clientId, String instrumentCode, LocalDate measuredOn,
                          TimePoint timePoint, Double score, List<Integer> answers);

    /**
     * Records a measurement from item answers (one per item in item order, {@code null} for an
     * unanswered item; scored by the instrument's rule) or, when {@code answers} is null or empty,
     * from {@code score} in the instrument's units.
     *
     * @param confirmed the user has confirmed a second baseline or a baseline dated after a follow-up
     * @return the stored score
     * @throws ItemsUnanswered naming every unanswered item; nothing is stored
     * @throws BaselineNeedsConfirmation for a second or late baseline when not {@code confirmed};
     *         nothing is stored
     * @throws FollowupRejected for an unknown instrument, a missing or future date, a missing time
     *         point, a wrong number of answers, an answer or score outside the scale, or a
     *         measurement of the same instrument, time point and date already stored or removed
     *         ({@code followup.error.measurement-exists}; correct that one instead)
     */
    double addMeasurement(Actor actor, long clientId, String instrumentCode, LocalDate measuredOn,
                          TimePoint timePoint, Double score, List<Integer> answers, boolean confirmed);
}
