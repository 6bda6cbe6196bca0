package se.samsyn.followup;

/**
 * A personal identity number that cannot be accepted.
 *
 * <p>The message deliberately leaves out the rejected input: exceptions end up in logs and error
 * pages, and a mistyped number is still personal data.
 */
public class InvalidPersonalIdentityNumber extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        FORMAT("followup.pnr.format"),
        DATE("followup.pnr.date"),
        CHECKSUM("followup.pnr.checksum"),
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

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }
}
