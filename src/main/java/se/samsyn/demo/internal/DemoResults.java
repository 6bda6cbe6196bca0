package se.samsyn.demo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.Indicators;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * After the last demo loader (order 70, after trials at 60): when the loaders wrote facts in this
 * start ({@link DemoSeeding}), recomputes every computed indicator and the practice outcomes at
 * once ({@link Indicators#refreshComputed}), so that the demo's comparison results and the
 * priority list's practice figures are there when the application is ready. The loaders write
 * through the real import and registration paths, whose announcements of changed facts reach the
 * results only with the gathered refresh (a minute later, {@code samsyn.comparison.refresh-delay});
 * and the comparison start-up ({@code ResultRefresh}, order 40) counts no fact, so it does not see
 * them either when a refresh (the one after the reference data, for instance) already recorded the
 * results as current before the demo clients were written.
 */
@Component
@Order(70)
class DemoResults implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoResults.class);

    private final DemoSeeding seeding;
    private final Indicators indicators;

    DemoResults(DemoSeeding seeding, Indicators indicators) {
        this.seeding = seeding;
        this.indicators = indicators;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seeding.factsWritten()) {
            return;
        }
        long started = System.nanoTime();
        int refreshed = indicators.refreshComputed(new Actor(Actor.SYSTEM, Role.NATIONAL_ANALYST, Scope.nation()));
        log.info("Demo results: {} computed indicators and the practice outcomes refreshed in {} ms", refreshed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
