package se.samsyn.followup;

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
}
