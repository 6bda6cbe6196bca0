package se.samsyn.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account has that id, or it lies outside the administrator's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFound extends RuntimeException {

    private AccountNotFound(long id) {
        super("No account " + id);
    }

    static AccountNotFound forId(long id) {
        return new AccountNotFound(id);
    }
}
