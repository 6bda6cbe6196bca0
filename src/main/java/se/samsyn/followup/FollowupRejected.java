package se.samsyn.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.samsyn.shared.Rejected;

/** Follow-up input that cannot be accepted; {@code messageKey} says why in the user's language. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class FollowupRejected extends Rejected {

    public FollowupRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
