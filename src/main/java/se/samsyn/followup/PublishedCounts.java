package se.samsyn.followup;

import java.time.Instant;
import java.util.Optional;

/**
 * The stored needs reports and clients per intervention that {@link OutcomeReports#needs} and
 * {@link OutcomeReports#clientsPerIntervention} give every reader but the owning unit
 * ({@code fup_published_count}, V143): their hidden cells are chosen for every scope of the nation
 * together (ADR 0015) in the background, shortly after follow-up data change
 * ({@code samsyn.followup.published-counts-delay}, one minute by default), and stored, so a page
 * reads them without computing. The owning unit reads its own counts live.
 */
public interface PublishedCounts {

    /**
     * When the counts of the stored needs report were read from the follow-up data: what the
     * figures outside the owning unit are "as of". Empty when none is stored yet (the report then
     * answers {@link PublishedCountsPending}).
     */
    Optional<Instant> needsAsOf();

    /**
     * When the counts of the stored clients per intervention of {@code years} were read; empty when
     * those years are not stored (only {@link PublishedYears#clientCounts} of today is).
     */
    Optional<Instant> clientsPerInterventionAsOf(PublishedYears years);

    /**
     * Reads every count, chooses the hidden cells and stores them now, in the caller's thread and
     * transactions of its own (the demo loaders and tests; the application itself refreshes in the
     * background). Takes seconds at national scale.
     */
    void refreshNow();
}
