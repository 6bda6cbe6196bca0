package se.samsyn.identity;

/** An account change was refused; {@code messageKey} says why in the user's language. */
public class AccountRejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    AccountRejected(String field, String messageKey) {
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
