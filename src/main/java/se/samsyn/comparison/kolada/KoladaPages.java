package se.samsyn.comparison.kolada;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.imports.ImportTemplate;
import se.samsyn.shared.Actor;

/**
 * The Kolada page: upload files with a dry run, fetch from the live API, follow the background load
 * of the Kolada sample, and see what is imported. National analysts and administrators only. The
 * upload lists the allowed codes of its coded columns with their names, offers CSV templates for
 * key figures and values, and after a good dry run holds the file ({@link HeldUploads}) for
 * "Importera nu".
 */
@Controller
class KoladaPages {

    private final KoladaImport importer;
    private final KoladaConnector connector;
    private final KoladaRepository repository;
    private final KoladaSampleLoad sampleLoad;
    private final HeldUploads held;

    KoladaPages(KoladaImport importer, KoladaConnector connector, KoladaRepository repository,
                KoladaSampleLoad sampleLoad, HeldUploads held) {
        this.importer = importer;
        this.connector = connector;
        this.repository = repository;
        this.sampleLoad = sampleLoad;
        this.held = held;
    }

    /** The columns of a values file (municipalities; the nation's file has area_code instead). */
    static final List<String> VALUE_COLUMNS = List.of("kpi_id", "municipality_code", "year", "gender", "value");
    /** The example key figure of the templates; the values template's row refers to it. */
    static final List<String> METADATA_EXAMPLE = List.of("N00001", "Exempel: andel brukare som är nöjda (%)",
            "Äldreomsorg", "K", "1", "Kvalitet", "Exempelkälla", "2026-01-15", "Exempel. Källa: Exempelkälla.");
    /**
     * The example value of the templates: Malmö (1280), 2024, all genders, for the first imported key
     * figure (a value's key figure must be imported first), or the example key figure when none is.
     */
    static List<String> valueExample(List<KoladaRecords.ImportedKpi> imported) {
        String kpi = imported.isEmpty() ? METADATA_EXAMPLE.get(0) : imported.get(0).id();
        return List.of(kpi, "1280", "2024", "T", "81.5");
    }
    private static final String HELD_KIND = "comparison:kolada";

    /** The allowed codes of the coded columns, from the lists the row rule checks. */
    static Map<String, List<AllowedCode>> codes() {
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("municipality_type", KoladaRowRule.MUNICIPALITY_TYPES.stream()
                .map(c -> AllowedCode.keyed(c, "kolada.code.municipality-type." + c)).toList());
        codes.put("is_divided_by_gender", KoladaRowRule.DIVIDED.stream()
                .map(c -> AllowedCode.keyed(c, "kolada.code.divided." + c)).toList());
        codes.put("gender", KoladaRowRule.GENDERS.stream().map(c -> AllowedCode.keyed(c, "kolada.code.gender." + c)).toList());
        return codes;
    }

    /** A template: the header and one example row, for key figures ({@code metadata}) or values. */
    @GetMapping("/comparisons/kolada/import/template-{kind:metadata|values}.csv")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        boolean metadata = "metadata".equals(kind);
        byte[] body = metadata ? ImportTemplate.csv(KoladaSources.METADATA_COLUMNS, List.of(METADATA_EXAMPLE))
                : ImportTemplate.csv(VALUE_COLUMNS, List.of(valueExample(repository.importedKpis())));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-kolada-" + (metadata ? "nyckeltal" : "varden") + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/comparisons/kolada")
    String page(Model model) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        model.addAttribute("kpis", repository.importedKpis());
        model.addAttribute("loads", repository.loads(20));
        model.addAttribute("baseUrl", connector.baseUrl());
        model.addAttribute("sampleLoad", sampleLoad.progress());
        model.addAttribute("codes", codes());
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        return "comparison/kolada-import";
    }

    /** The progress of the Kolada sample load as a fragment; the page polls it with htmx while the load runs. */
    @GetMapping("/comparisons/kolada/sample-load")
    String sampleLoad(Model model) {
        KoladaAccess.requireImporter(Actor.current().orElse(null));
        model.addAttribute("sampleLoad", sampleLoad.progress());
        return "comparison/fragments/kolada-sample-load :: progress";
    }

    @PostMapping("/comparisons/kolada/import")
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model,
                  HttpServletResponse response) throws IOException {
        Actor actor = Actor.current().orElse(null);
        KoladaAccess.requireImporter(actor);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "kolada.error.no-file");
            return page(model);
        }
        byte[] content = file.getBytes();
        ImportResult result = run(actor, file.getOriginalFilename(), file.getContentType(), content, dryRun);
        if (result.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (dryRun && "valid".equals(result.status())) {
            held.hold(actor.username(), HELD_KIND, file.getOriginalFilename(), file.getContentType(), content)
                    .ifPresent(token -> model.addAttribute("heldToken", token));
        }
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(model);
    }

    /** "Importera nu": imports the file held after a good dry run, without a second upload. */
    @PostMapping("/comparisons/kolada/import/held")
    String importHeld(@RequestParam(defaultValue = "") String token, Model model,
                      HttpServletResponse response) throws IOException {
        Actor actor = Actor.current().orElse(null);
        KoladaAccess.requireImporter(actor);
        var file = held.take(token, actor.username(), HELD_KIND);
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            return page(model);
        }
        ImportResult answer = run(actor, file.get().fileName(), file.get().contentType(), file.get().content(),
                false);
        if (answer.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", answer);
        model.addAttribute("fileName", file.get().fileName());
        return page(model);
    }

    private ImportResult run(Actor actor, String fileName, String contentType, byte[] content, boolean dryRun)
            throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return importer.run(actor, fileName, KoladaImport.formatOf(contentType, fileName), in, dryRun);
        }
    }

    @PostMapping("/comparisons/kolada/fetch")
    String fetch(@RequestParam(defaultValue = "") String kpis, @RequestParam(defaultValue = "") String years,
                 @RequestParam(defaultValue = "false") boolean dryRun, Model model, HttpServletResponse response) {
        Actor actor = Actor.current().orElse(null);
        KoladaAccess.requireImporter(actor);
        model.addAttribute("fetchKpis", kpis);
        model.addAttribute("fetchYears", years);
        try {
            Set<String> ids = KoladaParameters.ids(String.join(",", KoladaConnector.split(kpis.toUpperCase(java.util.Locale.ROOT))),
                    KoladaImportApi.KPI_LIST, "kpis");
            Set<Integer> yearSet = new LinkedHashSet<>(KoladaParameters.years(String.join(",", KoladaConnector.split(years))));
            model.addAttribute("fetch", connector.fetch(actor, ids, yearSet, dryRun));
        } catch (KoladaBadRequest e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("fetchError", e.messageKey());
        } catch (KoladaUnreachable e) {
            model.addAttribute("fetchError", e.messageKey());
        }
        return page(model);
    }
}
