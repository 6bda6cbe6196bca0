package se.samsyn.imports;

import java.util.List;
import java.util.Map;

/**
 * What one import type adds to the {@link ImportPipeline}: its row rule (parse and check one row
 * into a typed value with a key) and its store step (look up what is stored by key, insert or
 * update, and count). Everything else (reading, the error list, duplicate keys, batches, dry run,
 * all-or-nothing) is the pipeline's. Plain Java: an implementation holds the state of one run and
 * is used for one file only.
 *
 * @param <R> the typed value of a checked row
 */
public interface ImportSteps<R> extends ImportHooks {

    /**
     * The row rule: reads and checks one row. Report each problem to {@code problems}, which
     * already knows the row; return the typed value, or null when the row has a problem. A rule
     * that returns null without a problem passes the row over on purpose; it is counted as
     * ignored (Kolada's empty values).
     *
     * @param row    the row number as the user sees it ({@link FileProblem#row()})
     * @param values column to text, "" where empty
     */
    R check(long row, Map<String, String> values, RowProblems problems);

    /**
     * The key of a checked row, or null for a type without one. Two rows with equal keys in one
     * file are an error on the later row naming the earlier ({@link #duplicate}). Keys are kept
     * as 64-bit fingerprints, so a file of millions of rows needs little memory.
     */
    default String key(R value) {
        return null;
    }

    /** The error for a row whose key an earlier row of the file had already: names both rows. */
    default FileProblem duplicate(long row, long earlier, R value) {
        return FileProblem.of(row, null, "import.error.duplicate-row", earlier);
    }

    /**
     * The store step: writes one batch of checked rows (in file order, at most {@link #batchSize()})
     * inside the import's transaction and counts each row as created, updated or unchanged; rows
     * not counted are taken as unchanged. Never called once the file has a problem.
     */
    void store(List<R> batch, Tally tally);

    /** How many checked rows are stored at a time. */
    default int batchSize() {
        return 5_000;
    }

    /**
     * A file problem in the words of this type, for a type whose callers know the problem under
     * another key or row; the problem as it is by default.
     */
    default FileProblem fileProblem(FileProblem problem) {
        return problem;
    }

    /** Told the number of rows read so far, every thousand rows and once at the end. */
    default void progress(long rowsRead) {
    }

    /** Counts what the store step did. */
    interface Tally {
        /** {@code rows} rows were new and inserted. */
        void created(long rows);

        /** {@code rows} rows were stored with other values and have been corrected. */
        void updated(long rows);

        /**
         * A row found wrong only against what is stored (for example a second baseline that is not
         * confirmed): listed like a row rule's problem, and the import is rejected and rolled back.
         * Later batches are not stored but their rows are still checked by the row rule.
         */
        void problem(FileProblem problem);
    }
}
