package se.samsyn.imports;

import java.util.function.Consumer;

/**
 * Where the rows of one file come from: {@link TabularFile#source} for CSV and flat JSON, or a
 * reader of its own for a format that needs one (Kolada's nested JSON, GeoJSON, rows already read).
 * A source hands each readable row to {@code rows} and each problem with the file's shape to
 * {@code problems}, never throws for a bad file, and closes what it reads.
 */
@FunctionalInterface
public interface RowSource {

    /**
     * Reads every row.
     *
     * @return how many rows the file holds, counting those refused for their shape
     */
    long read(TabularFile.RowConsumer rows, Consumer<FileProblem> problems);
}
