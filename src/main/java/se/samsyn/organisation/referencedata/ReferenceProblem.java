package se.samsyn.organisation.referencedata;

import java.util.List;

/**
 * A reason a file was rejected: the file, the row (the line number in a CSV file, where the
 * header is row 1; the feature number in a GeoJSON file; 0 for the file as a whole), the field,
 * and a message key with its arguments for the user's language.
 */
public record ReferenceProblem(String fileName, long row, String field, String messageKey, List<String> args) {

    static ReferenceProblem of(String fileName, long row, String field, String messageKey, Object... args) {
        return new ReferenceProblem(fileName, row, field, messageKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    static ReferenceProblem of(se.samsyn.imports.FileProblem p) {
        return new ReferenceProblem(p.fileName(), p.row(), p.field(), p.messageKey(), p.args());
    }
}
