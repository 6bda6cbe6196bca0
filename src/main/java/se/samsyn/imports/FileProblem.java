package se.samsyn.imports;

import java.util.Arrays;
import java.util.List;

/**
 * Something wrong with a file or one of its rows, as a message key with arguments.
 *
 * @param fileName   the file's name as uploaded, or null when an import has one file only
 * @param row        the row, counted as the user sees it: for CSV the line of the record (the header is
 *                   row 1), for JSON the element of the array (from 1); 0 for the file as a whole
 * @param field      the column or property, or null when the problem is the row or file itself
 * @param messageKey key in {@code i18n/imports*.properties} (or the capability's bundle)
 * @param args       message arguments, already formatted as text
 */
public record FileProblem(String fileName, long row, String field, String messageKey, List<String> args) {

    public FileProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem in the only file of an import. */
    public FileProblem(long row, String field, String messageKey, List<String> args) {
        this(null, row, field, messageKey, args);
    }

    /** A problem whose arguments are formatted with {@link String#valueOf(Object)}. */
    public static FileProblem of(long row, String field, String key, Object... args) {
        return new FileProblem(null, row, field, key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The same problem, placed in the named file. */
    public FileProblem inFile(String fileName) {
        return new FileProblem(fileName, row, field, messageKey, args);
    }

    /** The same problem with another message key and arguments (for a type that keeps its own wording). */
    public FileProblem withMessage(String key, List<String> arguments) {
        return new FileProblem(fileName, row, field, key, arguments);
    }
}
