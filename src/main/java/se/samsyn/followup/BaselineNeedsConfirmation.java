package se.samsyn.followup;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import se.samsyn.shared.DomainProblem;

/**
 * A baseline measurement that would make the client's outcome ambiguous, so it is stored only
 * when the user confirms it: a second baseline for the same instrument, or a baseline dated after
 * a follow-up measurement already recorded for it. Change is measured from the baseline, so a
 * silent second or late baseline would change every report. Nothing is stored until confirmed.
 *
 * <p>Answered 409 with the problem properties {@code code} "baseline-needs-confirmation",
 * {@code reason} "second-baseline" or "after-followup" and {@code existingOn} (yyyy-MM-dd); the
 * detail is the reason's message followed by {@code followup.baseline.confirm.api}.
 */
public class BaselineNeedsConfirmation extends DomainProblem {

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

        /** The reason's code in the API: {@code second-baseline} or {@code after-followup}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final LocalDate existingOn;
    private final LocalDate measuredOn;

    /**
     * @param reason     why the baseline needs confirmation
     * @param existingOn the date of the measurement already recorded
     * @param measuredOn the new baseline's date
     */
    public BaselineNeedsConfirmation(Reason reason, LocalDate existingOn, LocalDate measuredOn) {
        super(409, "followup.baseline.confirm.problem", "baseline needs confirmation: " + reason);
        this.reason = reason;
        this.existingOn = existingOn;
        this.measuredOn = measuredOn;
        property("code", code());
        property("reason", reason.code());
        property("existingOn", existingOn == null ? null : existingOn.toString());
    }

    /**
     * Two arguments for {@code followup.baseline.confirm.problem} ("{0} {1}"): the reason's message
     * with both dates, and {@code followup.baseline.confirm.api}.
     */
    @Override
    public Object[] messageArguments() {
        return new Object[] {
                new DefaultMessageSourceResolvable(new String[] {reason.messageKey()}, new Object[] {existingOn, measuredOn}),
                new DefaultMessageSourceResolvable("followup.baseline.confirm.api")};
    }

    /** The problem code the API answers with: always {@code baseline-needs-confirmation}. */
    public String code() {
        return "baseline-needs-confirmation";
    }

    /** Why confirmation is needed. */
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
