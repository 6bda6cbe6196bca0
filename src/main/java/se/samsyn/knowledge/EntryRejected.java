package se.samsyn.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Entry or collection input that cannot be accepted; {@code messageKey} says why in the user's language. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
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
