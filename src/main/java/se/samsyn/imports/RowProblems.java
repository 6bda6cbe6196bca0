package se.samsyn.imports;

/**
 * Collects what a row rule finds wrong with one row: each problem names the field and a message
 * key with its arguments; the pipeline adds the row number and the file.
 */
public interface RowProblems {

    /** Records a problem with {@code field} (null for the row as a whole). */
    void add(String field, String messageKey, Object... args);

    /** Records a problem found by a shared check, if there is one. */
    default void add(FileProblem problem) {
        if (problem != null) {
            add(problem.field(), problem.messageKey(), problem.args().toArray());
        }
    }

    /** Whether a problem was recorded for this row so far. */
    boolean any();
}
