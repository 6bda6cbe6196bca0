package se.samsyn.prevention;

/**
 * A municipality's recorded effort in one focus area and year: individual casework (clients with
 * an episode open during the year, from follow-up's published facts) beside preventive work
 * (participants and contacts, from this module). Counts under 5 are null (shown as "..").
 *
 * @param year         calendar year
 * @param focusArea    organisation's focus-area code
 * @param clients      clients in individual casework, or null when under 5
 * @param participants persons reached by preventive activities, or null when under 5
 * @param contacts     preventive contacts, or null when under 5
 * @param activities   preventive activities that reported reach
 */
public record BalanceRow(int year, String focusArea, Integer clients, Integer participants, Integer contacts,
                         int activities) {
}
