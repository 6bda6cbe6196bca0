package se.samsyn.trials;

import java.time.LocalDate;
import java.util.List;

/**
 * What a trial sets out to do, recorded before it starts (issue 15, point 1).
 *
 * @param title          a short name, 1-200 characters
 * @param question       the question the trial should answer, 1-2000 characters
 * @param toolKind       what kind of tool is tried
 * @param toolName       the tool's name, 1-200 characters
 * @param instrumentCode the follow-up instrument the tool is or uses, or null; the use measures
 *                       (reach, completeness, measurements, outcome change) need it
 * @param guideEntry     the slug of the tool's knowledge-guide entry, or null; when set, a published
 *                       entry (issue 17: an entry that does not exist cannot be referenced); the entry
 *                       page then lists the trial
 * @param period         weeks or months for the run charts
 * @param baselineStart  first day of the baseline period (the period before {@code start})
 * @param start          first day with the tool
 * @param end            last day of the trial, on or after {@code start}
 * @param participants   the trial units (at least one) and comparison units, each unit once
 * @param measures       what is measured, at least one
 */
public record TrialPlan(String title, String question, ToolKind toolKind, String toolName, String instrumentCode,
                        String guideEntry, PeriodKind period, LocalDate baselineStart, LocalDate start, LocalDate end,
                        List<Participant> participants, List<Measure> measures) implements java.io.Serializable {

    public TrialPlan {
        participants = participants == null ? List.of() : List.copyOf(participants);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** The units that use the tool. */
    public List<Participant> trialUnits() {
        return participants.stream().filter(p -> p.role() == ParticipantRole.TRIAL).toList();
    }

    /** The comparison units. */
    public List<Participant> comparisonUnits() {
        return participants.stream().filter(p -> p.role() == ParticipantRole.COMPARISON).toList();
    }
}
