package se.samsyn.priority;

import java.time.Instant;
import java.util.List;
import se.samsyn.shared.Scope;

/** A priority-setting process as stored: its scope, focus areas, mode, lifecycle status, the rule's
 * parameters, cost bands and the number of its latest published version (0 before the first). */
public record PriorityProcess(long id, String name, Scope scope, List<String> focusAreas, String purpose, String members,
                      PriorityMode mode, ProcessStatus status, RankParameters parameters, CostBands costBands,
                      int publishedVersion, String createdBy, Instant createdAt, Instant updatedAt) {
}
