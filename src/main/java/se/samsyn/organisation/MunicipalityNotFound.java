package se.samsyn.organisation;

import se.samsyn.shared.NotFound;

/** No municipality has that code: 404 ({@code error.404}). */
public class MunicipalityNotFound extends NotFound {

    private final String code;

    private MunicipalityNotFound(String code) {
        super("No municipality with code " + code);
        this.code = code;
    }

    /** @param code the four-digit SCB code asked for */
    public static MunicipalityNotFound forCode(String code) {
        return new MunicipalityNotFound(code);
    }

    /** The code asked for. */
    public String code() {
        return code;
    }
}
