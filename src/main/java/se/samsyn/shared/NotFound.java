package se.samsyn.shared;

/**
 * Something asked for does not exist, or not within the caller's scope: answered 404 with the
 * same text ({@code error.404}) in both cases, so that a caller cannot learn what exists outside
 * its scope.
 */
public class NotFound extends DomainProblem {

    /** @param logMessage a short description for the log, never shown to the caller; no personal data */
    public NotFound(String logMessage) {
        super(404, "error.404", logMessage);
    }
}
