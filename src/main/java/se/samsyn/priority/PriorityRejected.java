package se.samsyn.priority;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.samsyn.shared.Rejected;

/** Priority-setting input that cannot be accepted; {@code messageKey} says why in the user's language. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class PriorityRejected extends Rejected {

    public PriorityRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
