package se.samsyn.priority;

import se.samsyn.shared.NotFound;

/**
 * No such process, pair, published version or scenario (or none the caller may see): answered 404
 * with {@code error.404} by the platform's problem advice.
 */
public class PriorityNotFound extends NotFound {

    /** @param what what was looked for, for the log only: process, pair, list, version or scenario */
    public PriorityNotFound(String what) {
        super(what + " not found");
    }
}
