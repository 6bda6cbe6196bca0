package se.samsyn.trials;

import se.samsyn.shared.NotFound;

/** A trial that does not exist or that the caller may not act on: 404 either way ({@code error.404}). */
public class TrialNotFound extends NotFound {

    public TrialNotFound() {
        super("No such trial in the caller's reach");
    }
}
