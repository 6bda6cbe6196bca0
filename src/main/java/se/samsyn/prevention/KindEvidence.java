package se.samsyn.prevention;

/**
 * What practice shows nationally for one activity kind, for priority setting: reach and the
 * anonymous outcome over every municipality, all years.
 *
 * @param kindCode     the activity kind
 * @param activities   activities of the kind that reported reach
 * @param participants persons reached
 * @param contacts     contacts
 * @param outcome      the anonymous questionnaire result (suppressed under 5 pairs), or null when none is collected
 */
public record KindEvidence(String kindCode, int activities, int participants, int contacts, OutcomeSummary outcome) {
}
