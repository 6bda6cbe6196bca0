package se.samsyn.comparison;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Actor;

/**
 * The indicator catalogue: reading, defining follow-up indicators from templates, publishing,
 * directing and refreshing. Who may do what is described in {@link #mayManage}; refusals are
 * {@code AccessDeniedException} (403), unknown indicators {@link IndicatorNotFound} (404), bad
 * definitions {@link IndicatorRejected} (422), and a refresh while another runs {@link RefreshRunning}.
 */
public interface Indicators {

    /** The indicators the actor may see: published ones for everyone, all for signed-in staff. */
    List<Indicator> visible(Actor actor);

    /** The indicator if it exists and the actor may see it. */
    Optional<Indicator> find(Actor actor, String id);

    /** Defines a follow-up indicator from a template and computes its results at once; audited. */
    Indicator define(Actor actor, NewIndicator form);

    /** Publishes or withdraws an indicator; audited. */
    void publish(Actor actor, String id, boolean published);

    /** Sets which way is better (imported indicators arrive as neutral) and recolours; audited. */
    void direct(Actor actor, String id, Direction direction);

    /** Recomputes one indicator's results; audited. */
    void refresh(Actor actor, String id);

    /** Recomputes every indicator; answers how many; audited. */
    int refreshAll(Actor actor);

    /**
     * Recomputes every indicator computed from the application's own data (follow-up, competence
     * and prevention facts) and follow-up's stored practice outcomes now, in the caller's thread,
     * waiting for a refresh that is running instead of refusing with {@link RefreshRunning}: for
     * data the application wrote itself at start-up (the demo data), so that its results exist when
     * the application is ready; the announcements of such writes are delivered asynchronously and
     * would reach the results only with the next gathered refresh ({@code samsyn.comparison.refresh-delay},
     * a minute). Imported indicators are not recomputed. Only for those who {@link #mayManage};
     * audited ({@code INDICATORS_REFRESHED}, {@code computed}).
     *
     * @return how many indicators were recomputed
     */
    int refreshComputed(Actor actor);

    /**
     * Whether the actor manages indicators: national analysts and administrators at national scope
     * define indicators, import statistics, refresh and keep peer groups.
     */
    boolean mayManage(Actor actor);
}
