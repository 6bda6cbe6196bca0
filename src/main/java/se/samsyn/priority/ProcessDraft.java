package se.samsyn.priority;

import java.util.List;
import se.samsyn.shared.Scope;

/** What a group enters to create or change a process. */
public record ProcessDraft(String name, Scope scope, List<String> focusAreas, String purpose, String members,
                           PriorityMode mode, RankParameters parameters, CostBands costBands) {
}
