package se.samsyn.trials;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.shared.Scope;

/**
 * A trial as stored: its current plan and version, who owns it, where it is, and how it ended.
 *
 * @param id          the trial's number
 * @param plan        the current version of the plan
 * @param version     the plan's version, 1 at set-up, one more for each change after the start
 * @param owner       the scope of the account that set it up (a unit, municipality, region or
 *                    the nation); those who may manage the trial are found from it
 * @param status      planned, running or ended
 * @param decision    the decision, once ended; else null
 * @param rationale   the decision's rationale, once ended; else null
 * @param decidedOn   the day of the decision, once ended; else null
 */
public record Trial(long id, TrialPlan plan, int version, Scope owner, TrialStatus status, Decision decision,
                    String rationale, LocalDate decidedOn) implements java.io.Serializable {

    /** The municipalities taking part, trial and comparison units alike, in the plan's order, each once. */
    public List<String> municipalities() {
        return plan.participants().stream().map(Participant::municipalityCode).distinct().toList();
    }

    /** Whether the trial spans more than one municipality (a regional or national trial). */
    public boolean regional() {
        return municipalities().size() > 1;
    }
}
