package se.samsyn.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.organisation.referencedata.ReferenceDataImport;
import se.samsyn.organisation.referencedata.ReferenceDataStatus;
import se.samsyn.organisation.referencedata.ReferenceFile;
import se.samsyn.organisation.referencedata.ReferenceLoadResult;
import se.samsyn.shared.Actor;

/**
 * Uploading reference files: each multipart part is named by its kind ({@code counties},
 * {@code municipalities}, {@code municipality-groups}, {@code population}, {@code population-totals},
 * {@code municipality-boundaries}, {@code county-boundaries}). The batch is all-or-nothing.
 */
@RestController
@Tag(name = "Reference data", description = "Loading counties, municipalities, population, kommungrupper and boundaries")
class ReferenceDataApi {

    private final ReferenceDataImport importer;
    private final MessageSource messages;

    ReferenceDataApi(ReferenceDataImport importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    record Problem(String file, long row, String field, String message) {
    }

    record LoadResponse(String status, List<ReferenceLoadResult.FileSummary> files, List<Problem> errors) {
    }

    @PostMapping(value = "/api/v1/admin/reference-data", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load reference files; dryRun=true only checks them")
    ResponseEntity<LoadResponse> upload(@RequestParam MultiValueMap<String, MultipartFile> files,
                                        @RequestParam(defaultValue = "false") boolean dryRun, Locale locale)
            throws IOException {
        List<ReferenceFile> batch = ReferenceDataPages.toFiles(files);
        ReferenceLoadResult result = importer.upload(Actor.current().orElseThrow(), batch, dryRun);
        LoadResponse body = new LoadResponse(result.status(), result.files(), result.problems().stream()
                .map(p -> new Problem(p.fileName(), p.row(), p.field(),
                        messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale)))
                .toList());
        return ResponseEntity.status(result.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(body);
    }

    @GetMapping("/api/v1/admin/reference-data")
    @Operation(summary = "Rows per reference table and the latest loads")
    ReferenceDataStatus status() {
        return importer.status();
    }
}
