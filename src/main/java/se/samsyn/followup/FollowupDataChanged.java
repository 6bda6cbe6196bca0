package se.samsyn.followup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Published after follow-up data was written (an import or a record), so that statistics can be
 * refreshed.
 *
 * @param municipalityCode the municipality whose data changed, such as {@code 1280}; null or blank
 *                         for data of no named municipality
 * @param clientsRecorded  true when every changed client was recorded with the change (in the same
 *                         transaction), so that the stored outcomes may be refreshed for those
 *                         clients only ({@link PracticeOutcomes#refresh(java.util.Collection,
 *                         java.util.Collection)}); false rebuilds the whole municipality
 */
public record FollowupDataChanged(String municipalityCode, boolean clientsRecorded) {

    /** A change of unknown clients: the whole municipality is refreshed. */
    public FollowupDataChanged(String municipalityCode) {
        this(municipalityCode, false);
    }

    /**
     * Reads a stored event (the event publication table keeps undelivered events as JSON and
     * delivers them again): an event stored before {@code clientsRecorded} existed has no such
     * field and is read as a change of unknown clients, so its municipality is rebuilt whole.
     *
     * @param municipalityCode as in the record
     * @param clientsRecorded  true, false, or null when the stored event has no such field (read as false)
     * @return the event
     */
    @JsonCreator
    public static FollowupDataChanged read(@JsonProperty("municipalityCode") String municipalityCode,
                                           @JsonProperty("clientsRecorded") Boolean clientsRecorded) {
        return new FollowupDataChanged(municipalityCode, Boolean.TRUE.equals(clientsRecorded));
    }
}
