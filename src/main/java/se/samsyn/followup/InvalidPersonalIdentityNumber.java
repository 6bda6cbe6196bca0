package se.samsyn.followup;

/**
 * A personal identity number that cannot be accepted.
 *
 * <p>The message deliberately leaves out the rejected input: exceptions end up in logs and error
 * pages, and a mistyped number is still personal data.
 */
public class InvalidPersonalIdentityNumber extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Why a number was refused, each with a message key in {@code i18n/followup*.properties}; the
     * rules are listed on {@link PersonalIdentityNumber}.
     */
    public enum Reason {
        /** Not one of the written forms: letters, spaces, a misplaced or repeated separator, other digits than 0-9. */
        FORMAT("followup.pnr.format"),
        /** Digits with at most one separator, but not 10 or 12 of them. */
        LENGTH("followup.pnr.length"),
        /** A twelve-digit number whose century is not 18, 19 or 20. */
        CENTURY("followup.pnr.century"),
        /** No such calendar date (also for a coordination day minus 60). */
        DATE("followup.pnr.date"),
        /** Birth number 000; Skatteverket issues 001-999. */
        BIRTH_NUMBER("followup.pnr.birth-number"),
        /** The Luhn check digit does not match. */
        CHECKSUM("followup.pnr.checksum"),
        /** A twelve-digit number written with '+' for someone who does not turn 100 until after the reference year. */
        PLUS_CENTURY("followup.pnr.plus-century"),
        /** A date of birth after the reference date. */
        FUTURE("followup.pnr.future");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    InvalidPersonalIdentityNumber(Reason reason) {
        super("Invalid personal identity number: " + reason);
        this.reason = reason;
    }

    /** The rule the number broke. */
    public Reason reason() {
        return reason;
    }

    /** The message key of {@link #reason()}, for the user's language. */
    public String messageKey() {
        return reason.messageKey();
    }
}
