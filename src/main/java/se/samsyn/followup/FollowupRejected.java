package se.samsyn.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Follow-up input that cannot be accepted; {@code messageKey} says why in the user's language. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class FollowupRejected extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FollowupRejected(String field, String messageKey) {
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
