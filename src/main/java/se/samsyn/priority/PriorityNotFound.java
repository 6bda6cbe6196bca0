package se.samsyn.priority;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such process, pair, published version or scenario (or none the caller may see). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PriorityNotFound extends RuntimeException {

    public PriorityNotFound(String what) {
        super(what + " not found");
    }
}
