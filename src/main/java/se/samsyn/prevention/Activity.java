package se.samsyn.prevention;

import java.time.LocalDate;
import java.util.List;

/**
 * One preventive activity of a unit.
 *
 * @param id               the activity's number
 * @param municipalityCode four-digit SCB code of the unit's municipality
 * @param unitCode         the unit that runs it
 * @param district         the district (stadsdel) it works in, or null for the whole municipality
 * @param kindCode         its kind in the catalogue
 * @param title            what the unit calls it
 * @param targetSex        {@code K}, {@code M} or {@code T} (both)
 * @param targetBands      the population statistics' age bands of the target group; empty for a described group
 * @param describedGroup   a target group in words, when age bands do not fit, or null
 * @param estimatedSize    the described group's estimated size in persons, or null
 * @param startsOn         first day
 * @param endsOn           last day, or null while it goes on
 * @param instrumentCode   the anonymous questionnaire it collects, or null
 */
public record Activity(long id, String municipalityCode, String unitCode, String district, String kindCode, String title,
                       String targetSex, List<String> targetBands, String describedGroup, Integer estimatedSize,
                       LocalDate startsOn, LocalDate endsOn, String instrumentCode) {

    public Activity {
        targetBands = targetBands == null ? List.of() : List.copyOf(targetBands);
    }
}
