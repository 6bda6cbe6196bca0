package se.samsyn.trials.web;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.trials.Decision;
import se.samsyn.trials.Measure;
import se.samsyn.trials.Participant;
import se.samsyn.trials.PeriodKind;
import se.samsyn.trials.ToolKind;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialStatus;

/**
 * A trial in the API: its plan's public parts, status and decision; codes in lower case, no
 * internal fields (owner, creator).
 */
record TrialAnswer(long id, String title, String question, ToolKind toolKind, String toolName, String instrument,
                   String guideEntry, PeriodKind period, LocalDate baselineStart, LocalDate start, LocalDate end,
                   List<Participant> units, List<Measure> measures, int version, TrialStatus status, Decision decision,
                   String rationale, LocalDate decidedOn) {

    static TrialAnswer of(Trial t) {
        return new TrialAnswer(t.id(), t.plan().title(), t.plan().question(), t.plan().toolKind(), t.plan().toolName(),
                t.plan().instrumentCode(), t.plan().guideEntry(), t.plan().period(), t.plan().baselineStart(),
                t.plan().start(), t.plan().end(), t.plan().participants(), t.plan().measures(), t.version(), t.status(),
                t.decision(), t.rationale(), t.decidedOn());
    }
}
