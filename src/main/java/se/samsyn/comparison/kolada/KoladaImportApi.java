package se.samsyn.comparison.kolada;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import se.samsyn.comparison.kolada.KoladaRecords.FetchResult;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.ImportedKpi;
import se.samsyn.shared.Actor;

/** Importing Kolada files and fetching KPIs from Kolada's live API, for national analysts and administrators. */
@RestController
@Tag(name = "Kolada import", description = "Import official statistics from Kolada files or Kolada's API")
class KoladaImportApi {

    static final Pattern KPI_LIST = Pattern.compile("[A-Z][A-Z0-9]{1,19}");

    private final KoladaImport importer;
    private final KoladaConnector connector;
    private final KoladaRepository repository;
    private final MessageSource messages;
    private final KoladaSampleLoad sampleLoad;

    KoladaImportApi(KoladaImport importer, KoladaConnector connector, KoladaRepository repository,
                    MessageSource messages, KoladaSampleLoad sampleLoad) {
        this.importer = importer;
        this.connector = connector;
        this.repository = repository;
        this.messages = messages;
        this.sampleLoad = sampleLoad;
    }

    record RowErrorView(long row, String field, String message) {
    }

    record ImportView(String status, String kind, long rows, long imported, long updated, long unchanged,
                      long ignored, long errorCount, List<RowErrorView> errors) {
    }

    record FetchRequest(List<String> kpis, List<Integer> years, Boolean dryRun) {
    }

    /** A fetch's two imports, and the pages and data rows read from Kolada and the rows it marked deleted. */
    record FetchView(ImportView metadata, ImportView values, int pages, long rows, long deleted) {
    }

    /**
     * The Kolada sample load: {@code state} is {@code off}, {@code waiting}, {@code not_found},
     * {@code running}, {@code done} or {@code failed}; {@code message} says the same in the
     * caller's language; {@code reason} and {@code firstError} are set only when it failed.
     * Times are ISO 8601 instants.
     */
    record SampleLoadView(String state, String message, String file, long rowsRead, long rowsTotal, int percent,
                          List<KoladaSampleProgress.FileLoad> files, String reason, RowErrorView firstError,
                          Instant startedAt, Instant finishedAt) {
    }

    @PostMapping("/api/v1/comparisons/kolada/imports")
    @Operation(summary = "Import a Kolada file (KPI metadata or values, CSV or Kolada JSON), all-or-nothing",
            description = "The body is CSV (text/csv, UTF-8, header row) or Kolada v2 JSON (application/json); a "
                    + "multipart upload with a part named 'file' also works. What the file holds is read from the "
                    + "header or the first object. Every bad row is reported; nothing is stored unless every row "
                    + "is valid. With dryRun=true nothing is stored either way.")
    ResponseEntity<ImportView> importFile(@RequestParam(defaultValue = "false") boolean dryRun,
                                          HttpServletRequest request, Locale locale) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        KoladaAccess.requireImporter(actor);
        ImportResult result;
        if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
            MultipartFile file = multipart.getFile("file");
            try (InputStream in = file.getInputStream()) {
                result = importer.run(actor, file.getOriginalFilename(),
                        KoladaImport.formatOf(file.getContentType(), file.getOriginalFilename()), in, dryRun);
            }
        } else {
            try (InputStream in = request.getInputStream()) {
                result = importer.run(actor, "api-upload", KoladaImport.formatOf(request.getContentType(), null), in,
                        dryRun);
            }
        }
        return ResponseEntity.status(result.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(view(result, locale));
    }

    @PostMapping("/api/v1/comparisons/kolada/fetch")
    @Operation(summary = "Fetch KPIs (metadata and values for the given years) from Kolada's live API and import them",
            description = "Body: {\"kpis\":[\"N31807\"],\"years\":[2021,2022],\"dryRun\":false}. 502 when Kolada "
                    + "cannot be reached; 422 when the answer was rejected (nothing stored).")
    ResponseEntity<FetchView> fetch(@RequestBody FetchRequest body, Locale locale) {
        Actor actor = Actor.current().orElseThrow();
        KoladaAccess.requireImporter(actor);
        if (body == null || body.kpis() == null || body.kpis().isEmpty()) {
            throw new KoladaBadRequest("kpis", "kolada.api.error.ids");
        }
        if (body.years() == null || body.years().isEmpty()) {
            throw new KoladaBadRequest("years", "kolada.api.error.year");
        }
        Set<String> kpis = KoladaParameters.ids(String.join(",", body.kpis()), KPI_LIST, "kpis");
        Set<Integer> years = new LinkedHashSet<>(body.years());
        FetchResult result = connector.fetch(actor, kpis, years, Boolean.TRUE.equals(body.dryRun()));
        boolean rejected = result.metadata().rejected() || (result.values() != null && result.values().rejected());
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(new FetchView(view(result.metadata(), locale),
                        result.values() == null ? null : view(result.values(), locale), result.pages(),
                        result.rows(), result.deleted()));
    }

    @GetMapping("/api/v1/comparisons/kolada/kpis")
    @Operation(summary = "Imported Kolada KPIs with their number of stored values and years")
    List<ImportedKpi> imported() {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        return repository.importedKpis();
    }

    @GetMapping("/api/v1/comparisons/kolada/sample-load")
    @Operation(summary = "How far the background load of the Kolada sample is: state, file, rows read of the total, "
            + "the outcome per file, and the reason when it failed")
    SampleLoadView sampleLoad(Locale locale) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        KoladaSampleProgress p = sampleLoad.progress();
        String message = messages.getMessage(p.messageKey(),
                new Object[] {p.file(), p.rowsRead(), p.rowsTotal(), p.percent()}, locale);
        String reason = p.reasonKey() == null ? null
                : messages.getMessage(p.reasonKey(), p.reasonArgs().toArray(), locale);
        RowErrorView firstError = p.firstError() == null ? null : new RowErrorView(p.firstError().row(),
                p.firstError().field(), messages.getMessage(p.firstError().messageKey(), null,
                        p.firstError().messageKey(), locale));
        return new SampleLoadView(p.state().name().toLowerCase(Locale.ROOT), message, p.file(), p.rowsRead(),
                p.rowsTotal(), p.percent(), p.files(), reason, firstError, p.startedAt(), p.finishedAt());
    }

    private ImportView view(ImportResult r, Locale locale) {
        return new ImportView(r.status(), r.kind(), r.rows(), r.imported(), r.updated(), r.unchanged(), r.ignored(),
                r.errorCount(), r.errors().stream().map(e -> new RowErrorView(e.row(), e.field(),
                        messages.getMessage(e.messageKey(), null, e.messageKey(), locale))).toList());
    }
}
