package se.samsyn.followup.internal;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Service;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.imports.ImportPipeline;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;

/**
 * {@link FollowupImport} on the one {@link ImportPipeline}: reads the file strictly with
 * {@link TabularFile} (the optional {@code confirm} column for measurements, the older needs header
 * when a file has it) and hands its rows to the follow-up import types ({@link FollowupImportTypes}).
 */
@Service
class FollowupImporter implements FollowupImport {

    private final ImportPipeline pipeline;
    private final FollowupImportTypes types;
    private final Organisation organisation;

    FollowupImporter(ImportPipeline pipeline, FollowupImportTypes types, Organisation organisation) {
        this.pipeline = pipeline;
        this.types = types;
        this.organisation = organisation;
    }

    @Override
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

}
