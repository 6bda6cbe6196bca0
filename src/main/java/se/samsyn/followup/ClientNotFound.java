package se.samsyn.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No client with that id in the caller's unit; the same answer whether it exists elsewhere or not. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ClientNotFound extends RuntimeException {

    private ClientNotFound() {
        super("No such client in this unit");
    }

    static ClientNotFound inUnit() {
        return new ClientNotFound();
    }
}
