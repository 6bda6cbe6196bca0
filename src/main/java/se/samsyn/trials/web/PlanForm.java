package se.samsyn.trials.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.ParticipantRole;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.TrialPlan;
import se.samsyn.trials.TrialRejected;

/**
 * The set-up form's fields as a {@link TrialPlan}: {@code title}, {@code question}, {@code toolKind},
 * {@code toolName}, {@code instrumentCode}, {@code guideEntry}, {@code period}, {@code baselineStart},
 * {@code start}, {@code end} (ISO dates), {@code trialUnits} and {@code comparisonUnits} (unit codes,
 * repeated), {@code measures} (codes, repeated). A unit in both lists counts as a trial unit. A
 * missing or unreadable code or date is {@link TrialRejected} naming the field.
 */
final class PlanForm {

    private PlanForm() {
    }

    static TrialPlan plan(MultiValueMap<String, String> form) {
        List<Participant> participants = new ArrayList<>();
        List<String> trialUnits = list(form, "trialUnits");
        trialUnits.forEach(u -> participants.add(new Participant(u, null, ParticipantRole.TRIAL)));
        list(form, "comparisonUnits").stream().filter(u -> !trialUnits.contains(u))
                .forEach(u -> participants.add(new Participant(u, null, ParticipantRole.COMPARISON)));
        List<Measure> measures = list(form, "measures").stream().map(m -> Measure.of(m, "measures")).toList();
        return new TrialPlan(form.getFirst("title"), form.getFirst("question"),
                ToolKind.of(form.getFirst("toolKind"), "toolKind"), form.getFirst("toolName"),
                form.getFirst("instrumentCode"), form.getFirst("guideEntry"),
                PeriodKind.of(form.getFirst("period"), "period"), date(form, "baselineStart"), date(form, "start"),
                date(form, "end"), participants, measures);
    }

    static LocalDate date(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TrialRejected(field, se.samsyn.shared.DateText.problemKey(value, "trials.error." + field));
        }
    }

    static List<String> list(MultiValueMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }
}
