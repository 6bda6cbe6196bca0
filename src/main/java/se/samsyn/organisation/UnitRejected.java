package se.samsyn.organisation;

/** A unit could not be registered or changed; {@code messageKey} says why in the user's language. */
public class UnitRejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    public UnitRejected(String field, String messageKey) {
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
