package se.samsyn.shared;

/**
 * Input that cannot be accepted: the field it concerns (or null for the whole request) and a
 * message key that says why in the user's language. Each capability has its own subclass.
 */
public class Rejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    public Rejected(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
