package se.samsyn.organisation.referencedata;

import java.util.List;

/**
 * The outcome of a batch. {@code status} is {@code loaded}, {@code unchanged} (every file had
 * been loaded before), {@code valid} (a dry run without problems) or {@code rejected}.
 */
public record ReferenceLoadResult(String status, List<FileSummary> files, List<ReferenceProblem> problems) {

    /** Per file: how many rows it had, and whether it was stored, skipped as unchanged or only checked. */
    public record FileSummary(ReferenceFileKind kind, String fileName, int rows, String outcome) {
    }

    public boolean rejected() {
        return "rejected".equals(status);
    }
}
