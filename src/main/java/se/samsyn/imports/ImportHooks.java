package se.samsyn.imports;

/**
 * What an import does around its rows: before reading, after a run that will be committed, and
 * after a run that was rolled back. For a one-file import the type's {@link ImportSteps} are its
 * hooks; an import of several files at once gives its own.
 */
public interface ImportHooks {

    /** Called first, inside the transaction (to take a lock, for example). */
    default void begin(boolean dryRun) {
    }

    /**
     * Called at the end of a run that will be committed, inside its transaction, with its report
     * (to write a log, audit, publish an event).
     */
    default void finish(ImportReport report) {
    }

    /** Called after a rejected run or a dry run was rolled back, in a transaction of its own (to audit it). */
    default void rolledBack(ImportReport report) {
    }
}
