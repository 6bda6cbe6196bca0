package se.samsyn.followup;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Service;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;

/**
 * Bulk import from case-management systems, CSV or a JSON array, all-or-nothing per file, through
 * the one {@link ImportPipeline} (ADR 11). The file is read strictly by {@link TabularFile} (UTF-8
 * only, header and rows required, the same number of fields in every row, objects only, nothing
 * after the array) and its values by {@link PlainValues} (plain decimals, existing dates from 1900
 * to a year ahead); the rows are checked and stored by the follow-up import types
 * ({@link FollowupImportTypes}).
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
@Service
public class FollowupImport {

    /** How many row errors a result lists; the rest are only counted. */
    public static final int MAX_LISTED_ERRORS = ImportPipeline.MAX_LISTED_ERRORS;

    /** The formats an import accepts. */
    public enum Format { CSV, JSON }

    private final ImportPipeline pipeline;
    private final FollowupImportTypes types;
    private final Organisation organisation;

    FollowupImport(ImportPipeline pipeline, FollowupImportTypes types, Organisation organisation) {
        this.pipeline = pipeline;
        this.types = types;
        this.organisation = organisation;
    }

    /**
     * The columns that identify a stored row of each type, besides the client (and so the unit):
     * a row with the same key and other values is a correction of that row.
     */
    public static List<String> keyColumns(ImportType type) {
        return FollowupImportTypes.keyColumns(type);
    }

    /**
     * Imports one file for the actor's own unit, all-or-nothing.
     *
     * @param content the file, closed at the end
     * @param dryRun  validate and count, then roll back
     * @return the outcome; never throws for a bad file or row
     */
    public ImportResult run(Actor actor, ImportType type, Format format, InputStream content, boolean dryRun) {
        Unit unit = organisation.unit(FollowupAccess.unitOf(actor)).orElseThrow();
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        boolean legacy = format == Format.CSV && !type.legacyColumns().equals(type.columns())
                && TabularFile.header(in).equals(type.legacyColumns());
        List<String> columns = legacy ? type.legacyColumns() : type.columns();
        TabularFile file = type == ImportType.MEASUREMENTS
                ? new TabularFile(BaselineRule.columns(columns), columns) // the optional confirm column
                : new TabularFile(columns, true);
        ImportReport r = pipeline.run(file.source(in, format == Format.CSV ? TabularFile.Format.CSV
                : TabularFile.Format.JSON), types.steps(actor, unit, type), dryRun);
        return new ImportResult(r.status(), r.rows(), r.created(), r.updated(), r.unchanged(),
                r.errors().stream().map(e -> new ImportResult.RowError(e.row(), e.field(), e.messageKey(), e.args()))
                        .toList(), r.errorCount());
    }

    /** Reads an upload's format from its content type: JSON for application/json, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        return TabularFile.formatOf(contentType, fileName) == TabularFile.Format.JSON ? Format.JSON : Format.CSV;
    }
}
