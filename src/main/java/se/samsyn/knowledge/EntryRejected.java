package se.samsyn.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.samsyn.shared.Rejected;

/** Entry or collection input that cannot be accepted; {@code messageKey} says why in the user's language. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class EntryRejected extends Rejected {

    public EntryRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
