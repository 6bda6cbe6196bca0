package se.samsyn.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No unit has that code. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFound extends RuntimeException {

    private UnitNotFound(String code) {
        super("No unit with code " + code);
    }

    public static UnitNotFound forCode(String code) {
        return new UnitNotFound(code);
    }
}
