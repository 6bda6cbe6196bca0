package se.samsyn.comparison;

import java.util.List;

/** A definition that cannot be stored, with every problem: a field and a message key. */
public class IndicatorRejected extends RuntimeException {

    /** One problem with one field. */
    public record Problem(String field, String messageKey) implements java.io.Serializable {
    }

    private final transient List<Problem> problems;

    public IndicatorRejected(List<Problem> problems) {
        super("Indicator rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
