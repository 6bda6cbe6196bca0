package se.samsyn.knowledge;

/** Entry or collection input that cannot be accepted; {@code messageKey} says why in the user's language. */
public class EntryRejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    public EntryRejected(String field, String messageKey) {
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
