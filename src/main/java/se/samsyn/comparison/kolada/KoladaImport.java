package se.samsyn.comparison.kolada;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.TabularFile;
import se.samsyn.shared.Actor;

/**
 * Imports Kolada files, all-or-nothing per file, through the one {@link ImportPipeline} (ADR 11):
 * KPI metadata (CSV in the Kolada sample's format, or the JSON of Kolada's {@code /kpi}) and values
 * (CSV {@code kpi_id,municipality_code,year,gender,value} or {@code kpi_id,area_code,...}, or the
 * JSON of Kolada's {@code /data}). What a file holds is read from its header or its first object.
 * Rows are streamed and written in batches in one transaction, which is rolled back when any row
 * is bad or the import is a dry run. A value that is already stored counts as unchanged, so
 * importing the same file again changes nothing; the same key twice in a file is an error naming
 * both rows.
 */
@Service
public class KoladaImport {

    /** How many row errors a result lists; the rest are only counted. */
    public static final int MAX_LISTED_ERRORS = ImportPipeline.MAX_LISTED_ERRORS;
    /** How often, in rows read, an import reports its progress to a {@code rowsRead} callback. */
    static final int PROGRESS_EVERY = ImportPipeline.PROGRESS_EVERY;
    private static final LongConsumer NO_PROGRESS = rows -> { };

    /** The formats an import accepts. */
    public enum Format { CSV, JSON }

    private final KoladaImportTypes types;
    private final KoladaQueries queries;

    KoladaImport(KoladaImportTypes types, KoladaQueries queries) {
        this.types = types;
        this.queries = queries;
    }

    /** Imports a file handed in by a national analyst or administrator. */
    public ImportResult run(Actor actor, String fileName, Format format, InputStream content, boolean dryRun) {
        KoladaAccess.requireImporter(actor);
        return importFile(actor, actor.username(), fileName, format, content, dryRun, NO_PROGRESS);
    }

    /** Imports a file found at start-up, or fetched by the system; the actor is the system. */
    ImportResult runAsSystem(String fileName, Format format, InputStream content) {
        return runAsSystem(fileName, format, content, NO_PROGRESS);
    }

    /**
     * As {@link #runAsSystem(String, Format, InputStream)}, telling {@code rowsRead} the number of
     * rows read so far in this file every {@link #PROGRESS_EVERY} rows and once at the end (on the
     * importing thread, inside the import's transaction; the callback must be quick and not throw).
     */
    ImportResult runAsSystem(String fileName, Format format, InputStream content, LongConsumer rowsRead) {
        return importFile(null, Actor.SYSTEM, fileName, format, content, false, rowsRead);
    }

    /** Imports on behalf of a caller whose permission was checked already (the live connector). */
    ImportResult runChecked(Actor actor, String fileName, Format format, InputStream content, boolean dryRun) {
        return importFile(actor, actor.username(), fileName, format, content, dryRun, NO_PROGRESS);
    }

    private ImportResult importFile(Actor actor, String by, String fileName, Format format, InputStream content,
                                    boolean dryRun, LongConsumer rowsRead) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        ImportResult result = types.run(actor, by, name, format == Format.JSON, content, dryRun, rowsRead);
        if ("imported".equals(result.status())) {
            queries.invalidate();
        }
        return result;
    }

    static MessageDigest sha256() {
        return ImportPipeline.sha256();
    }

    /** Reads an upload's format from its content type or file name: JSON for JSON, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        return TabularFile.formatOf(contentType, fileName) == TabularFile.Format.JSON ? Format.JSON : Format.CSV;
    }

    /** The "Källa:" part of a Kolada description, if it has one. */
    static String sourceOf(String description) {
        return KoladaImportTypes.sourceOf(description);
    }
}
