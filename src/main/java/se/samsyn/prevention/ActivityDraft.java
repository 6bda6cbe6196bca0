package se.samsyn.prevention;

import java.time.LocalDate;
import java.util.List;

/**
 * What a unit enters for a new activity; {@link PreventiveActivities#create} checks it. Fields as in
 * {@link Activity}; {@code unitCode} must be a unit the actor records for.
 */
public record ActivityDraft(String unitCode, String district, String kindCode, String title, String targetSex,
                            List<String> targetBands, String describedGroup, Integer estimatedSize, LocalDate startsOn,
                            LocalDate endsOn, String instrumentCode) {
}
