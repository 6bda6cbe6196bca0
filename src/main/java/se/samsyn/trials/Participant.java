package se.samsyn.trials;

/**
 * A unit taking part in a trial.
 *
 * @param unitCode         the unit's code (organisation's)
 * @param municipalityCode the unit's municipality, four-digit SCB code
 * @param role             whether the unit uses the tool or is a comparison unit
 */
public record Participant(String unitCode, String municipalityCode, ParticipantRole role) implements java.io.Serializable {
}
