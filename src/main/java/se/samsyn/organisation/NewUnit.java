package se.samsyn.organisation;

import java.util.Set;

/** What an administrator enters to register or change a unit. */
public record NewUnit(String municipalityCode, String code, String name, Set<FocusArea> focusAreas) {
}
