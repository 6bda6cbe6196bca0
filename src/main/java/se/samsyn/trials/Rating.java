package se.samsyn.trials;

/**
 * One anonymous answer to the periodic rating: the six subscales of the raw NASA Task Load Index,
 * each 0-100 (higher is more demanding; for performance, higher is worse, as in the TLX form), and
 * whether the tool helped in this case. Carries no person.
 *
 * <p>Source: Hart, S. G. (2006), "NASA-Task Load Index (NASA-TLX); 20 years later", Proceedings of
 * the HFES Annual Meeting 50(9): the raw TLX ("RTLX") is the unweighted mean of the six subscales.
 */
public record Rating(int mental, int physical, int temporal, int performance, int effort, int frustration,
                     boolean helped) {

    /** Every subscale between 0 and 100; {@link TrialRejected} naming the first that is not. */
    public Rating {
        check(mental, "mental");
        check(physical, "physical");
        check(temporal, "temporal");
        check(performance, "performance");
        check(effort, "effort");
        check(frustration, "frustration");
    }

    private static void check(int value, String field) {
        if (value < 0 || value > 100) {
            throw new TrialRejected(field, "trials.error.scale");
        }
    }

    /** The raw TLX score: the mean of the six subscales, 0-100. */
    public double rawTlx() {
        return (mental + physical + temporal + performance + effort + frustration) / 6.0;
    }
}
