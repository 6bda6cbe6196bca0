package se.samsyn.prevention;

import se.samsyn.shared.NotFound;

/** No such activity, or not one the caller may see: 404, the same answer for both. */
public class ActivityNotFound extends NotFound {

    public ActivityNotFound() {
        super("preventive activity not found or not visible");
    }
}
