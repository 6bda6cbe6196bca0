package se.samsyn.comparison;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No indicator with this id, or none the caller may see. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IndicatorNotFound extends RuntimeException {

    public IndicatorNotFound(String id) {
        super("No indicator " + id);
    }
}
