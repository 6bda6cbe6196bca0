package se.samsyn.followup;

import java.util.List;

/**
 * Everything recorded about one client in one unit, removed entries left out: the client and its
 * episodes, needs, interventions and measurements. Never the personal identity number.
 */
public record ClientFile(Client client, List<Episode> episodes, List<Need> needs, List<Intervention> interventions,
                         List<Measurement> measurements) {
}
