package se.samsyn.prevention.internal;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.ReachRow;

/**
 * Checks a new activity: a kind from the catalogue, a title (1-200 characters), a target sex (K, M
 * or T), a target group in age bands or described in words with an estimated size, a start date
 * at most a year ahead and an end not before it, and a questionnaire from the catalogue if any.
 */
final class ActivityRules {

    private ActivityRules() {
    }

    /** The draft trimmed and with its bands in the statistics' order. */
    static ActivityDraft check(ActivityDraft d, ActivityCatalogue catalogue, LocalDate today) {
        if (d.kindCode() == null || catalogue.kind(d.kindCode()).isEmpty()) {
            throw new PreventionRejected("kindCode", "prevention.error.kind");
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new PreventionRejected("title", "prevention.error.title");
        }
        if (IdentityShapes.personnummerShaped(title)) {
            throw new PreventionRejected("title", "prevention.error.identity-value");
        }
        if (d.targetSex() == null || !List.of("K", "M", "T").contains(d.targetSex())) {
            throw new PreventionRejected("targetSex", "prevention.error.target-sex");
        }
        List<String> bands = d.targetBands() == null ? List.of() : d.targetBands();
        if (!ReachRow.AGE_BANDS.containsAll(bands)) {
            throw new PreventionRejected("targetBands", "prevention.error.age-band");
        }
        String described = d.describedGroup() == null || d.describedGroup().isBlank() ? null : d.describedGroup().strip();
        if (bands.isEmpty() && (described == null || d.estimatedSize() == null || d.estimatedSize() <= 0)) {
            throw new PreventionRejected("targetBands", "prevention.error.target-group");
        }
        if (described != null && described.length() > 300) {
            throw new PreventionRejected("describedGroup", "prevention.error.described-group");
        }
        if (d.startsOn() == null || d.startsOn().isAfter(today.plusYears(1)) || d.startsOn().getYear() < 2000) {
            throw new PreventionRejected("startsOn", "prevention.error.starts-on");
        }
        if (d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            throw new PreventionRejected("endsOn", "prevention.error.ends-on");
        }
        String instrument = d.instrumentCode() == null || d.instrumentCode().isBlank() ? null : d.instrumentCode();
        if (instrument != null && catalogue.questionnaire(instrument).isEmpty()) {
            throw new PreventionRejected("instrumentCode", "prevention.error.instrument");
        }
        String district = d.district() == null || d.district().isBlank() ? null : d.district().strip();
        if (district != null && district.length() > 100) {
            throw new PreventionRejected("district", "prevention.error.district");
        }
        List<String> ordered = ReachRow.AGE_BANDS.stream().filter(bands::contains).toList();
        return new ActivityDraft(d.unitCode(), district, d.kindCode(), title, d.targetSex(), ordered,
                bands.isEmpty() ? described : null, bands.isEmpty() ? d.estimatedSize() : null, d.startsOn(), d.endsOn(),
                instrument);
    }
}
