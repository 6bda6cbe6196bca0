package se.samsyn.followup;

/**
 * The outcome reports as published outside the owning unit, which are computed in the background
 * after a change and stored (ADR 0015): within a minute or so of an announced follow-up change
 * ({@code samsyn.followup.outcome-protection-delay}), on one instance at a time.
 */
public interface PublishedOutcomes {

    /**
     * Computes every stored outcome report from the clients now and stores it, protecting anew only
     * the regions whose counts changed; for tests and operations, since the gathered refresh does
     * it by itself.
     *
     * @return how many regions' systems were protected anew
     */
    int refreshNow();
}
