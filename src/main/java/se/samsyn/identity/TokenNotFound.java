package se.samsyn.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No token with that id belongs to the signed-in user. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TokenNotFound extends RuntimeException {

    private TokenNotFound(long id) {
        super("No token " + id);
    }

    static TokenNotFound forId(long id) {
        return new TokenNotFound(id);
    }
}
