package se.samsyn.comparison;

import java.util.List;
import se.samsyn.shared.Rejected;

/**
 * A definition that cannot be stored (422), with every problem: a field and a message key from
 * {@code comparison.error.*}. The problem answer's {@code detail} is the first problem's message;
 * {@code errors} lists them all.
 */
public class IndicatorRejected extends Rejected {

    private final transient List<Problem> problems;

    /** @param problems at least one problem, in the order the form shows the fields */
    public IndicatorRejected(List<Problem> problems) {
        super(problems.get(0).field(), problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    /** Every problem, at least one. */
    @Override
    public List<Problem> problems() {
        return problems;
    }
}
