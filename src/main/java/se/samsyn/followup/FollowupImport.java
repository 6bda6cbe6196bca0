package se.samsyn.followup;

import java.io.InputStream;
import java.util.List;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.TabularFile;
import se.samsyn.shared.Actor;

/**
 * Bulk import from case-management systems, CSV or a JSON array, all-or-nothing per file, through
 * the one {@link ImportPipeline} (ADR 11). The file is read strictly by {@link TabularFile} (UTF-8
 * only, header and rows required, the same number of fields in every row, objects only, nothing
 * after the array) and its values by {@link se.samsyn.imports.PlainValues} (plain decimals, existing
 * dates from 1900 to a year ahead); the rows are checked and stored by the follow-up import types.
 *
 * <p>Each type has a key ({@link #keyColumns}): a row whose key is not stored is inserted; a row
 * whose key is stored with other values updates the stored row (counted as {@code updated}; each
 * earlier value kept in {@code fup_history} with source {@code import}, and the change audited);
 * a row whose key is stored with the same values is {@code unchanged}. An empty optional value
 * (end date, end reason, goal, goal status) never clears a stored one. A removed episode or
 * intervention stays removed (counted as unchanged). The same key twice in one file is an error on
 * the later row naming the earlier. Imports for one unit run one at a time across all instances,
 * so the same file imported twice at once stores each row once.
 */
public interface FollowupImport {

    /** How many row errors a result lists; the rest are only counted. */
    int MAX_LISTED_ERRORS = ImportPipeline.MAX_LISTED_ERRORS;

    /** The formats an import accepts. */
    enum Format { CSV, JSON }

    /**
     * The columns that identify a stored row of each type, besides the client (and so the unit):
     * a row with the same key and other values is a correction of that row.
     */
    static List<String> keyColumns(ImportType type) {
        return type.keyColumns();
    }

    /**
     * Imports one file for the actor's own unit, all-or-nothing.
     *
     * @param content the file, closed at the end
     * @param dryRun  validate and count, then roll back
     * @return the outcome; never throws for a bad file or row
     */
    ImportResult run(Actor actor, ImportType type, Format format, InputStream content, boolean dryRun);

    /** Reads an upload's format from its content type: JSON for application/json, CSV otherwise. */
    static Format formatOf(String contentType, String fileName) {
        return TabularFile.formatOf(contentType, fileName) == TabularFile.Format.JSON ? Format.JSON : Format.CSV;
    }
}
