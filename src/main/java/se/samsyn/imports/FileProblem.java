package se.samsyn.imports;

import java.util.List;

/**
 * Something wrong with a file or one of its rows, as a message key with arguments.
 *
 * @param row      the row, counted as the user sees it: for CSV the line of the record (the header is
 *                 row 1), for JSON the element of the array (from 1); 0 for the file as a whole
 * @param field    the column or property, or null when the problem is the row or file itself
 * @param messageKey key in {@code i18n/imports*.properties} (or the capability's bundle)
 * @param args     message arguments, already formatted as text
 */
public record FileProblem(long row, String field, String messageKey, List<String> args) {

    public FileProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static FileProblem of(long row, String field, String key, Object... args) {
        return new FileProblem(row, field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
