package se.samsyn.followup;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Actor;

/**
 * The national catalogue of interventions and outcome instruments, kept by national analysts
 * (anyone else gets {@code AccessDeniedException}, 403). Every change is audited; a broken rule is
 * {@link FollowupRejected} (422) with the field and message key.
 */
public interface Catalogue {

    /** Every intervention type, by code. */
    List<InterventionType> interventions();

    /** Whether an intervention type with this code exists; false for null. */
    boolean hasIntervention(String code);

    /** Every outcome instrument, by code. */
    List<Instrument> instruments();

    /** The instrument with this code, if any. */
    Optional<Instrument> instrument(String code);

    /**
     * Adds an intervention type: a code of 1–40 letters, digits, {@code _} or {@code -} not yet
     * taken, a Swedish name of at most 200 characters (the English name defaults to it), and at
     * least one known focus area.
     *
     * @return the stored type, names trimmed, active
     */
    InterventionType addIntervention(Actor actor, InterventionType type);

    /**
     * Adds an outcome instrument: a free code as for interventions, a Swedish name, a scale whose
     * minimum is below its maximum, a positive minimal important difference and multiplier, and
     * items whose minimum is below their maximum.
     */
    Instrument addInstrument(Actor actor, Instrument instrument);
}
