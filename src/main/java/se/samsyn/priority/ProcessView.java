package se.samsyn.priority;

import java.util.List;

/** A process with its pairs. */
public record ProcessView(PriorityProcess process, List<PairView> pairs) {
}
