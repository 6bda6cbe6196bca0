package se.samsyn.priority;

import java.util.List;

/** The rule's proposed recommendation with every step that moved it, in order. */
public record RankProposal(Recommendation recommendation, List<RankStep> steps) {

    public RankProposal {
        steps = List.copyOf(steps);
    }
}
