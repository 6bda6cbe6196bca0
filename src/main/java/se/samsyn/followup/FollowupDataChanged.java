package se.samsyn.followup;

/** Published after follow-up data was written (an import or a record), so that statistics can be refreshed. */
public record FollowupDataChanged(String municipalityCode) {
}
