package se.samsyn.followup;

import java.time.LocalDate;

/**
 * A baseline measurement that would make the client's outcome ambiguous, so it is stored only
 * when the user confirms it: a second baseline for the same instrument, or a baseline dated after
 * a follow-up measurement already recorded for it. Change is measured from the baseline, so a
 * silent second or late baseline would change every report. Nothing is stored until confirmed.
 */
public class BaselineNeedsConfirmation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why confirmation is needed; {@link #code()} is the API's problem code. */
    public enum Reason {
        /** A baseline for the instrument already exists; {@code existingOn} is its date. */
        SECOND_BASELINE("followup.baseline.confirm.second"),
        /** A follow-up measurement dated before the new baseline exists; {@code existingOn} is its date. */
        AFTER_FOLLOWUP("followup.baseline.confirm.after-followup");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Message key; arguments: {0} the existing measurement's date, {1} the new baseline's date. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final LocalDate existingOn;
    private final LocalDate measuredOn;

    public BaselineNeedsConfirmation(Reason reason, LocalDate existingOn, LocalDate measuredOn) {
        super("baseline needs confirmation: " + reason);
        this.reason = reason;
        this.existingOn = existingOn;
        this.measuredOn = measuredOn;
    }

    /** The problem code the API answers with: always {@code baseline-needs-confirmation}. */
    public String code() {
        return "baseline-needs-confirmation";
    }

    public Reason reason() {
        return reason;
    }

    /** The date of the measurement already recorded that the new baseline conflicts with. */
    public LocalDate existingOn() {
        return existingOn;
    }

    /** The new baseline's date. */
    public LocalDate measuredOn() {
        return measuredOn;
    }
}
