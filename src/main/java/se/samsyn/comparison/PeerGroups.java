package se.samsyn.comparison;

import java.util.List;
import se.samsyn.shared.Actor;

/**
 * Custom peer groups that national analysts define per focus area, in the manner of Scotland's
 * family groups: municipalities that are fair to compare within one domain. Keeping them is for
 * those who manage indicators ({@link Indicators#mayManage}); others get {@code AccessDeniedException}.
 */
public interface PeerGroups {

    /** A named group of municipalities for one focus area. */
    record PeerGroup(long id, String name, String focusArea, String description, List<String> members) {
    }

    /** Every peer group, by name. */
    List<PeerGroup> all();

    /** The peer groups the municipality (four-digit code) is a member of. */
    List<PeerGroup> containing(String municipalityCode);

    /**
     * Creates a peer group; audited. Members are municipality codes (at least two, all known).
     * Refusals: {@link IndicatorRejected} (422) with every problem ({@code name}, {@code focusArea},
     * {@code members}).
     */
    PeerGroup create(Actor actor, String name, String focusArea, String description, List<String> members);

    /** Deletes a peer group; audited. Unknown id: nothing happens. */
    void delete(Actor actor, long id);
}
