package se.samsyn.comparison;

import se.samsyn.shared.NotFound;

/** No indicator with this id, or none the caller may see: 404 ({@code error.404}). */
public class IndicatorNotFound extends NotFound {

    /** @param id the indicator id asked for */
    public IndicatorNotFound(String id) {
        super("No indicator " + id);
    }
}
