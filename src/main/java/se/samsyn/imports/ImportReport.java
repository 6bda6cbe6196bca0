package se.samsyn.imports;

import java.util.List;

/**
 * The outcome of one run of the {@link ImportPipeline}.
 *
 * @param status     {@code imported} (stored), {@code valid} (a dry run without problems: nothing
 *                   stored) or {@code rejected} (a problem: nothing stored)
 * @param rows       the rows the file holds
 * @param created    rows inserted (a dry run: that would be); 0 when rejected
 * @param updated    rows whose key was stored with other values, corrected; 0 when rejected
 * @param unchanged  rows stored already with the same values; 0 when rejected
 * @param ignored    rows the row rule passed over on purpose
 * @param errors     the problems, in file order, at most {@link ImportPipeline#MAX_LISTED_ERRORS}
 * @param errorCount every problem, listed or not
 */
public record ImportReport(String status, long rows, long created, long updated, long unchanged, long ignored,
                           List<FileProblem> errors, long errorCount) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** Whether the file had a problem and nothing was stored. */
    public boolean rejected() {
        return "rejected".equals(status);
    }

    /** Whether the rows were stored. */
    public boolean imported() {
        return "imported".equals(status);
    }
}
