package se.samsyn.organisation;

import se.samsyn.shared.NotFound;

/** No unit has that code, or none within the caller's scope: 404 ({@code error.404}). */
public class UnitNotFound extends NotFound {

    private UnitNotFound(String code) {
        super("No unit with code " + code);
    }

    /** @param code the unit code asked for */
    public static UnitNotFound forCode(String code) {
        return new UnitNotFound(code);
    }
}
