package se.samsyn.priority;

/** A pair with the rule's proposal and the name of its intervention. */
public record PairView(Pair pair, String interventionName, RankProposal proposal) {

    /** The decision when there is one, otherwise the proposal. */
    public Recommendation effective() {
        return pair.decision() != null ? pair.decision() : proposal.recommendation();
    }

    /** Whether the group decided otherwise than the rule proposed. */
    public boolean differs() {
        return pair.decision() != null && !pair.decision().equals(proposal.recommendation());
    }
}
