package se.samsyn.demo.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Whether a demo loader wrote facts that open comparisons or the practice outcomes are computed
 * from (follow-up clients, competence staff and vacancies, preventive reach) during this start of
 * the application: then {@link DemoResults} refreshes those results once, after the last loader.
 * Remembered in memory only: a start that finds the demo data in place writes nothing and
 * refreshes nothing.
 */
@Component
class DemoSeeding {

    private final AtomicBoolean factsWritten = new AtomicBoolean();

    /** Notes that a loader wrote facts in this start. */
    void wroteFacts() {
        factsWritten.set(true);
    }

    /** Whether any loader wrote facts in this start. */
    boolean factsWritten() {
        return factsWritten.get();
    }
}
