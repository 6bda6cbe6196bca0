package se.samsyn.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No municipality has that code. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MunicipalityNotFound extends RuntimeException {

    private final String code;

    private MunicipalityNotFound(String code) {
        super("No municipality with code " + code);
        this.code = code;
    }

    public static MunicipalityNotFound forCode(String code) {
        return new MunicipalityNotFound(code);
    }

    public String code() {
        return code;
    }
}
