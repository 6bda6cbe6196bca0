package se.samsyn.comparison;

import java.time.Instant;

/**
 * A refresh asked for while another, on this instance or another, is already running; carries
 * how far the running one has come. Answered with 202 and the progress, not as an error.
 */
public class RefreshRunning extends RuntimeException {

    private final RefreshProgress progress;

    /** @param progress how far the running refresh has come */
    public RefreshRunning(RefreshProgress progress) {
        super("A refresh of the comparison results is already running");
        this.progress = progress;
    }

    /** How far the running refresh has come. */
    public RefreshProgress progress() {
        return progress;
    }

    /**
     * The state of the refresh that is running.
     *
     * @param done      indicators refreshed so far
     * @param total     indicators the refresh covers (0 while it is starting)
     * @param startedAt when it started
     * @param startedBy the user name that asked for it, or "system"
     */
    public record RefreshProgress(int done, int total, Instant startedAt, String startedBy) {
    }
}
